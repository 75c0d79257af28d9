import { tagText } from '../nlp/index.js';
import { MODALS, pastParticiple, present, presentOfBe, type GrammaticalNumber } from './verbs.js';
import type { NounPhrase } from './noun-phrase.js';

/**
 * A verb phrase from its parts: the verb's lemma, what follows it ("the drill to the library"), and optionally a
 * modal ("can"), the passive voice and negation. It is realised against a subject, so the verb agrees with it:
 * "the member returns the drill", "they return the drill", "reports can be exported", "the loan is not renewed".
 */
export type VerbPhrase = {
  lemma: string;
  /** What follows the verb: object, complements. */
  rest?: string;
  modal?: string;
  passive?: boolean;
  negative?: boolean;
};

function tail(vp: VerbPhrase): string {
  return vp.rest?.trim() ? ` ${vp.rest.trim()}` : '';
}

/** The verb phrase after a subject of that number: "returns the drill", "can be exported", "are not renewed". */
export function predicate(vp: VerbPhrase, number: GrammaticalNumber): string {
  const not = vp.negative ? ' not' : '';
  if (vp.modal) return `${vp.modal}${not} ${vp.passive ? `be ${pastParticiple(vp.lemma)}` : vp.lemma}${tail(vp)}`;
  if (vp.passive) return `${presentOfBe(number)}${not} ${pastParticiple(vp.lemma)}${tail(vp)}`;
  if (vp.negative) return `${number === 'singular' ? 'does' : 'do'} not ${vp.lemma}${tail(vp)}`;
  return `${present(vp.lemma, number)}${tail(vp)}`;
}

/** The verb phrase after "to", "let someone" or "can": "return the drill", "be exported". */
export function bareInfinitive(vp: VerbPhrase): string {
  const not = vp.negative ? 'not ' : '';
  return `${not}${vp.passive ? `be ${pastParticiple(vp.lemma)}` : vp.lemma}${tail(vp)}`;
}

/** Subject and predicate: "the member returns the drill". */
export function clause(subject: NounPhrase, vp: VerbPhrase): string {
  return `${subject.text} ${predicate(vp, subject.number)}`;
}

const NOT_A_VERB_START = new Set(['DET', 'PRON', 'NUM', 'ADJ', 'ADP', 'CCONJ', 'SCONJ', 'PUNCT', 'SYM', 'X', 'INTJ']);

/**
 * Reads a verb phrase written as text ("submits the booking request", "return the drill", "can be exported") into
 * its parts, the verb as its lemma (from the part-of-speech tagger). Undefined when the text does not start with a
 * verb ("the booking", "quickly").
 */
export function parseVerbPhrase(text: string): VerbPhrase | undefined {
  const trimmed = text.trim().replace(/[.!?;:]+$/, '');
  if (!trimmed) return undefined;
  const tokens = tagText(trimmed).flatMap((s) => s.tokens);
  const offsets: number[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = trimmed.indexOf(token.text, cursor);
    offsets.push(at);
    cursor = at + token.text.length;
  }
  const restFrom = (index: number): string | undefined => {
    const at = offsets[index];
    return at === undefined || at < 0 ? undefined : trimmed.slice(at).trim() || undefined;
  };
  let index = 0;
  const vp: Omit<VerbPhrase, 'lemma'> = {};
  const first = tokens[0];
  if (!first) return undefined;
  if (MODALS.has(first.normal)) {
    vp.modal = first.normal;
    index = 1;
  }
  if (tokens[index]?.normal === 'not') {
    vp.negative = true;
    index += 1;
  }
  const verb = tokens[index];
  if (!verb) return undefined;
  const next = tokens[index + 1];
  const isBe = verb.lemma === 'be' || ['is', 'are', 'be'].includes(verb.normal);
  if (isBe && next && next.pos === 'VERB' && next.normal !== next.lemma && /(?:ed|en|wn|ne|t)$/.test(next.normal)) {
    return { ...vp, lemma: next.lemma, passive: true, ...(restFrom(index + 2) ? { rest: restFrom(index + 2) } : {}) };
  }
  if (!vp.modal && NOT_A_VERB_START.has(verb.pos) && verb.pos !== 'ADJ') return undefined;
  if (!vp.modal && verb.pos === 'ADJ') return undefined;
  const lemma = verb.lemma.toLowerCase();
  const rest = restFrom(index + 1);
  return { ...vp, lemma, ...(rest ? { rest } : {}) };
}
