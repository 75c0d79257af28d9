/** Adjectives, adverbs and participles: words that describe rather than name. */
import { wordSet } from '../../../../core/text/index.js';

/** Words that end a noun phrase without belonging to it: "book appointments online", "tick items off". */
export const PHRASE_ADVERBS = wordSet(`online offline together later now soon ahead abroad aside apart back away off up down out right straight
  automatically manually instantly immediately quickly directly again first`);

export const ADJECTIVES = wordSet(`
  active additional busy casual current existing experienced external first-time frequent independent individual
  internal large local logged-in new occasional older other potential premium professional regular registered remote
  senior single small trusted typical verified young younger open closed past recent upcoming previous next last
  pending overdue available unread urgent future`);

/** Words in -ly that are nouns or verbs, not adverbs. */
export const LY_WORDS = wordSet(`family reply supply assembly apply rely fly ally rally bully belly jelly lily holly anomaly
  monopoly italy july`);
export const IRREGULAR_PARTICIPLES = wordSet(`set kept sent paid made built held shown given taken done put cut read sold bought
  lent found left brought written known seen split run won hidden chosen frozen stolen spent shared broken lost torn worn`);

/** Adverbs that may sit between a modal and its verb: "can also book", "must quickly confirm". */
export const ACTION_ADVERBS = wordSet(`also easily quickly then still always directly instantly securely simply just only`);
