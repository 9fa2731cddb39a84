// Runs inside a private D-Bus session with an unlocked gnome-keyring (see keyring.test.ts):
// set → get → overwrite → delete through the real KeyringSecretStore, printing what it saw as JSON.
import { KeyringSecretStore } from '../../../main/secrets/keyring-store';

const store = new KeyringSecretStore(`br.com.vitrine.test.${process.pid}`);
const key = 'acc_test/refresh_token';
const steps: Record<string, unknown> = {};
await store.set(key, 'Atzr|first-value');
steps.afterSet = await store.get(key);
await store.set(key, 'Atzr|second-value');
steps.afterOverwrite = await store.get(key);
steps.deleted = await store.delete(key);
steps.afterDelete = (await store.get(key)) ?? null;
process.stdout.write(JSON.stringify(steps));
