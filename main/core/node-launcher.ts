import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isCoreMessage, type CoreMessage, type HostMessage } from './protocol';
import type { CoreLauncher, CoreProcess } from './host';

/** The core's entry as TypeScript source; tsx loads it (tests, benchmarks, E2E). */
export const CORE_ENTRY_SOURCE = fileURLToPath(new URL('./entry.ts', import.meta.url));

/**
 * Under plain Node the core runs in a forked child, behind the same protocol as the app's
 * utilityProcess: messages are structured-cloned (`serialization: 'advanced'`), so what crosses
 * is exactly what would cross in Electron.
 */
export function nodeCoreLauncher(
  options: { readonly env?: NodeJS.ProcessEnv; readonly entry?: string; readonly execArgv?: readonly string[] } = {},
): CoreLauncher {
  return (): CoreProcess => {
    const child = fork(options.entry ?? CORE_ENTRY_SOURCE, [], {
      serialization: 'advanced',
      execArgv: [...(options.execArgv ?? ['--import', 'tsx'])],
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return {
      endpoint: {
        post: (message: HostMessage) => {
          if (child.connected) child.send(message);
        },
        onMessage: (listener: (message: CoreMessage) => void) => child.on('message', (data: unknown) => isCoreMessage(data) && listener(data)),
      },
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => void child.kill('SIGKILL'),
      get pid() {
        return child.pid;
      },
    } as CoreProcess & { readonly pid: number | undefined };
  };
}
