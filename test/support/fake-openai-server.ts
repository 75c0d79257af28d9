import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible HTTP server (POST /v1/chat/completions, streaming and not), so tests exercise the
 * providers' real HTTP path without the internet. Each test scripts what it answers.
 */
export type FakeReply = {
  content: string;
  promptTokens?: number;
  completionTokens?: number;
  /** Answer with this HTTP status and an OpenAI-style error body instead. */
  status?: number;
  /** Wait this long before answering (or between stream chunks when streaming). */
  delayMs?: number;
};

export type FakeRequest = {
  path: string;
  authorization: string | undefined;
  body: {
    model?: string;
    stream?: boolean;
    messages?: Array<{ role: string; content: unknown }>;
    [key: string]: unknown;
  };
};

export type FakeOpenAiServer = {
  /** Base URL including /v1, as AI_BASE_URL takes it. */
  url: string;
  requests: FakeRequest[];
  /** Replies used in order, one per request; when they run out, `fallback` answers. */
  queue(...replies: FakeReply[]): void;
  fallback: (request: FakeRequest) => FakeReply;
  close(): Promise<void>;
};

export type FakeOpenAiOptions = {
  /** Requests without `Authorization: Bearer <apiKey>` get 401 like the real API. */
  apiKey?: string;
  fallback?: (request: FakeRequest) => FakeReply;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lastUserText(request: FakeRequest): string {
  const messages = request.body.messages ?? [];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  return typeof last.content === 'string' ? last.content : JSON.stringify(last.content);
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAiServer> {
  const scripted: FakeReply[] = [];
  const requests: FakeRequest[] = [];
  const state: FakeOpenAiServer = {
    url: '',
    requests,
    queue: (...replies) => void scripted.push(...replies),
    fallback: options.fallback ?? ((request) => ({ content: `You said: ${lastUserText(request).slice(0, 80)}` })),
    close: async () => undefined,
  };
  let sequence = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        let body: FakeRequest['body'];
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as FakeRequest['body'];
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'bad json' } }));
          return;
        }
        const request: FakeRequest = { path: req.url ?? '', authorization: req.headers.authorization, body };
        requests.push(request);
        if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } }));
          return;
        }
        if (!req.url?.endsWith('/chat/completions')) {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
          return;
        }
        const reply = scripted.shift() ?? state.fallback(request);
        const model = body.model ?? 'fake-model';
        const promptTokens = reply.promptTokens ?? 11;
        const completionTokens = reply.completionTokens ?? 7;
        sequence += 1;
        const id = `chatcmpl-fake-${sequence}`;
        const created = 1_700_000_000 + sequence;
        if (reply.status && reply.status >= 400) {
          if (reply.delayMs) await sleep(reply.delayMs);
          res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.status === 429 ? { 'retry-after': '0' } : {}) });
          res.end(JSON.stringify({ error: { message: reply.content || `status ${reply.status}`, type: 'server_error' } }));
          return;
        }
        const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
        if (!body.stream) {
          if (reply.delayMs) await sleep(reply.delayMs);
          if (res.destroyed) return;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              id,
              object: 'chat.completion',
              created,
              model,
              choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
              usage,
            }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
        const pieces = reply.content.match(/\S+\s*|\s+/g) ?? [];
        send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
        for (const piece of pieces) {
          if (res.destroyed) return;
          if (reply.delayMs) await sleep(reply.delayMs);
          send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
        }
        send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
        send({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
        res.write('data: [DONE]\n\n');
        res.end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
