import { describe, expect, it } from 'vitest';
import { parseSimulatorArgs } from '../../../main/cli/commands/simulator';

describe('parseSimulatorArgs', () => {
  it('reads port, fault rate, state file and seed', () => {
    const parsed = parseSimulatorArgs(['--port', '8123', '--faults', '0.2', '--state', 'sim.json', '--seed', '9']);
    expect(parsed).toMatchObject({ port: 8123, faults: 0.2, seed: 9 });
    expect(typeof parsed !== 'string' && parsed.stateFile?.endsWith('sim.json')).toBe(true);
  });

  it('defaults to a random port, no faults and memory state', () => {
    expect(parseSimulatorArgs([])).toEqual({ port: 0, faults: 0, seed: 1 });
  });

  it('returns the offending option', () => {
    expect(parseSimulatorArgs(['--faults', '2'])).toBe('--faults 2');
    expect(parseSimulatorArgs(['--port'])).toBe('--port');
    expect(parseSimulatorArgs(['--colour', 'red'])).toBe('--colour red');
  });
});
