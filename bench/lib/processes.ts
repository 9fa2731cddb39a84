/** Child processes for bench/crash.ts: the CLI under test and the standalone simulator. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

/**
 * Bundles main/cli.ts into one ESM file, as electron-vite bundles the app: Node then starts the
 * CLI in about a second instead of transpiling a few hundred modules through tsx on every one of
 * the benchmark's hundred-odd launches. Native modules stay external. It is written under
 * node_modules/.cache inside the checkout because the simulator finds its product type schemas
 * by walking up from the running file to main/amazon/simulator/product-types.
 */
export async function buildCliBundle(): Promise<string> {
  const dir = join(import.meta.dirname, '../../node_modules/.cache/vitrine-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `cli-${process.pid}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, '../../main/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', '@napi-rs/keyring', 'electron'],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as vitrineCreateRequire } from 'node:module'; const require = vitrineCreateRequire(import.meta.url);" },
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * `node --import tsx …` rather than the tsx binary or npm: those start the real program as a
 * grandchild, which a SIGKILL to the child would leave running (the CLI itself runs from a bundle,
 * for the same reason and for start-up time).
 */
function nodeWithTsx(script: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
}

export interface CliRun {
  readonly code: number | null;
  readonly killed: boolean;
  /** Until the result line was printed (the work is done), or until exit without one. */
  readonly ms: number;
  /** When the database was first opened (its WAL file appeared), if it was seen. */
  readonly openedMs?: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How often the WAL file is looked for: a kill is timed from the moment the CLI opens its database. */
const WATCH_EVERY_MS = 2;

export interface RunOptions {
  /** The database whose WAL file marks the start of the work (Node's start-up time varies a lot). */
  readonly db?: string;
  /** SIGKILL this long after the database was opened, unless the process has exited by then. */
  readonly killAfterOpenMs?: number;
}

/** Runs the bundled CLI, optionally SIGKILLing it at a chosen moment of its work. */
export function runCli(bundle: string, args: readonly string[], env: NodeJS.ProcessEnv, options: RunOptions = {}): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [bundle, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  let resultAt: number | undefined;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (resultAt === undefined && stdout.includes('\n')) resultAt = performance.now();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let killed = false;
  let openedAt: number | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const wal = options.db === undefined ? undefined : `${options.db}-wal`;
  const watch =
    wal === undefined
      ? undefined
      : setInterval(() => {
          if (!existsSync(wal)) return;
          openedAt = performance.now();
          clearInterval(watch);
          if (options.killAfterOpenMs !== undefined) killTimer = setTimeout(() => (killed = child.kill('SIGKILL')), options.killAfterOpenMs);
        }, WATCH_EVERY_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      clearTimeout(killTimer);
      resolve({
        code,
        killed: killed && signal === 'SIGKILL',
        ms: (resultAt ?? performance.now()) - started,
        ...(openedAt === undefined ? {} : { openedMs: openedAt - started }),
        stdout,
        stderr,
      });
    });
  });
}

export interface SimProcess {
  /** Sends one command line (see bench/lib/sim-process.ts) and resolves with its answer. */
  command(line: string): Promise<string>;
  close(): Promise<void>;
}

export function startSimProcess(env: NodeJS.ProcessEnv): SimProcess {
  const child = nodeWithTsx('bench/lib/sim-process.ts', [], env);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    command: (line) =>
      new Promise((resolve, reject) => {
        if (child.exitCode !== null) return reject(new Error(`simulator process exited: ${stderr}`));
        waiting.push((answer) => (answer.startsWith('error') ? reject(new Error(`simulator: ${answer}`)) : resolve(answer)));
        child.stdin.write(`${line}\n`);
      }),
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
