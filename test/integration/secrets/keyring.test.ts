import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A real Secret Service keyring (gnome-keyring) in a private D-Bus session with a throwaway HOME,
// so the test never touches the developer's keychain. .ci/run installs gnome-keyring and dbus.
const home = mkdtempSync(join(tmpdir(), 'vitrine-keyring-'));
const hasKeyring = spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon']).status === 0;

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe.runIf(process.platform === 'linux')('KeyringSecretStore on a real Secret Service', () => {
  it('round-trips, overwrites and deletes a secret', () => {
    expect(hasKeyring, 'install gnome-keyring and dbus (apt) — .ci/run does').toBe(true);
    const probe = join(import.meta.dirname, 'keyring-probe.ts');
    const script = `echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec npx tsx "${probe}"`;
    const out = execFileSync('dbus-run-session', ['--', 'sh', '-c', script], {
      env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: home },
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(JSON.parse(out)).toEqual({
      afterSet: 'Atzr|first-value',
      afterOverwrite: 'Atzr|second-value',
      deleted: true,
      afterDelete: null,
    });
  });
});
