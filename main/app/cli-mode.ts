/**
 * The installed app carries the headless CLI: `Vitrine --cli sync --once` runs the same commands as
 * `npm run -s cli -- …` in a source checkout, with no window, tray or single-instance lock (the
 * RunAsNode fuse is off, so the app binary cannot be used as plain Node). Everything after `--cli`
 * belongs to the CLI; anything before it (Electron's own switches, the app path in development)
 * does not.
 */
export function cliArguments(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf('--cli');
  return at < 0 ? undefined : argv.slice(at + 1);
}
