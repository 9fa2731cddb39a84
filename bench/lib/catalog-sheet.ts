/** A realistic 100k-row catalog spreadsheet for the import benchmarks (bench:import, bench:responsiveness). */
import ExcelJS from 'exceljs';
import { withCheckDigit } from '../../main/ean/gtin';

const HEADER = ['SKU', 'SKU pai', 'Título', 'Descrição', 'Marca', 'Categoria', 'EAN', 'Preço', 'Estoque', 'Peso (kg)', 'Característica: Cor', 'Ativo'];
const COLORS = ['Azul', 'Verde', 'Preto', 'Branco'];

/** Realistic rows: groups of four variations, valid EANs, pt-BR text and a category tree. */
export async function generateCatalogSheet(file: string, rows: number): Promise<void> {
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
