import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import type { CliContext } from './context';

/** How a value is shown in the help: localized words (cli.placeholders.<name>: FILE → ARQUIVO) or a literal. */
export type CliPlaceholder = 'FILE' | 'TEXT' | 'DATE' | 'STATUS' | 'MAPPING' | 'CODE' | 'ID' | 'N' | 'URL' | 'LANE' | 'RATE';

/** Placeholders written the same in every language (they name codes or the accepted values). */
const LITERAL: Readonly<Partial<Record<CliPlaceholder, string>>> = { ID: 'ID', N: 'N', URL: 'URL', LANE: 'full|fast', RATE: '0..1' };

function placeholderText(p: CliPlaceholder, t: TFunction): string {
  return LITERAL[p] ?? t(`cli.placeholders.${p}`);
}

export interface CliOption {
  /** `--name`, as typed. */
  readonly name: `--${string}`;
  /** The option takes a value, shown as this placeholder; absent for a flag. */
  readonly value?: CliPlaceholder;
  readonly repeatable?: boolean;
  /** Shown without brackets in the synopsis; the command itself says what is missing. */
  readonly required?: boolean;
}

/** What a command accepts. The parser accepts exactly these options and the help lists exactly these. */
export interface CliSpec {
  readonly name: string;
  /** The command's own verbs (`nfe import|send`), shown before the positional; its run reads the first positional. */
  readonly subcommands?: readonly string[];
  /** The positional argument(s), if any (`CODE…` when `variadic`). */
  readonly positional?: { readonly placeholder: CliPlaceholder; readonly variadic?: boolean };
  readonly options: readonly CliOption[];
}

/** `--db FILE`: every command that opens the database takes it (resolved in context.ts). */
export const DB_OPTION: CliOption = { name: '--db', value: 'FILE' };
export const JSON_OPTION: CliOption = { name: '--json' };
/** Accepted by every command: prints the command's own help. */
export const HELP_OPTION: CliOption = { name: '--help' };

export type CliArgsProblem = 'unknown' | 'missingValue' | 'unexpectedValue' | 'repeated';

export class CliArgsError extends Error {
  override name = 'CliArgsError';
  constructor(
    readonly problem: CliArgsProblem,
    readonly option: string,
  ) {
    super(`${problem}: ${option}`);
  }
}

export interface CliArgs {
  readonly positionals: readonly string[];
  has(name: `--${string}`): boolean;
  /** The option's value (the last one for a repeatable option). */
  value(name: `--${string}`): string | undefined;
  values(name: `--${string}`): readonly string[];
}

/**
 * Reads `--flag`, `--name value` and `--name=value` against the command's options with node's
 * `parseArgs`; everything else is positional, and `--` ends the options. Anything not declared is
 * refused, so the help (built from the same list) can never leave an option out.
 */
export function parseCliArgs(args: readonly string[], options: readonly CliOption[]): CliArgs {
  const spec = new Map([...options, HELP_OPTION].map((o) => [o.name.slice(2), o]));
  // Not strict: parseArgs would refuse `--search -camiseta` and read `-5` as a short option, while
  // a code, a SKU or a search text may start with a hyphen. The checks below are ours instead.
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries([...spec].map(([name, o]) => [name, { type: o.value ? 'string' : 'boolean' } as const])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  let shortAt = -1;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    // `-5`, `-ABC`: one argument read as short options (one token each), given back as it was typed.
    if (!token.rawName.startsWith('--')) {
      if (token.index !== shortAt) positionals.push(args[token.index] ?? '');
      shortAt = token.index;
      continue;
    }
    const name = `--${token.name}`;
    const option = spec.get(token.name);
    if (!option) throw new CliArgsError('unknown', name);
    if (!option.value) {
      if (token.inlineValue) throw new CliArgsError('unexpectedValue', name);
      values.set(name, []);
      continue;
    }
    // "--account --json": the value was forgotten, not "--json".
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) throw new CliArgsError('missingValue', name);
    const list = values.get(name) ?? [];
    if (list.length > 0 && !option.repeatable) throw new CliArgsError('repeated', name);
    values.set(name, [...list, token.value]);
  }
  return {
    positionals,
    has: (name) => values.has(name),
    value: (name) => values.get(name)?.at(-1),
    values: (name) => values.get(name) ?? [],
  };
}

/** Where an option's one-line explanation lives (--db and --json mean the same everywhere). */
export function optionKey(spec: CliSpec, o: CliOption): string {
  if (o === DB_OPTION) return 'cli.options.db';
  if (o === JSON_OPTION) return 'cli.options.json';
  return `cli.options.${spec.name}.${o.name.slice(2)}`;
}

function optionText(o: CliOption, t: TFunction): string {
  return o.value ? `${o.name} ${placeholderText(o.value, t)}` : o.name;
}

/** `import-products ARQUIVO [--dry-run] [--map COLUNA=CAMPO]…` in the reader's language. */
export function synopsis(spec: CliSpec, t: TFunction): string {
  const parts = [spec.name];
  if (spec.subcommands) parts.push(spec.subcommands.join('|'));
  if (spec.positional) parts.push(`${placeholderText(spec.positional.placeholder, t)}${spec.positional.variadic ? '…' : ''}`);
  for (const o of spec.options) parts.push(o.required ? optionText(o, t) : `[${optionText(o, t)}]${o.repeatable ? '…' : ''}`);
  return parts.join(' ');
}

/** `<command> --help`: the synopsis, what the command does, and one line per option. */
export function commandHelp(spec: CliSpec, t: TFunction): string {
  const rows = spec.options.map((o) => [optionText(o, t), t(optionKey(spec, o))] as const);
  const width = Math.max(0, ...rows.map(([left]) => left.length)) + 2;
  return [
    `${t('cli.usagePrefix')} ${synopsis(spec, t)}`,
    t(`cli.commands.${spec.name}`),
    ...(rows.length > 0 ? ['', t('cli.optionsTitle'), ...rows.map(([left, text]) => `  ${left.padEnd(width)}${text}`)] : []),
  ].join('\n');
}

/**
 * A command's `run` over parsed arguments: an undeclared option or a missing value exits 2 with a
 * localized message and the synopsis; `--help` prints the command's help.
 */
export function withArgs(
  spec: CliSpec,
  run: (args: CliArgs, ctx: CliContext) => Promise<number>,
): (raw: readonly string[], ctx: CliContext) => Promise<number> {
  return async (raw, ctx) => {
    const { t } = ctx.translator;
    let args: CliArgs;
    try {
      args = parseCliArgs(raw, spec.options);
    } catch (err) {
      if (!(err instanceof CliArgsError)) throw err;
      ctx.io.err(t(`cli.argsErrors.${err.problem}`, { option: err.option, command: spec.name }));
      ctx.io.err(`${t('cli.usagePrefix')} ${synopsis(spec, t)}`);
      return 2;
    }
    if (args.has('--help')) {
      ctx.io.out(commandHelp(spec, t));
      return 0;
    }
    return run(args, ctx);
  };
}
