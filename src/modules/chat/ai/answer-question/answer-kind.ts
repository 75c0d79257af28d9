import { tokenize } from '../../../../core/text/index.js';
import { semanticClasses } from '../../../../core/text/nlp/index.js';

/**
 * What kind of answer a question asks for, as classic question answering reads it from the question word: an amount
 * ("How much…", "How many…", "How long…", "What age…"), a time ("When…", "Which day…") or a name ("Which provider…",
 * "Who…"). A sentence that holds that kind of thing answers the question better than one that only shares its words.
 */
export type AnswerKind = 'amount' | 'time' | 'name';

const AMOUNT = /^\s*(?:how\s+(?:much|many|long|often|old|far|big|large|soon|early|late)|what\s+(?:age|price|cost|fee|deposit|percentage|share|limit|size|number)|at\s+what\s+(?:age|price))\b/i;
const TIME = /^\s*(?:when|what\s+(?:time|day|date|month|year)s?|which\s+(?:day|date|month|year|time)s?|on\s+which\s+days?|by\s+when)\b/i;
const NAME = /^\s*(?:who|whom|whose|which|what\s+(?:provider|service|system|tool|platform|city|country|company|app|brand))\b/i;

/**
 * "What is the haulage rate per tonne?", "What's the late fee?", "What is the maximum number of people per pick?": a
 * question of what something is that names a sum or a count.
 */
const WHAT_IS = /^\s*what(?:'s|\s+(?:is|are|was|were))\b/i;
const COUNT_WORDS = new Set(['number', 'maximum', 'minimum', 'limit', 'capacity', 'size', 'age', 'total', 'count']);

/** "What commission is taken?": "what" before a word for a sum. */
const WHAT_NOUN = /^\s*what\s+([a-z]+)\b/i;

/** Whether a word names a sum in one of its first senses: "fee", "rate", "commission". */
function namesSum(word: string): boolean {
  return semanticClasses(word, 'noun', 2).includes('noun.possession');
}

export function answerKindOf(question: string): AnswerKind | undefined {
  if (AMOUNT.test(question)) return 'amount';
  const asked = WHAT_NOUN.exec(question)?.[1]?.toLowerCase();
  if (asked && namesSum(asked)) return 'amount';
  if (TIME.test(question)) return 'time';
  if (NAME.test(question)) return 'name';
  if (WHAT_IS.test(question) && tokenize(question).some((word) => COUNT_WORDS.has(word) || namesSum(word))) return 'amount';
  return undefined;
}

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|half|quarter|dozen|once|twice|single|double)\b/i;
const TIME_WORD = /\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|weekdays?|daily|weekly|monthly|yearly|annually|morning|evening|night|noon|midnight|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|before|after|within|until|ahead|advance|\d{1,2}(?::\d{2})?\s*(?:am|pm))\b/i;
/** A capitalised word that does not open the sentence, or an acronym: a proper name. */
const PROPER_NAME = /(?:^|[^.!?]\s)(?:[A-Z][a-z]+[A-Z]?\w*|[A-Z]{2,})\b/;

/** Whether a question asks how many of something there are: "How many toys come in a box?". */
export function asksCount(question: string): boolean {
  return /^\s*how\s+many\b/i.test(question);
}

export function holdsAnswerKind(sentence: string, kind: AnswerKind): boolean {
  switch (kind) {
    case 'amount':
      return NUMBER.test(sentence);
    case 'time':
      return TIME_WORD.test(sentence) || /\d/.test(sentence);
    case 'name':
      return PROPER_NAME.test(sentence.replace(/^\s*\S+/, ' '));
  }
}
