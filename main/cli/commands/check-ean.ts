import { checkGtin, type GtinCheck } from '../../ean/gtin';
import { JSON_OPTION, withArgs, type CliSpec } from '../args';
import type { CliCommand } from '../context';
import type { TFunction } from 'i18next';

/** Machine output: one object per code, problems as bare codes (their severity is fixed per code). */
function toJson(check: GtinCheck) {
  return {
    input: check.input,
    valid: check.valid,
    gtin14: check.gtin14,
    kind: check.kind,
    problems: check.problems.map((p) => p.code),
  };
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => [...(r[col] ?? '')].length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd((widths[col] ?? 0) + cell.length - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A localized table, then each problem spelled out with how to fix it. */
function toText(checks: readonly GtinCheck[], t: TFunction): string {
  const header = [t('ean.cli.code'), t('ean.cli.status'), t('ean.cli.gtin14'), t('ean.cli.kind'), t('ean.cli.problems')];
  const rows = checks.map((c) => [
    c.input,
    c.valid ? t('ean.cli.ok') : t('ean.cli.rejected'),
    c.gtin14 ?? t('ean.cli.none'),
    c.kind ?? t('ean.cli.none'),
    c.problems.length ? c.problems.map((p) => t(`ean.labels.${p.code}`)).join(', ') : t('ean.cli.none'),
  ]);
  const details = checks.flatMap((c) => c.problems.map((p) => `${c.input} — ${t(`ean.severity.${p.severity}`)}: ${t(`ean.problems.${p.code}`)}`));
  const valid = checks.filter((c) => c.valid).length;
  const summary = t('ean.cli.summary', { valid, total: checks.length });
  return [table([header, ...rows]), ...(details.length ? ['', ...details] : []), '', summary].join('\n');
}

/**
 * `check-ean CODE… [--json]`: checks codes without touching the database. Exit code 0 when Amazon
 * would accept every code, 1 when any would be rejected (so scripts can gate on it), 2 on bad usage.
 */
const spec: CliSpec = { name: 'check-ean', positional: { placeholder: 'CODE', variadic: true }, options: [JSON_OPTION] };

export const checkEan: CliCommand = {
  ...spec,
  // A lone "--" ends options, so a code typed with a leading hyphen still gets through.
  run: withArgs(spec, async (args, ctx) => {
    const { t } = ctx.translator;
    const json = args.has('--json');
    const codes = args.positionals;
    if (codes.length === 0) {
      ctx.io.err(t('ean.cli.usage'));
      return 2;
    }
    const checks = codes.map((code) => checkGtin(code));
    ctx.io.out(json ? JSON.stringify(checks.map(toJson), null, 2) : toText(checks, t));
    return checks.every((c) => c.valid) ? 0 : 1;
  }),
};
