import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly rawQuery: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly json: unknown;
}

export interface FakeReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON; strings and buffers verbatim. */
  readonly body?: unknown;
  /** Destroy the socket without answering (network failure after the request was sent). */
  readonly hangUp?: boolean;
  /** Hold the answer this many real milliseconds (to trigger client timeouts). */
  readonly delayMs?: number;
}

export type FakeHandler = (request: SeenRequest) => FakeReply | Promise<FakeReply>;

export interface FakeAmazon {
  readonly baseUrl: string;
  readonly lwaUrl: string;
  /** Every SP-API request (LWA requests are in tokenRequests). */
  readonly requests: SeenRequest[];
  readonly tokenRequests: SeenRequest[];
  close(): Promise<void>;
}

export const LWA_PATH = '/auth/o2/token';

const defaultLwa: FakeHandler = () => ({
  status: 200,
  body: { access_token: 'Atza|fake-access-token', token_type: 'bearer', expires_in: 3600, refresh_token: 'Atzr|fake' },
});

/** A tiny node:http server playing LWA and SP-API for one test. */
export async function startFakeAmazon(handler: FakeHandler, lwa: FakeHandler = defaultLwa): Promise<FakeAmazon> {
  const requests: SeenRequest[] = [];
  const tokenRequests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const body = Buffer.concat(chunks);
        let json: unknown;
        try {
          json = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
        } catch {
          json = undefined;
        }
        const seen: SeenRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          rawQuery: url.search,
          headers: req.headers,
          body,
          json,
        };
        const isLwa = url.pathname === LWA_PATH;
        (isLwa ? tokenRequests : requests).push(seen);
        const reply = await (isLwa ? lwa : handler)(seen);
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        if (reply.hangUp) {
          req.socket.destroy();
          return;
        }
        const payload = reply.body === undefined ? '' : typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body);
        const headers: Record<string, string> = { 'x-amzn-RequestId': `req-${requests.length}`, ...(reply.headers ?? {}) };
        if (typeof reply.body === 'object' && !Buffer.isBuffer(reply.body) && !headers['content-type']) headers['content-type'] = 'application/json';
        res.writeHead(reply.status, headers);
        res.end(payload);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: origin,
    lwaUrl: `${origin}${LWA_PATH}`,
    requests,
    tokenRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const TEST_CREDENTIALS = {
  clientId: 'amzn1.application-oa2-client.test',
  clientSecret: 'amzn1.oa2-cs.v1.testsecret',
  refreshToken: 'Atzr|test-refresh-token',
} as const;
