import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BaseWindow, FileFilter, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/tables/settings';
import type { Translator } from '../i18n';
import type { SheetFormat } from '../files/names';

/** The system's Open and Save dialogs for spreadsheets. Each answers an absolute path, or null when the seller cancels. */
export interface FileDialogs {
  openSpreadsheet(): Promise<string | null>;
  saveSpreadsheet(options: { readonly defaultName: string; readonly format: SheetFormat }): Promise<string | null>;
  /** NF-e XML files (several at once), or one folder of them; null when cancelled. Absent: no dialog (CLI). */
  openNfe?(options: { readonly folder: boolean }): Promise<string[] | null>;
  /** Save a PDF (an Easy Ship label); null when cancelled. */
  savePdf?(options: { readonly defaultName: string }): Promise<string | null>;
}

/** Opens the system file manager with the file selected (Electron's shell.showItemInFolder). */
export interface FolderRevealer {
  showItemInFolder(path: string): void;
}

/** The CLI and tests without a window: every dialog is "cancelled", nothing is revealed. */
export const noFileDialogs: FileDialogs = { openSpreadsheet: async () => null, saveSpreadsheet: async () => null };
export const noFolderRevealer: FolderRevealer = { showItemInFolder: () => undefined };

/** The slice of Electron's `dialog` module used (a fake in tests). */
export interface DialogModule {
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export interface DialogDeps {
  readonly dialog: DialogModule;
  /** The dialog is modal to this window when there is one. */
  readonly focusedWindow: () => BaseWindow | null;
  /** Where the first dialog opens (app.getPath('documents')). */
  readonly documentsDir: string;
}

/** What services hand the dialogs: the seller's language and the settings table. */
export interface DialogContext {
  readonly translator: Translator;
  readonly db: Db;
}

const LAST_FOLDER_KEY = 'files.lastFolder';

/**
 * Electron's dialogs with localized titles, buttons and filters, opening in the folder the
 * seller used last (kept in settings) or else in Documents.
 */
export function createFileDialogs(deps: DialogDeps, context: DialogContext): FileDialogs {
  const { t } = context.translator;
  const startFolder = (): string => {
    const last = getSetting(context.db, LAST_FOLDER_KEY);
    return last && existsSync(last) ? last : deps.documentsDir;
  };
  const remember = (path: string): void => setSetting(context.db, LAST_FOLDER_KEY, dirname(path));
  const filter = (format: SheetFormat): FileFilter => ({ name: t(`files.dialogs.filters.${format}`), extensions: [format] });
  /** A Save dialog modal to the focused window; the chosen folder is remembered. */
  const save = async (options: SaveDialogOptions): Promise<string | null> => {
    const parent = deps.focusedWindow();
    const answer = await (parent ? deps.dialog.showSaveDialog(parent, options) : deps.dialog.showSaveDialog(options));
    if (answer.canceled || !answer.filePath) return null;
    remember(answer.filePath);
    return answer.filePath;
  };

  return {
    async openSpreadsheet() {
      const options: OpenDialogOptions = {
        title: t('files.dialogs.openTitle'),
        buttonLabel: t('files.dialogs.openButton'),
        defaultPath: startFolder(),
        filters: [{ name: t('files.dialogs.filters.spreadsheets'), extensions: ['xlsx', 'csv'] }, filter('xlsx'), filter('csv')],
        properties: ['openFile'],
      };
      const parent = deps.focusedWindow();
      const answer = await (parent ? deps.dialog.showOpenDialog(parent, options) : deps.dialog.showOpenDialog(options));
      const path = answer.canceled ? undefined : answer.filePaths[0];
      if (!path) return null;
      remember(path);
      return path;
    },
    async openNfe({ folder }) {
      const options: OpenDialogOptions = {
        title: t(folder ? 'files.dialogs.nfeFolderTitle' : 'files.dialogs.nfeTitle'),
        buttonLabel: t('files.dialogs.openButton'),
        defaultPath: startFolder(),
        ...(folder ? {} : { filters: [{ name: t('files.dialogs.filters.nfe'), extensions: ['xml'] }] }),
        properties: folder ? ['openDirectory'] : ['openFile', 'multiSelections'],
      };
      const parent = deps.focusedWindow();
      const answer = await (parent ? deps.dialog.showOpenDialog(parent, options) : deps.dialog.showOpenDialog(options));
      if (answer.canceled || answer.filePaths.length === 0) return null;
      remember(answer.filePaths[0] ?? '');
      return answer.filePaths;
    },
    async savePdf({ defaultName }) {
      return save({
        title: t('files.dialogs.pdfTitle'),
        buttonLabel: t('files.dialogs.saveButton'),
        defaultPath: join(startFolder(), defaultName),
        filters: [{ name: t('files.dialogs.filters.pdf'), extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
    },
    async saveSpreadsheet({ defaultName, format }) {
      return save({
        title: t('files.dialogs.saveTitle'),
        buttonLabel: t('files.dialogs.saveButton'),
        defaultPath: join(startFolder(), defaultName),
        // The asked format first; the seller may still switch to the other one.
        filters: [filter(format), filter(format === 'xlsx' ? 'csv' : 'xlsx')],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
    },
  };
}
