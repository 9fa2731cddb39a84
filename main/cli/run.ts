import { DatabaseOpenError } from '../db/connection';
import { AppError } from '../errors';
import { explainAmazonError } from '../amazon/explain';
import { createLogger } from '../log/logger';
import type { TFunction } from 'i18next';
import { synopsis } from './args';
import { createCliContext, version, type CliCommand, type CliIo, type CliOptions } from './context';
import { dbMigrate } from './commands/db';
import { checkEan } from './commands/check-ean';
import { eanReport } from './commands/ean-report';
import { catalogCommands } from './commands/catalog';
import { simulatorCommand } from './commands/simulator';
import { ordersCommands } from './commands/orders';
import { syncCommand } from './commands/sync';
import { linkingCommands } from './commands/linking';
import { selectProductsCommand } from './commands/selection';
import { brazilCommands } from './commands/brazil';

const logger = createLogger('cli');

/** Every headless command. Each feature adds its commands here. */
export const commands: readonly CliCommand[] = [
  dbMigrate,
  checkEan,
  eanReport,
  ...catalogCommands,
  simulatorCommand,
  syncCommand,
  ...ordersCommands,
  ...linkingCommands,
  selectProductsCommand,
  ...brazilCommands,
];

/**
 * Usage, then each command: what it does (cli.commands.<name>) and its synopsis with every option
 * it accepts, built from the same list its parser uses. `<command> --help` explains each option.
 */
export function helpText(t: TFunction, list: readonly CliCommand[]): string {
  const width = Math.max(...list.map((c) => c.name.length)) + 2;
  const indent = ' '.repeat(width + 2);
  return [
    t('cli.usage'),
    ...list.flatMap((c) => [`  ${c.name.padEnd(width)}${t(`cli.commands.${c.name}`)}`, `${indent}${synopsis(c, t)}`]),
    '',
    t('cli.moreHelp'),
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env, options: CliOptions = {}): Promise<number> {
  const ctx = createCliContext(argv, io, env, options);
  const { t } = ctx.translator;
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.out(version);
    return 0;
  }
  if (!name || name === '--help' || name === 'help') {
    io.out(helpText(ctx.translator.t, commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(t('cli.unknownCommand', { command: name }));
    return 2;
  }
  try {
    return await command.run(rest, ctx);
  } catch (thrown) {
    // Amazon's failures are explained here, as at the IPC boundary (main/ipc/register.ts).
    const err = explainAmazonError(thrown) ?? thrown;
    if (err instanceof AppError) {
      const key = `errors.${err.code}`;
      io.err(ctx.translator.has(key) ? t(key, err.params as Record<string, unknown>) : err.message);
      // A database that cannot be opened is not the command's fault: its own exit code, for scripts.
      return err instanceof DatabaseOpenError ? 3 : 1;
    }
    // Unexpected: the stack goes to the log, the seller gets one localized line.
    logger.error(`command ${name} failed`, err);
    io.err(t('errors.INTERNAL'));
    return 1;
  }
}
