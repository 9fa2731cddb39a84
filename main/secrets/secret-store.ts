import { redactor } from '../log/redact';

/**
 * Where credentials live. Only the OS keychain backs it in the app; SQLite, logs, exports and IPC
 * never see a secret. Keys are `<accountId>/<name>` (e.g. `acc_1/refresh_token`).
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** What the keychain was asked to do when it failed. */
export type SecretStoreOperation = 'read' | 'write' | 'delete';

const FAILURE = /^keychain (read|write|delete) failed: ([\s\S]*)$/;

/**
 * The OS keychain refused: which operation, and the system's own words (`detail`). The message is
 * for logs only; the seller's text is built from `operation` in their language where the error
 * is shown (e.g. `KEYCHAIN_WRITE_FAILED`). The message keeps both, so the failure survives the
 * trip from the host process (which owns the keychain) to the core as a plain error message.
 */
export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
  constructor(
    readonly operation: SecretStoreOperation,
    readonly detail: string,
  ) {
    super(`keychain ${operation} failed: ${detail}`);
  }
}

/** A keychain failure, thrown here or in the host process (then only its message crossed); undefined for any other error. */
export function secretStoreFailure(err: unknown): { readonly operation: SecretStoreOperation; readonly detail: string } | undefined {
  if (err instanceof SecretStoreError) return { operation: err.operation, detail: err.detail };
  const match = err instanceof Error ? FAILURE.exec(err.message) : null;
  return match ? { operation: match[1] as SecretStoreOperation, detail: match[2] ?? '' } : undefined;
}

/** Wraps a store so every value read or written is registered with the log redactor. */
export function withRedaction(store: SecretStore): SecretStore {
  return {
    async get(key) {
      const value = await store.get(key);
      if (value !== undefined) redactor.addSecret(value);
      return value;
    },
    async set(key, value) {
      redactor.addSecret(value);
      await store.set(key, value);
    },
    delete: (key) => store.delete(key),
  };
}
