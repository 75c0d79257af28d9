import { USER_STORY } from './user-story.js';

/** MoSCoW priority: must, should or could have. */
export type Priority = 'must' | 'should' | 'could';

const MUST_CUE = /\b(must|shall|will|cannot|can't|needs? to|has to|have to|required|mandatory|critical|essential)\b/i;
const SHOULD_CUE = /\b(should|can|wants? to|allows?|allowing|enables?|lets)\b/i;
const COULD_CUE = /\b(could|may|might|would like to|would be (?:nice|good|great)|nice to have|optional(?:ly)?|ideally|eventually|later on|in the future|if possible|bonus)\b/i;

/** The MoSCoW priority a sentence's wording gives it: must/shall/needs to → must, should/can → should, could/may → could. */
export function priorityOf(sentence: string): Priority {
  if (COULD_CUE.test(sentence)) return 'could';
  const story = USER_STORY.exec(sentence)?.[1]?.toLowerCase();
  if (story) return story === 'need' ? 'must' : story === 'would like' || story === 'wish' ? 'could' : 'should';
  if (MUST_CUE.test(sentence)) return 'must';
  if (SHOULD_CUE.test(sentence)) return 'should';
  return 'could';
}
