import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server speaking the OpenAI chat completions API (POST /v1/chat/completions) and the Anthropic
 * Messages API (POST /v1/messages), streaming and not, so tests exercise the providers' real HTTP path without the
 * internet. Each test scripts what it answers; structured output is honoured the way the two APIs document it:
 * - OpenAI `response_format` json_schema: a strict schema whose objects are not all closed and fully required is
 *   refused with 400, as OpenAI does; `refuseResponseFormat` plays a server without the feature (400 as well);
 * - Anthropic `tools` + `tool_choice` forcing a tool: the answer is that tool's `tool_use` block, its input the
 *   scripted JSON; `output_config.format`: the JSON as text.
 */
export type FakeReply = {
  content: string;
  promptTokens?: number;
  completionTokens?: number;
  /** Answer with this HTTP status and an OpenAI-style (or Anthropic-style) error body instead. */
  status?: number;
  /** Wait this long before answering (or between stream chunks when streaming). */
  delayMs?: number;
};

export type FakeRequest = {
  path: string;
  authorization: string | undefined;
  /** Anthropic's key header. */
  apiKeyHeader: string | undefined;
  body: {
    model?: string;
    stream?: boolean;
    messages?: Array<{ role: string; content: unknown }>;
    response_format?: { type: string; json_schema?: { name?: string; strict?: boolean; schema?: Record<string, unknown> } };
    tools?: Array<{ name: string; input_schema?: Record<string, unknown> }>;
    tool_choice?: { type: string; name?: string };
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
  /** Requests without `Authorization: Bearer <apiKey>` (or Anthropic's `x-api-key`) get 401 like the real APIs. */
  apiKey?: string;
  fallback?: (request: FakeRequest) => FakeReply;
  /** Play a server without native structured output: a `response_format` of type json_schema gets 400. */
  refuseResponseFormat?: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lastUserText(request: FakeRequest): string {
  const messages = request.body.messages ?? [];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  return typeof last.content === 'string' ? last.content : JSON.stringify(last.content);
}

/** OpenAI's strict-mode rule: every object closed and every property required. The first breach, or undefined. */
function strictProblem(schema: unknown, at = '()'): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const node = schema as Record<string, unknown>;
  if (node.type === 'object' || node.properties) {
    const properties = (node.properties ?? {}) as Record<string, unknown>;
    if (node.additionalProperties !== false) return `In context=${at}, 'additionalProperties' is required to be supplied and to be false.`;
    const required = new Set((node.required as string[] | undefined) ?? []);
    const missing = Object.keys(properties).find((name) => !required.has(name));
    if (missing) return `In context=${at}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    for (const [name, child] of Object.entries(properties)) {
      const problem = strictProblem(child, `${at.slice(0, -1)}'properties', '${name}')`);
      if (problem) return problem;
    }
  }
  for (const child of [node.items, ...((node.anyOf as unknown[] | undefined) ?? [])]) {
    const problem = strictProblem(child, at);
    if (problem) return problem;
  }
  return undefined;
}

/** Why the fake refuses a request's response_format, or undefined when it takes it. */
function responseFormatRefusal(request: FakeRequest, options: FakeOpenAiOptions): string | undefined {
  const format = request.body.response_format;
  if (format?.type !== 'json_schema') return undefined;
  if (options.refuseResponseFormat) return `Unsupported response_format type: json_schema`;
  if (format.json_schema?.strict !== true) return undefined;
  const problem = strictProblem(format.json_schema.schema);
  return problem ? `Invalid schema for response_format '${format.json_schema.name}': ${problem}` : undefined;
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

  function sendError(res: http.ServerResponse, status: number, message: string, anthropic: boolean, type = 'invalid_request_error'): void {
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '0' } : {}) });
    const error = anthropic ? { type: 'error', error: { type, message } } : { error: { message, type, param: null, code: null } };
    res.end(JSON.stringify(error));
  }

  async function chatCompletions(request: FakeRequest, reply: FakeReply, res: http.ServerResponse): Promise<void> {
    const { body } = request;
    const model = body.model ?? 'fake-model';
    const promptTokens = reply.promptTokens ?? 11;
    const completionTokens = reply.completionTokens ?? 7;
    const id = `chatcmpl-fake-${sequence}`;
    const created = 1_700_000_000 + sequence;
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
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content, refusal: null }, finish_reason: 'stop' }],
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
  }

  async function messages(request: FakeRequest, reply: FakeReply, res: http.ServerResponse): Promise<void> {
    const { body } = request;
    const model = body.model ?? 'fake-claude';
    const usage = { input_tokens: reply.promptTokens ?? 11, output_tokens: reply.completionTokens ?? 7 };
    const id = `msg_fake_${sequence}`;
    // A forced tool (`any` with one tool, or `tool` by name) answers that tool's input: the scripted JSON object.
    const choice = body.tool_choice;
    const forced = choice?.type === 'tool' ? choice.name : choice?.type === 'any' ? body.tools?.[0]?.name : undefined;
    let input: unknown;
    try {
      input = forced ? JSON.parse(reply.content) : undefined;
    } catch {
      input = undefined; // not JSON: the model answered prose instead
    }
    const block =
      forced && typeof input === 'object' && input !== null
        ? { type: 'tool_use' as const, id: `toolu_fake_${sequence}`, name: forced, input }
        : { type: 'text' as const, text: reply.content };
    const stopReason = block.type === 'tool_use' ? 'tool_use' : 'end_turn';
    if (!body.stream) {
      if (reply.delayMs) await sleep(reply.delayMs);
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, type: 'message', role: 'assistant', model, content: [block], stop_reason: stopReason, stop_sequence: null, usage }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (type: string, payload: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...payload })}\n\n`);
    send('message_start', {
      message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: usage.input_tokens, output_tokens: 1 } },
    });
    const text = block.type === 'tool_use' ? JSON.stringify(block.input) : block.text;
    send('content_block_start', { index: 0, content_block: block.type === 'tool_use' ? { ...block, input: {} } : { type: 'text', text: '' } });
    for (const piece of text.match(/.{1,12}/gs) ?? []) {
      if (res.destroyed) return;
      if (reply.delayMs) await sleep(reply.delayMs);
      const delta = block.type === 'tool_use' ? { type: 'input_json_delta', partial_json: piece } : { type: 'text_delta', text: piece };
      send('content_block_delta', { index: 0, delta });
    }
    send('content_block_stop', { index: 0 });
    send('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.output_tokens } });
    send('message_stop', {});
    res.end();
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const anthropic = Boolean(req.url?.endsWith('/messages'));
        let body: FakeRequest['body'];
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as FakeRequest['body'];
        } catch {
          sendError(res, 400, 'bad json', anthropic);
          return;
        }
        const apiKeyHeader = req.headers['x-api-key'];
        const request: FakeRequest = {
          path: req.url ?? '',
          authorization: req.headers.authorization,
          apiKeyHeader: typeof apiKeyHeader === 'string' ? apiKeyHeader : undefined,
          body,
        };
        requests.push(request);
        const authorized = anthropic ? request.apiKeyHeader === options.apiKey : request.authorization === `Bearer ${options.apiKey}`;
        if (options.apiKey && !authorized) {
          sendError(res, 401, anthropic ? 'invalid x-api-key' : 'Incorrect API key provided', anthropic, anthropic ? 'authentication_error' : 'invalid_request_error');
          return;
        }
        if (!anthropic && !req.url?.endsWith('/chat/completions')) {
          sendError(res, 404, `no route ${req.url}`, false);
          return;
        }
        const refusal = anthropic ? undefined : responseFormatRefusal(request, options);
        if (refusal) {
          sendError(res, 400, refusal, false);
          return;
        }
        const reply = scripted.shift() ?? state.fallback(request);
        sequence += 1;
        if (reply.status && reply.status >= 400) {
          if (reply.delayMs) await sleep(reply.delayMs);
          sendError(res, reply.status, reply.content || `status ${reply.status}`, anthropic, 'server_error');
          return;
        }
        await (anthropic ? messages(request, reply, res) : chatCompletions(request, reply, res));
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
