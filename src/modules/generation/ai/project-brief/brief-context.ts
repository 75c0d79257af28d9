import type { TextAnalysis } from '../../../projects/index.js';
import type { ProjectBrief } from './schema.js';

export type Brief = ProjectBrief;
export type Feature = Brief['features'][number];

/** What the offline brief reads from the idea and the answers, once, for every section. */
export type BriefContext = {
  name: string;
  idea: string;
  analysis: TextAnalysis;
  answers: Array<{ question: string; answer: string }>;
  /** The actors as groups, the primary one (whose action the idea states first) first. */
  groups: string[];
  /** What the idea is about, as plural noun phrases ("walks", "time entries") that read well in a sentence. */
  topics: string[];
};
