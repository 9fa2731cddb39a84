import { describe, expect, it } from 'vitest';
import { parseCliDate } from '../../../main/cli/dates';

const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

describe('dates typed on the command line', () => {
  it('reads 08/12/2026 as 8 December where the locale writes the day first, and ISO everywhere', () => {
    expect(parseCliDate('08/12/2026', 'pt-BR', 'start')).toEqual({ ok: true, iso: local(2026, 12, 8) });
    expect(parseCliDate('8.12.2026', 'es', 'start')).toEqual({ ok: true, iso: local(2026, 12, 8) });
    for (const locale of ['pt-BR', 'en', 'es', 'sv'] as const)
      expect(parseCliDate('2026-12-08', locale, 'start')).toEqual({ ok: true, iso: local(2026, 12, 8) });
    expect(parseCliDate('2026-12-08T10:30:00Z', 'en', 'start')).toEqual({ ok: true, iso: '2026-12-08T10:30:00.000Z' });
  });

  it('an end day counts whole: --to 08/12/2026 ends at the next midnight', () => {
    expect(parseCliDate('08/12/2026', 'pt-BR', 'end')).toEqual({ ok: true, iso: local(2026, 12, 9) });
    expect(parseCliDate('2026-12-31', 'en', 'end')).toEqual({ ok: true, iso: local(2027, 1, 1) });
  });

  it('refuses what it would have to guess, and days that do not exist', () => {
    expect(parseCliDate('08/12/2026', 'en', 'start')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(parseCliDate('12/08/2026', 'sv', 'start')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(parseCliDate('08/12/26', 'pt-BR', 'start')).toEqual({ ok: false, problem: 'format' });
    expect(parseCliDate('31/02/2026', 'pt-BR', 'start')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseCliDate('2026-13-01', 'pt-BR', 'start')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseCliDate('ontem', 'pt-BR', 'start')).toEqual({ ok: false, problem: 'format' });
  });
});
