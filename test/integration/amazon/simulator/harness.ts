import { VirtualClock } from '../../../../main/amazon/clock';
import { validateRequest, operationFor } from '../../../../main/amazon/models';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../../../main/amazon/simulator';

export interface Harness {
  readonly sim: SimulatorHandle;
  readonly clock: VirtualClock;
  token(): Promise<string>;
  call(method: string, path: string, init?: CallInit): Promise<CallResult>;
}

export interface CallInit {
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Defaults to a fresh demo token; null sends none. */
  readonly token?: string | null;
  /** Skip the request-side contract check (tests that send invalid requests on purpose). */
  readonly invalidOnPurpose?: boolean;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** A strict simulator on a VirtualClock, and a tiny client that also checks what it sends. */
export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, strictResponses: true, autoOrderEveryMs: 0, seedOrders: false, ...options });
  let cached: string | undefined;
  const token = async (): Promise<string> => {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: sim.demo.refreshToken,
      client_id: sim.demo.clientId,
      client_secret: sim.demo.clientSecret,
    });
    const res = await fetch(sim.lwaUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: form });
    const json = (await res.json()) as { access_token: string };
    return json.access_token;
  };
  const call = async (method: string, path: string, init: CallInit = {}): Promise<CallResult> => {
    if (!init.invalidOnPurpose) {
      const match = operationFor(method, path);
      if (!match) throw new Error(`test calls an undocumented route ${method} ${path}`);
      const violations = validateRequest(match.key, { path: match.pathParams, query: init.query ?? {}, body: init.body });
      if (violations.length > 0) throw new Error(`test request breaks the model: ${JSON.stringify(violations)}`);
    }
    const accessToken = init.token === undefined ? (cached ??= await token()) : init.token;
    const url = new URL(path, sim.url);
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { 'user-agent': 'VitrineTests/1.0 (Language=TypeScript)' };
    if (accessToken) headers['x-amz-access-token'] = accessToken;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return { sim, clock, token, call };
}
