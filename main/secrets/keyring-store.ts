import { AsyncEntry } from '@napi-rs/keyring';
import { SecretStoreError, type SecretStore } from './secret-store';

export const KEYRING_SERVICE = 'br.com.vitrine.app';

/**
 * OS keychain via @napi-rs/keyring (Node-API, prebuilt; no rebuild per Electron version):
 * Keychain on macOS, Credential Manager on Windows, Secret Service (GNOME Keyring / KWallet) on Linux.
 * On Linux we insist on Secret Service: the crate's fallback, the kernel keyring, loses secrets at logout.
 */
export class KeyringSecretStore implements SecretStore {
  constructor(private readonly service = KEYRING_SERVICE) {}

  private entry(key: string): AsyncEntry {
    return new AsyncEntry(this.service, key, { linux: { store: 'secret-service' } });
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.entry(key).getPassword()) ?? undefined;
    } catch (err) {
      throw new SecretStoreError('read', (err as Error).message);
    }
  }

  async set(key: string, value: string): Promise<void> {
    try {
      await this.entry(key).setPassword(value);
    } catch (err) {
      throw new SecretStoreError('write', (err as Error).message);
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return await this.entry(key).deleteCredential();
    } catch (err) {
      throw new SecretStoreError('delete', (err as Error).message);
    }
  }
}
