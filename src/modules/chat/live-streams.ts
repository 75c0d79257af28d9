/**
 * The conversations this process is writing an answer into right now. One answer at a time per conversation; a
 * `streaming` row of a conversation not listed here (and quiet for a while) lost its writer.
 */
export type LiveStreams = {
  /** Takes the conversation, or null when an answer is being written in it already; call the result to let go. */
  claim(conversationId: string): (() => void) | null;
  isLive(conversationId: string): boolean;
};

export function liveStreams(): LiveStreams {
  const live = new Set<string>();
  return {
    claim(conversationId) {
      if (live.has(conversationId)) return null;
      live.add(conversationId);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        live.delete(conversationId);
      };
    },
    isLive: (conversationId) => live.has(conversationId),
  };
}
