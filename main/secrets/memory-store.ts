import type { SecretStore } from './secret-store';

/** In-memory store for unit tests and the offline simulator's demo account (its secrets are not real). */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    return this.values.delete(key);
  }
  /** What is stored (tests assert that nothing was left behind). */
  keys(): string[] {
    return [...this.values.keys()];
  }
}
