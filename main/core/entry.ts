import { configureLogging } from '../log/logger';
import type { CoreMessage, Endpoint, HostMessage } from './protocol';
import { isHostMessage } from './protocol';
import { serveCore } from './server';
import { clockFromEnv } from '../sync/scaled-clock';

/**
 * The core process's entry: Electron's `utilityProcess` (messages through `process.parentPort`) in
 * the app, `child_process.fork` (Node's IPC channel, advanced serialization) under tests and
 * benchmarks. Logging goes to the host's log folder, named in the environment.
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function endpointOf(proc: NodeJS.Process & { parentPort?: ParentPort }): Endpoint<HostMessage, CoreMessage> {
  const port = proc.parentPort;
  if (port) {
    return {
      post: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', ({ data }) => isHostMessage(data) && listener(data)),
    };
  }
  if (!proc.send) throw new Error('The Vitrine core must be started by its host (utilityProcess or child_process.fork).');
  return {
    post: (message) => void proc.send?.(message),
    onMessage: (listener) => proc.on('message', (data: unknown) => isHostMessage(data) && listener(data)),
  };
}

if (process.env.VITRINE_CORE_LOG_DIR) configureLogging({ dir: process.env.VITRINE_CORE_LOG_DIR, console: false });
const endpoint = endpointOf(process);
// Tests and benchmarks only: Amazon's minutes pass in milliseconds, in step with their simulator.
const clock = clockFromEnv(process.env);
serveCore(
  endpoint,
  (code) => {
    // Let the last message leave before the process ends.
    setImmediate(() => process.exit(code));
  },
  clock ? { clock } : {},
);
// The host went away without a shutdown (it crashed): nothing to serve any more.
process.on('disconnect', () => process.exit(0));
