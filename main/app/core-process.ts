import type { CoreLauncher } from '../core/host';
import { isCoreMessage, type HostMessage } from '../core/protocol';

/** The slice of Electron's `utilityProcess` module the app uses (a fake in tests). */
export interface UtilityProcessModule {
  fork(modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit' | 'ignore'; env: NodeJS.ProcessEnv }): UtilityChild;
}
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/**
 * Starts the core (out/main/core.js) in an Electron utility process: a Node environment of its
 * own, off the browser's UI thread, with Electron's Node ABI (so better-sqlite3's Electron build).
 */
export function utilityCoreLauncher(utilityProcess: UtilityProcessModule, entry: string, env: NodeJS.ProcessEnv): CoreLauncher {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Vitrine core', stdio: 'inherit', env: { ...process.env, ...env } });
    return {
      endpoint: {
        post: (message: HostMessage) => child.postMessage(message),
        onMessage: (listener) => void child.on('message', (data) => isCoreMessage(data) && listener(data)),
      },
      onExit: (listener) => void child.once('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  };
}
