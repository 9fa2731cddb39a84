import { randomBytes, randomUUID } from 'node:crypto';

/** Opaque token material; the simulator's tokens only need to be unguessable within a run. */
export function tokenMaterial(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}

export function uuid(): string {
  return randomUUID();
}

/** Amazon order ids look like `702-1234567-1234567`. */
export function orderId(sequence: number): string {
  const n = String(1_000_000 + (sequence % 9_000_000)).padStart(7, '0');
  const m = String((sequence * 7_919 + 1_234_567) % 10_000_000).padStart(7, '0');
  return `702-${n}-${m}`;
}
