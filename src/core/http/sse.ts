import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A Server-Sent Events response: `event: name` + `data: json` frames on a hijacked reply. Errors that happen before
 * it is opened answer with the normal JSON error shape; after that, they travel as an `error` event.
 */
export type SseStream = {
  send(event: string, data: unknown): void;
  /** A comment line: keeps proxies from closing an idle stream. */
  comment(text: string): void;
  close(): void;
  /** Aborted when the client goes away (or close() was called). */
  signal: AbortSignal;
};

export function openSse(request: FastifyRequest, reply: FastifyReply): SseStream {
  const left = new AbortController();
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  raw.flushHeaders();
  const onGone = () => left.abort();
  raw.on('close', onGone);
  const writable = () => !left.signal.aborted && !raw.writableEnded && !raw.destroyed;
  return {
    send(event, data) {
      if (writable()) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      if (writable()) raw.write(`: ${text.replace(/\n/g, ' ')}\n\n`);
    },
    close() {
      if (!raw.writableEnded) raw.end();
      left.abort();
    },
    signal: left.signal,
  };
}
