import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileDialogs, type DialogModule } from '../../../main/app/dialogs';
import { openDatabase, type Db } from '../../../main/db/connection';
import { getSetting } from '../../../main/db/tables/settings';
import { Translator } from '../../../main/i18n';

type Call = { readonly parent: unknown; readonly options: OpenDialogOptions | SaveDialogOptions };

/** Electron's dialog module as a fake: records each call and answers the queued paths. */
function fakeDialog(answers: (string | null)[]) {
  const calls: Call[] = [];
  const split = (args: unknown[]): Call =>
    args.length === 2 ? { parent: args[0], options: args[1] as OpenDialogOptions } : { parent: null, options: args[0] as OpenDialogOptions };
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(split(args));
      const path = answers.shift() ?? null;
      return { canceled: path === null, filePaths: path === null ? [] : [path] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      calls.push(split(args));
      const path = answers.shift() ?? null;
      return path === null ? { canceled: true } : { canceled: false, filePath: path };
    },
  } as unknown as DialogModule;
  return { dialog, calls };
}

describe('file dialogs (Electron glue)', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-dialogs-'));
    db = openDatabase(join(dir, 'v.db'));
  });
  afterEach(() => db.close());

  it('opens in Documents first, in the seller’s language, with spreadsheet filters, modal to the focused window', async () => {
    const { dialog, calls } = fakeDialog([join(dir, 'produtos.csv')]);
    const win = { id: 1 } as unknown as BaseWindow;
    const dialogs = createFileDialogs({ dialog, focusedWindow: () => win, documentsDir: '/home/ana/Documentos' }, { translator: new Translator('pt-BR'), db });
    expect(await dialogs.openSpreadsheet()).toBe(join(dir, 'produtos.csv'));
    expect(calls[0]?.parent).toBe(win);
    expect(calls[0]?.options).toMatchObject({
      title: 'Escolher planilha',
      buttonLabel: 'Escolher',
      defaultPath: '/home/ana/Documentos',
      properties: ['openFile'],
      filters: [{ name: 'Planilhas (.xlsx, .csv)', extensions: ['xlsx', 'csv'] }, { extensions: ['xlsx'] }, { extensions: ['csv'] }],
    });
    expect(getSetting(db, 'files.lastFolder')).toBe(dir);
  });

  it('the next dialog opens in the folder used last; Save suggests the name there', async () => {
    const { dialog, calls } = fakeDialog([join(dir, 'produtos.csv'), join(dir, 'catalogo.xlsx'), null]);
    const dialogs = createFileDialogs({ dialog, focusedWindow: () => null, documentsDir: '/nowhere' }, { translator: new Translator('en'), db });
    await dialogs.openSpreadsheet();
    expect(await dialogs.saveSpreadsheet({ defaultName: 'catalogo.xlsx', format: 'xlsx' })).toBe(join(dir, 'catalogo.xlsx'));
    expect(calls[1]).toEqual({
      parent: null,
      options: {
        title: 'Save spreadsheet',
        buttonLabel: 'Save',
        defaultPath: join(dir, 'catalogo.xlsx'),
        filters: [
          { name: 'Excel workbook (.xlsx)', extensions: ['xlsx'] },
          { name: 'CSV file (.csv)', extensions: ['csv'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    });
    expect(await dialogs.saveSpreadsheet({ defaultName: 'pedidos.csv', format: 'csv' })).toBeNull();
  });

  it('a cancelled dialog answers null and remembers nothing; a vanished last folder falls back to Documents', async () => {
    const gone = join(dir, 'gone');
    const { dialog, calls } = fakeDialog([null, join(gone, 'x.csv'), null]);
    const dialogs = createFileDialogs({ dialog, focusedWindow: () => null, documentsDir: '/home/ana/Documents' }, { translator: new Translator('en'), db });
    expect(await dialogs.openSpreadsheet()).toBeNull();
    expect(getSetting(db, 'files.lastFolder')).toBeUndefined();
    await dialogs.openSpreadsheet();
    expect(getSetting(db, 'files.lastFolder')).toBe(gone);
    await dialogs.openSpreadsheet();
    expect(calls[2]?.options.defaultPath).toBe('/home/ana/Documents');
  });
});
