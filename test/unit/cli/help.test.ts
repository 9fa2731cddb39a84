import { describe, expect, it } from 'vitest';
import { CliArgsError, DB_OPTION, optionKey, parseCliArgs } from '../../../main/cli/args';
import { commands, runCli } from '../../../main/cli/run';
import { Translator } from '../../../main/i18n';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

const optionsIn = (text: string): string[] => [...new Set(text.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])].sort();
const accepted = (name: string): string[] => (commands.find((c) => c.name === name)?.options ?? []).map((o) => o.name).sort();

describe('every command says in its help exactly the options it accepts', () => {
  it.each(commands.map((c) => c.name))('%s --help lists each accepted option, explained, in pt-BR and English', async (name) => {
    for (const locale of ['pt-BR', 'en'] as const) {
      const c = capture();
      expect(await runCli([name, '--help'], c.io, { VITRINE_LOCALE: locale })).toBe(0);
      const help = c.out.join('\n');
      expect([locale, optionsIn(help)]).toEqual([locale, accepted(name)]);
    }
    const command = commands.find((c) => c.name === name);
    for (const locale of ['pt-BR', 'en', 'es', 'sv'] as const) {
      const t = new Translator(locale);
      for (const o of command?.options ?? []) expect([locale, o.name, t.has(optionKey(command!, o))]).toEqual([locale, o.name, true]);
    }
  });

  it('the overall --help shows each command with every option it accepts', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io, { VITRINE_LOCALE: 'pt-BR' })).toBe(0);
    const lines = c.out.join('\n').split('\n');
    for (const command of commands) {
      // "  name   what it does", then the synopsis on the next line.
      const at = lines.findIndex((l) => l.startsWith(`  ${command.name} `));
      const synopsis = lines[at + 1]?.trim() ?? '';
      expect(synopsis.startsWith(command.name)).toBe(true);
      expect([command.name, optionsIn(synopsis)]).toEqual([command.name, accepted(command.name)]);
    }
  });

  it('import-products names --dry-run, --map and --rejected (they were missing from the help)', async () => {
    const c = capture();
    await runCli(['import-products', '--help'], c.io, { VITRINE_LOCALE: 'pt-BR' });
    const help = c.out.join('\n');
    expect(help).toMatch(/^Uso: import-products ARQUIVO \[--dry-run\] \[--json\] \[--rejected ARQUIVO\] \[--map COLUNA=CAMPO\]… \[--db ARQUIVO\]/);
    expect(help).toContain('mostra o que seria importado, sem gravar nada');
  });

  it('refuses an option the command does not take, naming it, with exit code 2', async () => {
    for (const command of commands) {
      const c = capture();
      expect(await runCli([command.name, '--frobnicate'], c.io, { VITRINE_LOCALE: 'pt-BR' })).toBe(2);
      expect(c.err[0]).toBe(`${command.name}: opção desconhecida --frobnicate.`);
      expect(c.err[1]).toMatch(new RegExp(`^Uso: ${command.name}`));
    }
  });
});

describe('parseCliArgs', () => {
  const options = [{ name: '--json' }, { name: '--map', value: 'MAPPING', repeatable: true }, { name: '--search', value: 'TEXT' }, DB_OPTION] as const;

  it('reads flags, values (also --name=value), repeated options and positionals; -- ends the options', () => {
    const args = parseCliArgs(['a.csv', '--map', 'Cor=x', '--map=Tam=y', '--search', '-camiseta', '--json', '--', '--literal'], options);
    expect(args.positionals).toEqual(['a.csv', '--literal']);
    expect(args.values('--map')).toEqual(['Cor=x', 'Tam=y']);
    expect(args.value('--search')).toBe('-camiseta');
    expect(args.has('--json')).toBe(true);
    expect(args.has('--db')).toBe(false);
  });

  it('keeps arguments that start with one hyphen as they were typed (codes, SKUs, search text)', () => {
    const args = parseCliArgs(['-5', '-ABC', '--search', '-5', '-'], options);
    expect(args.positionals).toEqual(['-5', '-ABC', '-']);
    expect(args.value('--search')).toBe('-5');
  });

  it('refuses what it cannot read instead of guessing', () => {
    const problem = (argv: string[]) => {
      try {
        parseCliArgs(argv, options);
      } catch (err) {
        return err instanceof CliArgsError ? `${err.problem} ${err.option}` : 'other';
      }
      return 'accepted';
    };
    expect(problem(['--dry-run'])).toBe('unknown --dry-run');
    expect(problem(['--search'])).toBe('missingValue --search');
    expect(problem(['--search', '--json'])).toBe('missingValue --search');
    expect(problem(['--json=yes'])).toBe('unexpectedValue --json');
    expect(problem(['--search', 'a', '--search', 'b'])).toBe('repeated --search');
  });
});
