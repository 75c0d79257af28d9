import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useDebounced } from '../../lib/use-debounced';
import { isMissingEndpoint, type Estimate, type SimilarStories } from './client';

export type StoryHints = {
  /** Open stories that read like the one being written, above the server's threshold. */
  similar: SimilarStories['items'];
  /** A points suggestion from similar finished stories; null when there is none. */
  estimate: Estimate | null;
};

const MIN_TITLE = 8;

/**
 * While a story's title is typed: the duplicate check and the points suggestion, each asked once typing pauses. A
 * server without those endpoints (404) or a failing one leaves the hints out; writing the story is never held up.
 */
export function useStoryHints(projectId: string, title: string, options: { excludeId?: string; description?: string } = {}): StoryHints {
  const text = useDebounced(title.trim(), 350);
  const [similar, setSimilar] = useState<SimilarStories['items']>([]);
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [missing, setMissing] = useState({ similar: false, estimate: false });
  const { excludeId } = options;

  useEffect(() => {
    if (text.length < MIN_TITLE || missing.similar) {
      setSimilar([]);
      return;
    }
    const controller = new AbortController();
    api.backlog.stories
      .similar(projectId, { title: text, ...(excludeId ? { excludeId } : {}) }, controller.signal)
      .then((answer) => setSimilar(answer.items.filter((item) => item.similarity >= answer.threshold).slice(0, 3)))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isMissingEndpoint(error)) setMissing((m) => ({ ...m, similar: true }));
        setSimilar([]);
      });
    return () => controller.abort();
  }, [projectId, text, excludeId, missing.similar]);

  useEffect(() => {
    if (text.length < MIN_TITLE || missing.estimate) {
      setEstimate(null);
      return;
    }
    const controller = new AbortController();
    api.backlog.stories
      .estimate(projectId, { title: text }, controller.signal)
      .then((answer) => setEstimate(answer.storyPoints === null ? null : answer))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isMissingEndpoint(error)) setMissing((m) => ({ ...m, estimate: true }));
        setEstimate(null);
      });
    return () => controller.abort();
  }, [projectId, text, missing.estimate]);

  return { similar: text.length >= MIN_TITLE ? similar : [], estimate: text.length >= MIN_TITLE ? estimate : null };
}
