import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError, isRecord } from '../../api/http';
import { isLive } from './board-labels';
import type { BoardDecision, Clarification, Contribution, DeliberationOption, PanelSeat, SessionDetail, Vote } from './client';

export type SessionRoom = {
  status: 'loading' | 'ready' | 'error';
  session: SessionDetail | null;
  error: unknown;
  /** Whether the live stream is open (false while it reconnects, and once the session has ended). */
  live: boolean;
  reload(): void;
  /** The session after a control (pause, resume, kill, answers), merged before the stream reports it. */
  merge(patch: Partial<SessionDetail>): void;
};

/** The event types the room applies in place; anything else (a newer server's) refetches the session. */
const REFETCH_DELAY_MS = 400;
const MAX_RECONNECT_MS = 15_000;

/** A list an event carries, whichever key the server put it under. */
function listIn(data: Record<string, unknown>, ...keys: string[]): unknown[] | null {
  for (const key of keys) if (Array.isArray(data[key])) return data[key] as unknown[];
  return null;
}

function looksLikeContribution(value: unknown): value is Contribution {
  return isRecord(value) && typeof value.id === 'number' && typeof value.personaCode === 'string' && typeof value.roundNumber === 'number';
}

function looksLikeVote(value: unknown): value is Vote {
  return isRecord(value) && typeof value.personaCode === 'string' && Array.isArray(value.ranking);
}

function looksLikeDecision(value: unknown): value is BoardDecision {
  return isRecord(value) && isRecord(value.recommendation) && isRecord(value.tally);
}

/** The session's own fields an event may carry (status, phase, round, totals…), and nothing else. */
function summaryPatch(data: Record<string, unknown>, session: SessionDetail): Partial<SessionDetail> {
  const source = isRecord(data.session) ? data.session : data;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key in session && key !== 'contributions' && key !== 'votes' && value !== undefined) patch[key] = value;
  }
  return patch;
}

/**
 * A board session, kept current by its Server-Sent Events: each numbered event patches the session in place (a
 * contribution or a vote is appended, a list replaced), and anything the room cannot apply by itself refetches it.
 * The stream starts after the events the loaded session already reflects (?after=), and the browser reconnects by
 * itself with Last-Event-ID; when it gives up (the stream answered an error), the session is refetched — which also
 * renews an expired sign-in — and the stream opened again past what was applied, with a growing delay. No polling.
 */
export function useSessionRoom(sessionId: string): SessionRoom {
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [status, setStatus] = useState<SessionRoom['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const [generation, setGeneration] = useState(0);
  const sessionRef = useRef<SessionDetail | null>(null);
  sessionRef.current = session;

  const update = useCallback((change: (current: SessionDetail) => SessionDetail) => {
    setSession((current) => (current ? change(current) : current));
  }, []);

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let refetchTimer: number | undefined;
    let reconnectTimer: number | undefined;
    let reconnectDelay = 1000;
    let fetching: Promise<SessionDetail | null> | null = null;
    let fetchAgain = false;
    /** The newest event applied; replays of older ones (a fresh stream starts from the beginning) are skipped. */
    let lastSeq = 0;
    const controller = new AbortController();

    const close = () => {
      source?.close();
      source = null;
      setLive(false);
    };

    const fetchSession = (): Promise<SessionDetail | null> => {
      if (fetching) {
        fetchAgain = true;
        return fetching;
      }
      fetching = api.board.sessions
        .get(sessionId, controller.signal)
        .then((detail) => {
          if (stopped) return null;
          lastSeq = Math.max(lastSeq, detail.lastEventSeq);
          setSession(detail);
          setStatus('ready');
          setError(null);
          return detail;
        })
        .catch((caught: unknown) => {
          if (stopped) return null;
          // A session that cannot be read any more (gone, or access lost) ends the room; a hiccup keeps what it shows.
          if (!sessionRef.current || (caught instanceof ApiError && (caught.status === 404 || caught.status === 403))) {
            setError(caught);
            setStatus('error');
            close();
          }
          return null;
        })
        .finally(() => {
          fetching = null;
          if (fetchAgain && !stopped) {
            fetchAgain = false;
            void fetchSession();
          }
        });
      return fetching;
    };

    const scheduleRefetch = () => {
      window.clearTimeout(refetchTimer);
      refetchTimer = window.setTimeout(() => void fetchSession(), REFETCH_DELAY_MS);
    };

    const apply = (type: string, data: Record<string, unknown>) => {
      switch (type) {
        case 'session':
          update((current) => ({ ...current, ...summaryPatch(data, current) }));
          // A new phase or status can bring what no event carries alone (the sub-questions, an error).
          scheduleRefetch();
          return;
        case 'clarifications': {
          const items = listIn(data, 'clarifications', 'items');
          if (items) update((current) => ({ ...current, clarifications: items as Clarification[] }));
          else scheduleRefetch();
          return;
        }
        case 'panel': {
          const items = listIn(data, 'panel', 'items', 'seats');
          if (items) update((current) => ({ ...current, panel: items as PanelSeat[] }));
          else scheduleRefetch();
          return;
        }
        case 'options': {
          const items = listIn(data, 'options', 'items');
          const subQuestions = listIn(data, 'subQuestions');
          if (items) {
            update((current) => ({
              ...current,
              options: items as DeliberationOption[],
              ...(subQuestions ? { subQuestions: subQuestions as SessionDetail['subQuestions'] } : {}),
            }));
          } else scheduleRefetch();
          return;
        }
        case 'contribution': {
          const contribution = looksLikeContribution(data.contribution) ? data.contribution : data;
          if (looksLikeContribution(contribution)) {
            update((current) =>
              current.contributions.some((c) => c.id === contribution.id)
                ? current
                : { ...current, contributions: [...current.contributions, contribution] },
            );
          }
          // The session's totals (cost, tokens, round) move with every contribution.
          scheduleRefetch();
          return;
        }
        case 'vote': {
          const vote = looksLikeVote(data.vote) ? data.vote : data;
          if (looksLikeVote(vote)) {
            update((current) => ({ ...current, votes: [...current.votes.filter((v) => v.personaCode !== vote.personaCode), vote] }));
          }
          scheduleRefetch();
          return;
        }
        case 'decision': {
          const decision = looksLikeDecision(data.decision) ? data.decision : data;
          if (looksLikeDecision(decision)) update((current) => ({ ...current, decision }));
          scheduleRefetch();
          return;
        }
        default:
          scheduleRefetch();
      }
    };

    const open = () => {
      if (stopped || source || typeof EventSource === 'undefined') return;
      const stream = new EventSource(api.board.sessions.eventsUrl(sessionId, lastSeq));
      source = stream;
      stream.onopen = () => {
        reconnectDelay = 1000;
        setLive(true);
      };
      const onEvent = (event: MessageEvent<string>) => {
        const seq = Number(event.lastEventId);
        if (Number.isFinite(seq) && seq > 0) {
          if (seq <= lastSeq) return;
          lastSeq = seq;
        }
        let payload: unknown;
        try {
          payload = JSON.parse(event.data);
        } catch {
          scheduleRefetch();
          return;
        }
        // Each frame carries the stored event, {seq, type, data, createdAt}; what changed is its data.
        const data = isRecord(payload) && isRecord(payload.data) && 'seq' in payload ? payload.data : payload;
        apply(event.type, isRecord(data) ? data : {});
      };
      for (const type of ['session', 'clarifications', 'panel', 'options', 'contribution', 'vote', 'decision', 'message']) {
        stream.addEventListener(type, onEvent as EventListener);
      }
      // The session ended: nothing more will come, and the browser must not reconnect.
      stream.addEventListener('end', () => {
        close();
        void fetchSession();
      });
      // Both a broken connection and the server's own `event: error` (it closes the stream after one) land here.
      stream.onerror = () => {
        if (stream.readyState === EventSource.CONNECTING) {
          // The browser reconnects by itself, sending Last-Event-ID.
          setLive(false);
          return;
        }
        close();
        window.clearTimeout(reconnectTimer);
        reconnectTimer = window.setTimeout(() => {
          void fetchSession().then((detail) => {
            if (detail && isLive(detail.status)) open();
          });
        }, reconnectDelay);
        reconnectDelay = Math.min(MAX_RECONNECT_MS, reconnectDelay * 2);
      };
    };

    setStatus('loading');
    setSession(null);
    setError(null);
    void fetchSession().then((detail) => {
      if (detail && isLive(detail.status)) open();
    });

    return () => {
      stopped = true;
      controller.abort();
      window.clearTimeout(refetchTimer);
      window.clearTimeout(reconnectTimer);
      source?.close();
    };
  }, [sessionId, generation, update]);

  // A session that ended through its own control (kill) closes the stream once the server says so ('end'); one that
  // came back to life (resume after a failure) needs it again: reload reopens it.
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const merge = useCallback((patch: Partial<SessionDetail>) => update((current) => ({ ...current, ...patch })), [update]);

  return { status, session, error, live, reload, merge };
}
