/**
 * A standalone simulator process for bench/crash.ts: `node --import tsx bench/lib/sim-process.ts`.
 * It lives across all trials (the CLI processes come and go, as Amazon outlives the app) and takes
 * one command per stdin line, answering one line each:
 *   start FILE  → (re)starts on the same loopback port from state FILE  → `ready URL`
 *   save        → writes the state file now                              → `saved`
 *   stop        → closes the simulator                                   → `stopped`
 * Its clock is the CLI's scaled clock (VITRINE_CLOCK_SCALE / VITRINE_CLOCK_ANCHOR), so a feed's
 * 30 s of processing pass in milliseconds for both processes alike.
 */
import { createInterface } from 'node:readline';
import { startSimulator, type SimulatorHandle } from '../../main/amazon/simulator';
import { configureLogging } from '../../main/log/logger';
import { clockFromEnv } from '../../main/sync/scaled-clock';

const clock = clockFromEnv(process.env);
if (!clock) throw new Error('VITRINE_CLOCK_SCALE and VITRINE_CLOCK_ANCHOR are required');
configureLogging({ dir: process.env.VITRINE_LOG_DIR ?? '.', console: false });

let sim: SimulatorHandle | undefined;
let port = 0;

async function handle(line: string): Promise<string> {
  const [command, file] = line.trim().split(/\s+/, 2);
  switch (command) {
    case 'start': {
      await sim?.close();
      sim = await startSimulator({ port, stateFile: file, clock, autoOrderEveryMs: 0, seedOrders: false });
      port = Number(new URL(sim.url).port);
      return `ready ${sim.url}`;
    }
    case 'save':
      sim?.control.save();
      return 'saved';
    case 'stop':
      await sim?.close();
      sim = undefined;
      return 'stopped';
    default:
      return `error unknown command ${command ?? ''}`;
  }
}

// One command at a time, in order: a trial never races its own restart.
let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  queue = queue.then(async () => {
    const answer = await handle(line).catch((err: unknown) => `error ${err instanceof Error ? err.message : String(err)}`);
    process.stdout.write(`${answer}\n`);
  });
});

// The benchmark closing our stdin (or dying) ends the process cleanly.
lines.on('close', () => {
  void queue.then(() => sim?.close()).finally(() => process.exit(0));
});
