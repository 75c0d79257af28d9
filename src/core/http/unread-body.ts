import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * An answer given before the request body was read (413 for a body over the limit, 401 from the authentication
 * hook) must still reach the client. Node closes such a connection right after the answer while the client is still
 * sending, and a socket closed with unread data is reset: the client then sees ECONNRESET instead of the answer.
 * Reading the rest of the body first (and throwing it away) lets the answer arrive, up to a limit of bytes and time
 * past which the connection is closed as before.
 */

const DRAIN_TIMEOUT_MS = 10_000;

function drain(raw: IncomingMessage, maxBytes: number): Promise<void> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve();
  const declared = Number(raw.headers['content-length']);
  // More than we are willing to read: closing the connection is the lesser evil.
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve();
  return new Promise((resolve) => {
    let received = 0;
    const done = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', done);
      raw.off('close', done);
      raw.off('error', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) done();
    };
    const timer = setTimeout(done, DRAIN_TIMEOUT_MS);
    raw.on('data', onData);
    raw.once('end', done);
    raw.once('close', done);
    raw.once('error', done);
    raw.resume();
  });
}

/** Before an answer goes out, reads what is left of the request body (at most `maxBytes`, at most 10 s). */
export function registerUnreadBodyDrain(app: FastifyInstance, maxBytes: number): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    await drain(request.raw, maxBytes);
    return payload;
  });
}
