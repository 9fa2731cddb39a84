import { createSpApiClient, type SpApiClient } from '../amazon/client';
import type { Clock } from '../amazon/clock';

/** `--simulator URL`: an SP-API client for a standalone simulator's demo seller (tests, demos). */
export async function simulatorClient(url: string, clock: Clock): Promise<SpApiClient> {
  const { DEMO } = await import('../amazon/simulator/seed');
  const base = url.replace(/\/+$/, '');
  return createSpApiClient({
    endpoint: { baseUrl: base, lwaUrl: `${base}/auth/o2/token` },
    credentials: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, refreshToken: DEMO.refreshToken },
    clock,
  });
}
