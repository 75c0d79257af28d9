import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got: the raw body as sent (what the signature covers) and the headers, lower-cased. */
export type ReceivedRequest = { path: string; headers: http.IncomingHttpHeaders; body: string };

export type WebhookReceiver = {
  url: string;
  received: ReceivedRequest[];
  /** The status to answer the next requests with, one per request; 200 once the list is used up. */
  answers: number[];
  close(): Promise<void>;
};

/**
 * A webhook receiver on 127.0.0.1, as Zapier's "Catch Hook" or any HTTP endpoint: it takes a JSON POST and answers a
 * status. Listens on a free port of 4100-4199.
 */
export async function startWebhookReceiver(answers: number[] = []): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const receiver = { received, answers: [...answers] };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = receiver.answers.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: status < 300 }));
    });
  });
  for (let port = 4100 + Math.floor(Math.random() * 50); ; port++) {
    if (port > 4199) throw new Error('No free port in 4100-4199');
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) break;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/atelier`,
    received,
    get answers() {
      return receiver.answers;
    },
    set answers(value: number[]) {
      receiver.answers = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
