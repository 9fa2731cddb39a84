import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { besideWithSuffix, formatOf, isSpreadsheetPath, safeFileName, withSpreadsheetExtension } from '../../../main/files/names';

describe('file names', () => {
  it('reduces a suggested name to a plain file name with the format extension', () => {
    expect(safeFileName('catalogo', 'xlsx', 'planilha')).toBe('catalogo.xlsx');
    expect(safeFileName('pedidos.csv', 'csv', 'planilha')).toBe('pedidos.csv');
    expect(safeFileName('../../etc/passwd', 'csv', 'planilha')).toBe('passwd.csv');
    expect(safeFileName('..\\..\\Windows\\system.ini', 'xlsx', 'planilha')).toBe('system.ini.xlsx');
    expect(safeFileName('pedidos.csv', 'xlsx', 'planilha')).toBe('pedidos.csv');
    expect(safeFileName('a<b>:c"d|e?f*g\u0000h', 'xlsx', 'planilha')).toBe('abcdefgh.xlsx');
    expect(safeFileName('..', 'xlsx', 'planilha')).toBe('planilha.xlsx');
    expect(safeFileName('/', 'csv', 'planilha')).toBe('planilha.csv');
    expect(safeFileName('x'.repeat(300), 'csv', 'planilha')).toHaveLength(124);
  });

  it('adds the format extension the Save dialog left out; a spreadsheet extension decides the format', () => {
    expect(withSpreadsheetExtension('/a/catalogo', 'xlsx')).toBe('/a/catalogo.xlsx');
    expect(withSpreadsheetExtension('/a/catalogo.XLSX', 'xlsx')).toBe('/a/catalogo.XLSX');
    expect(withSpreadsheetExtension('/a/catalogo.csv', 'xlsx')).toBe('/a/catalogo.csv');
    expect(withSpreadsheetExtension('/a/catalogo.db', 'csv')).toBe('/a/catalogo.db.csv');
    expect(formatOf('/a/catalogo.CSV')).toBe('csv');
    expect(formatOf('/a/catalogo.xlsx')).toBe('xlsx');
  });

  it('accepts only .xlsx and .csv to import', () => {
    expect(isSpreadsheetPath('/a/p.xlsx')).toBe(true);
    expect(isSpreadsheetPath('/a/p.CSV')).toBe(true);
    for (const p of ['/a/p.db', '/a/vitrine.db-wal', '/a/p', '/a/.csv.exe']) expect(isSpreadsheetPath(p)).toBe(false);
  });

  it('puts the rejected rows beside the spreadsheet, csv staying csv', () => {
    const dir = resolve('/home/ana');
    expect(besideWithSuffix(join(dir, 'produtos.csv'), 'erros')).toBe(join(dir, 'produtos-erros.csv'));
    expect(besideWithSuffix(join(dir, 'produtos.xlsx'), 'errors')).toBe(join(dir, 'produtos-errors.xlsx'));
  });
});
