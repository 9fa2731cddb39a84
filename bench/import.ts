/**
 * Import benchmark: `npm run -s bench:import -- --rows 100000 [--repeat 2]`.
 * Generates an xlsx catalog (in a child process, so its memory does not count), then measures
 * the streaming reader alone (rawParseSeconds) and the full import into a fresh database file
 * (seconds), best of --repeat runs each, and prints one JSON object. peakRssMB is this
 * process's peak resident memory (the import's worker thread included).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importProducts } from '../main/catalog/importer';
import { openDatabase } from '../main/db/connection';
import { withCheckDigit } from '../main/ean/gtin';
import { Translator } from '../main/i18n';
import { configureLogging } from '../main/log/logger';
import { XLSX_READER_OPTIONS } from '../main/spreadsheet/read-rows';

const HEADER = ['SKU', 'SKU pai', 'Título', 'Descrição', 'Marca', 'Categoria', 'EAN', 'Preço', 'Estoque', 'Peso (kg)', 'Característica: Cor', 'Ativo'];
const COLORS = ['Azul', 'Verde', 'Preto', 'Branco'];

function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Realistic rows: groups of four variations, valid EANs, pt-BR text and a category tree. */
async function generate(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Produtos');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i += 1) {
    const group = Math.floor(i / 4);
    sheet
      .addRow([
        `SKU-${String(i).padStart(7, '0')}`,
        `PAI-${String(group).padStart(6, '0')}`,
        `Camiseta algodão modelo ${group} manga curta`,
        `Camiseta de algodão penteado, modelo ${group}. Lavar à mão.`,
        `Marca ${group % 300}`,
        `Roupas > Camisetas > Linha ${group % 50}`,
        withCheckDigit(`789${String(100_000_000 + i).slice(-9)}`),
        (19.9 + (group % 100)).toFixed(2).replace('.', ','),
        i % 37,
        0.25 + (i % 10) / 100,
        COLORS[group % COLORS.length],
        i % 20 === 0 ? 'não' : 'sim',
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The baseline: exceljs's streaming reader with the importer's options, touching every cell. */
async function rawParse(file: string): Promise<number> {
  const start = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, XLSX_READER_OPTIONS);
  let cells = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) cells += (row.values as unknown[]).length;
    break;
  }
  if (cells === 0) throw new Error('nothing parsed');
  return (performance.now() - start) / 1000;
}

/** One full import into a fresh database file; checks every row arrived. */
async function timedImport(dbFile: string, file: string, rows: number): Promise<number> {
  const db = openDatabase(dbFile);
  try {
    const start = performance.now();
    const report = await importProducts(db, file, { dryRun: false, t: new Translator('pt-BR').t });
    const seconds = (performance.now() - start) / 1000;
    if (report.imported !== rows || report.rejected !== 0) throw new Error(`unexpected report: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3) })}`);
    return seconds;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--generate')) {
    await generate(argValue('--generate', ''), Number(argValue('--rows', '100000')));
    return;
  }
  const rows = Number(argValue('--rows', '100000'));
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));
  configureLogging({ dir, console: false });
  const file = join(dir, 'catalog.xlsx');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = fork(process.argv[1] ?? '', ['--generate', file, '--rows', String(rows)], { stdio: 'inherit' });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator exited with ${code}`))));
    });
    // Raw parses and imports alternate and each side keeps its best run: on a shared machine a
    // neighbour's burst should not decide the ratio, and neither side enjoys a warmer JIT alone.
    const repeat = Math.max(1, Number(argValue('--repeat', '2')));
    let rawParseSeconds = Infinity;
    let seconds = Infinity;
    for (let i = 0; i < repeat; i += 1) {
      rawParseSeconds = Math.min(rawParseSeconds, await rawParse(file));
      seconds = Math.min(seconds, await timedImport(join(dir, `bench-${i}.db`), file, rows));
    }
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    const round = (n: number, d = 2) => Number(n.toFixed(d));
    process.stdout.write(
      `${JSON.stringify({ rows, seconds: round(seconds), rawParseSeconds: round(rawParseSeconds), ratio: round(seconds / rawParseSeconds, 3), peakRssMB: round(peakRssMB, 0) })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
