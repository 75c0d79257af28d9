import { featureSimilarity, sectionFeatures, type FeatureVector } from '../../search/index.js';

/**
 * How alike two stories read, 0 to 1: the cosine of the search index's text features (stems, bigrams and related
 * terms, so "log in" meets "sign in"), the title counting twice as much as the description. One function for the
 * duplicate check, estimation and matching a document's stories to the project model's use cases.
 */
export type StoryText = { title: string; description?: string | null | undefined };

export function storyFeatures(story: StoryText): FeatureVector {
  return sectionFeatures(story.title, story.description ?? '');
}

export function storySimilarity(a: StoryText | FeatureVector, b: StoryText | FeatureVector): number {
  const features = (s: StoryText | FeatureVector) => (s instanceof Map ? s : storyFeatures(s));
  return Math.round(featureSimilarity(features(a), features(b)) * 1000) / 1000;
}
