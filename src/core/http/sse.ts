import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Server-Sent Events responses: `event: name` + `data: json` frames on a hijacked reply. Errors that happen before a
 * stream is opened answer with the normal JSON error shape; after that, they travel as an `error` event.
 */
export type SseStream = {
  /** `id` becomes the frame's SSE id: a client reconnects with it as Last-Event-ID. */
  send(event: string, data: unknown, id?: string | number): void;
  close(): void;
  /** Aborted when the client goes away, the server closes, or close() was called. */
  signal: AbortSignal;
};

export type SseStreams = { open(request: FastifyRequest, reply: FastifyReply): SseStream };

/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

/** Streams of one Fastify scope; they end when the server closes, so closing never waits for their clients. */
export function sseStreams(scope: Pick<FastifyInstance, 'addHook'>): SseStreams {
  const open = new Set<SseStream>();
  scope.addHook('preClose', async () => {
    for (const stream of [...open]) stream.close();
  });
  return {
    open(request, reply) {
      const ended = new AbortController();
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
      const writable = () => !ended.signal.aborted && !raw.writableEnded && !raw.destroyed;
      const keepAlive = setInterval(() => {
        if (writable()) raw.write(': keep-alive\n\n');
      }, KEEPALIVE_MS);
      const stream: SseStream = {
        send(event, data, id) {
          if (!writable()) return;
          const idLine = id === undefined ? '' : `id: ${String(id).replace(/[\r\n]/g, '')}\n`;
          raw.write(`${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        },
        close() {
          if (ended.signal.aborted) return;
          clearInterval(keepAlive);
          open.delete(stream);
          ended.abort();
          if (!raw.writableEnded) raw.end();
        },
        signal: ended.signal,
      };
      open.add(stream);
      raw.on('close', () => stream.close());
      return stream;
    },
  };
}

/**
 * Aborted when the client of this request goes away before its response is complete, so a model call it no longer
 * waits for stops. 'close' also fires after a normal answer; only an unfinished response means the client left.
 */
export function clientGone(request: FastifyRequest, reply: FastifyReply): AbortController {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  request.raw.on('aborted', () => controller.abort());
  return controller;
}
