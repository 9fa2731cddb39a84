import { describe, expect, it } from 'vitest';
import { checkEan } from '../../../main/cli/commands/check-ean';
import type { CliContext } from '../../../main/cli/context';
import { Translator } from '../../../main/i18n';
import type { Locale } from '../../../preload/contract';

function fakeContext(locale: Locale = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    argv: [],
    io: { out: (text) => void out.push(text), err: (text) => void err.push(text) },
    env: {},
    dbFile: ':memory:',
    translator: new Translator(locale),
    openServices: () => {
      throw new Error('check-ean must not open the database');
    },
  };
  return { ctx, out, err };
}

describe('check-ean', () => {
  it('prints one JSON object per code, in order, and exits 1 when any is rejected', async () => {
    const { ctx, out } = fakeContext();

    const code = await checkEan.run(['4006381333932', '--json', '36000291452'], ctx);

    expect(code).toBe(1);
    expect(JSON.parse(out.join('\n'))).toEqual([
      { input: '4006381333932', valid: false, gtin14: null, kind: 'GTIN-13', problems: ['CHECK_DIGIT'] },
      { input: '36000291452', valid: true, gtin14: '00036000291452', kind: 'GTIN-12', problems: ['LEADING_ZEROS_RECOVERED'] },
    ]);
  });

  it('exits 0 when Amazon would accept every code', async () => {
    const { ctx } = fakeContext();

    const code = await checkEan.run(['--json', '4006381333931', '9780306406157'], ctx);

    expect(code).toBe(0);
  });

  it('prints a localized table with the fix for each problem', async () => {
    const { ctx, out } = fakeContext('pt-BR');

    await checkEan.run(['4006381333932', '4006381333931'], ctx);

    const text = out.join('\n');
    expect(text).toMatch(/^Código\s+Situação\s+GTIN-14\s+Tipo\s+Problemas/);
    expect(text).toContain('O último dígito não confere');
    expect(text).toContain('1 de 2 códigos serão aceitos pela Amazon.');
  });

  it('takes codes after -- literally and refuses unknown options', async () => {
    const literal = fakeContext();
    const unknown = fakeContext();

    const okCode = await checkEan.run(['--json', '--', '--4006381333931'], literal.ctx);
    const badCode = await checkEan.run(['--db', 'x.sqlite', '4006381333931'], unknown.ctx);

    expect(okCode).toBe(0);
    expect(JSON.parse(literal.out.join(''))[0]).toMatchObject({ input: '--4006381333931', gtin14: '04006381333931' });
    expect(badCode).toBe(2);
    expect(unknown.err.join('\n')).toContain('--db');
  });

  it('asks for at least one code', async () => {
    const { ctx, err } = fakeContext();

    const code = await checkEan.run(['--json'], ctx);

    expect(code).toBe(2);
    expect(err.join('\n')).toContain('check-ean');
  });
});
