import { splitSentences, tokenize, truncate } from '../../../core/text/index.js';
import { modalClauses } from './modal-clauses.js';
import { priorityOf, type Priority } from './priority.js';
import { USER_STORY } from './user-story.js';

export type RequirementKind = 'functional' | 'non-functional';
export type Requirement = { id: string; text: string; kind: RequirementKind; priority: Priority };

const REQUIREMENT_CUE =
  /\b(must|shall|should|will|can|could|may|might|cannot|can't|needs? to|has to|have to|(?:is|are) required|wants? to|would like to|would be (?:nice|good|great)|nice to have|allows?|allowing|enables?|lets)\b/i;
const NOT_A_REQUIREMENT = /^(?:this|it|that|which|there)\s+(?:will|can|could|may|might)\b|\?$/i;
const NON_FUNCTIONAL_CUE = new RegExp(
  [
    'performan\\w*', 'fast(?:er)?', 'speed', 'latency', 'response times?', 'respond\\w*', '\\d+ ?(?:ms|milliseconds?)\\b',
    // a response within a few seconds is a performance target; "accept within 30 seconds" is a business rule
    '(?:within|under|below|less than|at most) (?:[1-5](?:\\.\\d+)?|one|two|three|four|five) ?(?:s|secs?|seconds?)\\b', 'frames per second', 'fps',
    'throughput', 'loads? in', 'concurren\\w*', 'scal(?:e|es|able|ability|ing)', 'uptime', 'highly available', 'available (?:24/7|\\d)',
    'reliab\\w*', 'fault[- ]toleran\\w*', 'redundan\\w*', 'backups?', 'disaster', 'secur(?:e|ely|ity)', 'encrypt\\w*',
    'privacy', 'gdpr', 'hipaa', 'ccpa', 'pci', 'soc ?2', 'iso ?27001', 'complian\\w*', 'audit\\w*', 'accessib\\w*',
    'wcag', 'a11y', 'screen readers?', 'usability', 'intuitive', 'responsive', 'mobile[- ]friendly', 'offline',
    'maintainab\\w*', 'testab\\w*', 'portab\\w*', 'locali[sz]\\w*', 'internationali[sz]\\w*', 'i18n', 'multilingual',
    'retention', 'logging', '(?:never|not) (?:store|log|share|sell|keep|save|expose)\\w*', 'read-only', '99(?:\\.\\d+)?%', '24/7', 'sla', 'works? (?:well )?on (?:phones|mobile|tablets|desktop|all browsers)', 'cross-platform',
  ].map((cue) => `\\b${cue}`).join('|'),
  'i',
);

/** Sentences that state what the product must, should or could do, numbered FR-n / NFR-n in document order. */
export function findRequirements(text: string, limit = 100): Requirement[] {
  return requirementsOf(splitSentences(text), limit);
}

/** The same for sentences already split, so that one reading of a text serves every analysis. */
export function requirementsOf(sentences: string[], limit: number): Requirement[] {
  const requirements: Requirement[] = [];
  let functional = 0;
  let nonFunctional = 0;
  for (const sentence of sentences) {
    if (requirements.length >= limit) break;
    if (!(REQUIREMENT_CUE.test(sentence) || USER_STORY.test(sentence)) || NOT_A_REQUIREMENT.test(sentence) || tokenize(sentence).length < 3) continue;
    for (const clause of USER_STORY.test(sentence) ? [sentence] : modalClauses(sentence)) {
      if (requirements.length >= limit) break;
      const kind: RequirementKind = NON_FUNCTIONAL_CUE.test(clause) ? 'non-functional' : 'functional';
      const id = kind === 'functional' ? `FR-${++functional}` : `NFR-${++nonFunctional}`;
      requirements.push({ id, text: truncate(clause, 500), kind, priority: priorityOf(clause) });
    }
  }
  return requirements;
}
