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

export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
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
