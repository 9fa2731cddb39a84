import { z } from 'zod';

/** Every IPC call answers with this envelope; nothing throws across the process boundary. */
export interface IpcError {
  /** Stable machine code, e.g. `INVALID_INPUT`, `UNTRUSTED_SENDER`, `AMAZON_UNAUTHORIZED`. */
  readonly code: string;
  /** Already localized for the seller. */
  readonly message: string;
  /** Optional structured detail: the field or row at fault, Amazon's verbatim error. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export const ipcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
