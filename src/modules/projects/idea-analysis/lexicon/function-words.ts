/** Closed-class English words the clause reading steers by: modals, determiners, prepositions and the like. */
import { wordSet } from '../../../../core/text/index.js';

export const MODALS = wordSet(`must shall should will would can could may might cannot`);

/** Verbs that attach an attribute list to an entity: "each walk has a date and a price". */
export const HAVE_VERBS = wordSet(`has have contains contain includes include stores store holds hold records record tracks
  track keeps keep`);

export const PREPOSITIONS = wordSet(`about above across after against along among around at before behind below beneath
  beside between beyond by during for from in inside into near of on onto outside over past through to toward towards
  under via with within without`);

export const DETERMINERS = wordSet(`a an the each every their our your his her its my this these those any some all per`);

/** Number words: "two players" are players. */
export const NUMBER_WORDS = wordSet(`one two three four five six seven eight nine ten eleven twelve twenty hundred thousand
  several multiple both few dozens hundreds thousands millions`);

export const CLAUSE_BREAKERS = wordSet(`when where while because so but if which who whom whose that than although though unless
  until since whereas and or then`);

export const POSSESSIVE_PRONOUNS = wordSet(`my your his her its our their whose`);
export const CLAUSE_OPENERS = wordSet(`when where while because if and or but that which so then until since although unless
  whereas as once after before`);
export const PARTICLES = wordSet(`up off out down in back over aside apart`);
export const BE_FORMS = wordSet(`is are was were be been being`);
