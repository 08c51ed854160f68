/**
 * A fake Lightsail endpoint: a real HTTP server on 127.0.0.1 that speaks the AWS JSON 1.1 protocol
 * the SDK uses (POST /, `X-Amz-Target: Lightsail_20161128.<Operation>`, JSON bodies, errors as
 * `{"__type": ..., "message": ...}`), so tests exercise the real client's signing, serialization,
 * retries and error parsing. Each test scripts the operations it needs.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it. */
export interface RecordedRequest {
  readonly operation: string;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

/** What to answer. */
export type Reply =
  | { readonly json: unknown; readonly status?: number }
  | { readonly error: string; readonly message?: string; readonly status?: number; readonly fields?: Record<string, unknown> }
  | { readonly raw: string; readonly status: number; readonly contentType?: string };

/** Answers one operation; `call` counts this operation's requests from 1. */
export type Handler = (request: RecordedRequest, call: number) => Reply | Promise<Reply>;

/** A running fake endpoint. */
export interface FakeLightsail {
  /** `http://127.0.0.1:PORT`, for `--endpoint`. */
  readonly url: string;
  /** Every request, in order of arrival. */
  readonly requests: RecordedRequest[];
  /** The requests of one operation. */
  calls(operation: string): RecordedRequest[];
  /** Sets (or replaces) the handler of an operation. */
  on(operation: string, handler: Handler): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const TARGET_PREFIX = 'Lightsail_20161128.';

/** Starts a fake endpoint on a free port of 127.0.0.1 with the given handlers. */
export async function startFakeLightsail(handlers: Readonly<Record<string, Handler>> = {}): Promise<FakeLightsail> {
  const routes = new Map(Object.entries(handlers));
  const requests: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const send = (status: number, body: string, contentType = 'application/x-amz-json-1.1') => {
          res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': `req-${requests.length}` });
          res.end(body);
        };
        const sendError = (status: number, type: string, message: string, fields: Record<string, unknown> = {}) =>
          send(status, JSON.stringify({ __type: type, message, ...fields }));
        const target = String(req.headers['x-amz-target'] ?? '');
        if (req.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) return sendError(400, 'UnknownOperationException', `no operation for ${target}`);
        if (req.headers['content-type'] !== 'application/x-amz-json-1.1') return sendError(400, 'SerializationException', 'wrong content type');
        if (!/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/lightsail\/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$/.test(String(req.headers.authorization ?? ''))) {
          return sendError(403, 'MissingAuthenticationTokenException', 'the request is not signed with SigV4 for lightsail');
        }
        const operation = target.slice(TARGET_PREFIX.length);
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        } catch {
          return sendError(400, 'SerializationException', 'the body is not JSON');
        }
        const recorded: RecordedRequest = { operation, body, headers: req.headers };
        requests.push(recorded);
        const call = (counts.get(operation) ?? 0) + 1;
        counts.set(operation, call);
        const handler = routes.get(operation);
        if (!handler) return sendError(400, 'InvalidInputException', `the fake server has no handler for ${operation}`);
        const reply = await handler(recorded, call);
        if ('json' in reply) return send(reply.status ?? 200, JSON.stringify(reply.json));
        if ('raw' in reply) return send(reply.status, reply.raw, reply.contentType);
        return sendError(reply.status ?? 400, reply.error, reply.message ?? reply.error, reply.fields);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (operation) => requests.filter((r) => r.operation === operation),
    on: (operation, handler) => void routes.set(operation, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Serves a paginated listing: `pages[i]` is the list on page i; every page but the last carries
 * `nextPageToken`, and the request's `pageToken` picks the page. An unknown token is an
 * `InvalidInputException`, as Lightsail answers.
 */
export function paged(listKey: 'blueprints' | 'bundles', pages: readonly (readonly unknown[])[]): Handler {
  return (request) => {
    const token = request.body['pageToken'];
    const index = token === undefined ? 0 : typeof token === 'string' && /^page-\d+$/.test(token) ? Number(token.slice(5)) : -1;
    if (index < 0 || index >= pages.length) return { error: 'InvalidInputException', message: `invalid pageToken ${String(token)}` };
    return { json: { [listKey]: pages[index], ...(index + 1 < pages.length && { nextPageToken: `page-${index + 1}` }) } };
  };
}

/** Answers the first `times` calls with `reply`, then hands over to `then`. */
export function failFirst(times: number, reply: Reply, then: Handler): Handler {
  return (request, call) => (call <= times ? reply : then(request, call - times));
}

/** Always answers `reply`. */
export function always(reply: Reply): Handler {
  return () => reply;
}

/** A listing whose every page points to the same next page again: a server-side token loop. */
export function tokenLoop(listKey: 'blueprints' | 'bundles', items: readonly unknown[]): Handler {
  return () => ({ json: { [listKey]: items, nextPageToken: 'again' } });
}

/** A listing that never ends: every page has a new token. */
export function neverEnding(listKey: 'blueprints' | 'bundles'): Handler {
  return (_request, call) => ({ json: { [listKey]: [], nextPageToken: `more-${call}` } });
}

/** The region a request was signed for, from its SigV4 credential scope. */
export function signedRegion(request: RecordedRequest): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/lightsail\//.exec(String(request.headers.authorization ?? ''))?.[1];
}

/** The access key id a request was signed with. */
export function signedAccessKey(request: RecordedRequest): string | undefined {
  return /Credential=([^/]+)\//.exec(String(request.headers.authorization ?? ''))?.[1];
}

/** Dispatches on the region a request was signed for; a region without a handler is refused as Lightsail would. */
export function byRegion(handlers: Readonly<Record<string, Handler>>): Handler {
  return (request, call) => {
    const region = signedRegion(request) ?? '';
    const handler = handlers[region];
    return handler ? handler(request, call) : { error: 'InvalidInputException', message: `the fake server has no data for ${region}` };
  };
}
