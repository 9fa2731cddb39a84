import { resolve } from 'node:path';
import { Faults } from '../../amazon/simulator/faults';
import { startSimulator } from '../../amazon/simulator/server';
import { withArgs, type CliSpec } from '../args';
import type { CliCommand, CliContext } from '../context';

const spec: CliSpec = {
  name: 'simulator',
  options: [
    { name: '--port', value: 'N' },
    { name: '--faults', value: 'RATE' },
    { name: '--state', value: 'FILE' },
    { name: '--seed', value: 'N' },
  ],
};

export interface SimulatorArgs {
  readonly port: number;
  readonly faults: number;
  readonly stateFile?: string;
  readonly seed: number;
}

/** `--port N --faults 0.2 --state FILE --seed N`; a string is the offending option. */
export function parseSimulatorArgs(args: readonly string[]): SimulatorArgs | string {
  let port = 0;
  let faults = 0;
  let seed = 1;
  let stateFile: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const name = args[i] ?? '';
    const value = args[i + 1];
    const number = Number(value);
    if (value === undefined) return name;
    if (name === '--port' && Number.isInteger(number) && number >= 0 && number < 65536) port = number;
    else if (name === '--faults' && number >= 0 && number <= 1) faults = number;
    else if (name === '--seed' && Number.isInteger(number)) seed = number;
    else if (name === '--state' && value !== '') stateFile = resolve(value);
    else return `${name} ${value}`;
    i += 1;
  }
  return { port, faults, seed, ...(stateFile ? { stateFile } : {}) };
}

/** Runs the simulator until `stop` settles (Ctrl-C in the real command). */
export async function runSimulator(args: readonly string[], ctx: CliContext, stop: Promise<void>): Promise<number> {
  const { t } = ctx.translator;
  const parsed = parseSimulatorArgs(args);
  if (typeof parsed === 'string') {
    ctx.io.err(t('simulator.cli.badOption', { option: parsed }));
    return 2;
  }
  const sim = await startSimulator({
    port: parsed.port,
    ...(parsed.stateFile ? { stateFile: parsed.stateFile } : {}),
    faults: Faults.fromTotal(parsed.faults, parsed.seed),
  });
  ctx.io.out(
    t('simulator.cli.started', {
      url: sim.url,
      lwaUrl: sim.lwaUrl,
      state: parsed.stateFile ?? t('simulator.cli.memory'),
      faults: parsed.faults,
      ...sim.demo,
    }),
  );
  await stop;
  await sim.close();
  ctx.io.out(t('simulator.cli.stopped'));
  return 0;
}

export const simulatorCommand: CliCommand = {
  ...spec,
  // The option names are checked against the list above; parseSimulatorArgs checks their values.
  run: withArgs(spec, (args, ctx) =>
    runSimulator(
      [...args.positionals, ...spec.options.flatMap((o) => args.values(o.name).flatMap((v) => [o.name, v]))],
      ctx,
      new Promise<void>((done) => {
        process.once('SIGINT', () => done());
        process.once('SIGTERM', () => done());
      }),
    ),
  ),
};
