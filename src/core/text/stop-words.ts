import { normalizeApostrophe } from './tokenize.js';
import { wordSet } from './word-set.js';

/** English function words (articles, pronouns, auxiliaries, conjunctions, prepositions), lower case. */
export const STOP_WORDS = wordSet(`
  a about above across after again against all almost along already also although always am among an and another
  any anyone anything are aren't around as at be because been before being below beside besides between both but by
  can cannot can't could couldn't did didn't do does doesn't doing don't done down during each either else enough
  etc even ever every everyone everything few for from further had hadn't has hasn't have haven't having he he's her
  here hers herself him himself his how however i i'd i'll i'm i've if in inside instead into is isn't it it's its
  itself just least less let's may me might mine more most much must my myself neither no nor not now of off often
  on once one ones only onto or other others otherwise our ours ourselves out over own per perhaps quite rather same
  shall she should since so some someone something such than that that's the their theirs them themselves then there
  there's these they they're this those though through thus to too toward towards under unless until up upon us very
  via was wasn't we we'd we'll we're we've were weren't what what's when whenever where wherever whether which while
  who whom whose why will with within without won't would wouldn't yet you you'd you'll you're you've your yours
  yourself yourselves`);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(normalizeApostrophe(word.toLowerCase()));
}
