/**
 * Writes the sample spreadsheet a new seller can import to try Vitrine end to end
 * ("planilha de exemplo"): the demo store of main/amazon/simulator/demo-catalog.ts as a
 * Brazilian store platform exports it — Portuguese headers, prices as text ("R$ 1.234,56",
 * "19,90") and as numbers, variations with "SKU pai", characteristics in
 * "Característica: …" columns, and the wrong or missing EANs real sheets have.
 *
 *   npx tsx resources/demo/build-sample-sheet.ts
 *
 * The output is committed; a unit test fails when it no longer matches this generator.
 */
import ExcelJS from 'exceljs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_PRODUCTS, type DemoProduct, type DemoSku } from '../../main/amazon/simulator/demo-catalog';
import { SAMPLE_SHEET_NAME } from '../../main/catalog-match/sample-sheet';

type CellValue = string | number | null;

const FIXED_HEADERS = [
  'SKU', 'SKU pai', 'Nome do produto', 'Descrição', 'Marca', 'Categoria', 'EAN', 'Preço', 'Preço promocional', 'Estoque',
  'Peso (kg)', 'Comprimento (cm)', 'Largura (cm)', 'Altura (cm)', 'Imagem 1', 'Tópico 1', 'Tópico 2', 'Tópico 3',
] as const;

function namesOf(pick: (p: DemoProduct) => Iterable<string>): string[] {
  const names = new Set<string>();
  for (const p of DEMO_PRODUCTS) for (const n of pick(p)) names.add(n);
  return [...names];
}

/** The sheet as rows of cell values (header first): what the generator writes and the test compares. */
export function sampleSheetRows(): CellValue[][] {
  const variations = namesOf((p) => p.skus.flatMap((s) => Object.keys(s.variation)));
  const characteristics = namesOf((p) => Object.keys(p.characteristics));
  const header = [...FIXED_HEADERS, ...variations.map((v) => `Variação: ${v}`), ...characteristics.map((c) => `Característica: ${c}`)];
  const rows: CellValue[][] = [header];
  let n = 0;
  for (const p of DEMO_PRODUCTS) {
    for (const s of p.skus) {
      n += 1;
      rows.push([
        s.sku,
        p.family ? p.key : null,
        p.title,
        p.description,
        p.brand,
        p.category,
        eanCell(s, n),
        priceCell(s.price),
        s.salePrice === null ? null : priceCell(s.salePrice),
        s.stock,
        p.weightKg,
        ...p.dimensionsCm,
        `https://cdn.lojaexemplo.com.br/produtos/${s.sku.toLowerCase()}-1.jpg`,
        ...p.bullets.slice(0, 3),
        ...variations.map((v) => s.variation[v] ?? null),
        ...characteristics.map((c) => p.characteristics[c] ?? null),
      ]);
    }
  }
  return rows;
}

/** Most codes as text (as a careful seller formats them); every seventh as a number, as spreadsheets often keep them. */
function eanCell(s: DemoSku, n: number): CellValue {
  if (s.ean === null) return null;
  return n % 7 === 0 ? Number(s.ean) : s.ean;
}

/** "117.90" is what a CSV-minded export writes: keep that one as a number cell, the Brazilian spellings as text. */
function priceCell(text: string): CellValue {
  return /^\d+\.\d{2}$/.test(text) ? Number(text) : text;
}

export async function writeSampleSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vitrine';
  workbook.created = new Date('2026-01-05T12:00:00Z');
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('Produtos');
  const rows = sampleSheetRows();
  rows.forEach((r) => sheet.addRow(r));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => {
    c.width = i === 3 ? 60 : i === 2 ? 42 : 16;
  });
  await workbook.xlsx.writeFile(file);
}

async function main(): Promise<void> {
  const file = fileURLToPath(new URL(SAMPLE_SHEET_NAME, import.meta.url));
  await writeSampleSheet(file);
  process.stdout.write(`wrote ${sampleSheetRows().length - 1} rows to ${file}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
