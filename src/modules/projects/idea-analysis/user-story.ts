import { STOP_WORDS, type Word } from '../../../core/text/index.js';

/** "As a teacher, I want a weekly summary": a user story states a requirement even without "to". */
export const USER_STORY = /^as an? [^,]{1,60},? (?:i|we) (want|need|would like|wish|expect)\b/i;

/** "As a project manager, I want …": index just past the actor phrase, or 0. */
export function userStoryActorEnd(sentence: Word[]): number {
  if (sentence[0]?.lower !== 'as' || !['a', 'an'].includes(sentence[1]?.lower ?? '')) return 0;
  let end = 2;
  while (end < sentence.length && end < 5 && !sentence[end]?.breakBefore && !STOP_WORDS.has(sentence[end]?.lower ?? '')) end++;
  if (end === 2) return 0;
  return end;
}
