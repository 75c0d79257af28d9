import { capitalize } from '../../../core/text/index.js';

const CLAUSE_MODAL = String.raw`(?:must|shall|should|will|can|could|may|might|cannot|can't|needs? to|has to|have to)\b`;
const FIRST_MODAL = new RegExp(String.raw`\b${CLAUSE_MODAL}`, 'i');
/** ", and should …", " and admins must …": a conjunction, an optional short subject of its own, then a modal. */
const NEXT_MODAL_CLAUSE = new RegExp(String.raw`,?\s+(?:and|or|but)\s+((?:[\p{L}\p{N}'’-]+\s+){0,4}?)(${CLAUSE_MODAL})`, 'iu');
const NOT_A_SUBJECT = /\b(?:who|whom|whose|which|that|when|where|if|because|so|to|then|also|it|this|they|them)\b/i;

/**
 * "The system must send reminders and should rate gardeners" states two requirements: "The system must send
 * reminders" and "The system should rate gardeners", each with its own priority. A second clause without a subject
 * of its own takes the first clause's subject.
 */
export function modalClauses(sentence: string): string[] {
  const first = FIRST_MODAL.exec(sentence);
  if (!first) return [sentence];
  const subject = sentence.slice(0, first.index).trim();
  const ending = /[.!]$/.test(sentence) ? sentence.slice(-1) : '';
  const body = ending ? sentence.slice(0, -1) : sentence;
  const clauses: string[] = [];
  let start = 0;
  let searchFrom = first.index + first[0].length;
  let currentSubject = '';
  while (clauses.length < 5) {
    const next = NEXT_MODAL_CLAUSE.exec(body.slice(searchFrom));
    const ownSubject = next?.[1]?.trim() ?? '';
    if (!next || (ownSubject && NOT_A_SUBJECT.test(ownSubject)) || (!ownSubject && !subject)) {
      if (!next) break;
      searchFrom += next.index + next[0].length;
      continue;
    }
    const at = searchFrom + next.index;
    clauses.push(`${currentSubject}${body.slice(start, at).trim()}`);
    start = at + next[0].length - (next[2]?.length ?? 0) - (next[1]?.length ?? 0);
    currentSubject = ownSubject ? '' : `${subject} `;
    searchFrom = at + next[0].length;
  }
  if (clauses.length === 0) return [sentence];
  clauses.push(`${currentSubject}${body.slice(start).trim()}`);
  return clauses.map((clause) => `${capitalize(clause)}${ending}`);
}
