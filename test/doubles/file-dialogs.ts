import { basename } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { FileDialogs, FolderRevealer } from '../../main/app/dialogs';
import type { SheetFormat } from '../../main/files/names';

export type DialogRequest =
  | { readonly kind: 'open' }
  | { readonly kind: 'save'; readonly defaultName: string; readonly format: SheetFormat }
  | { readonly kind: 'open-nfe'; readonly folder: boolean }
  | { readonly kind: 'save-pdf'; readonly defaultName: string };

/**
 * The system dialogs for tests: the test decides which path the seller "picks" (`willOpen`,
 * `willSave`), in order; a dialog nobody scripted is cancelled. Every request is recorded.
 */
export class ScriptedFileDialogs implements FileDialogs {
  readonly requests: DialogRequest[] = [];
  private readonly opens: (string | null)[] = [];
  private readonly saves: (string | null)[] = [];

  /** The next Open dialog answers this path (null: the seller cancels). */
  willOpen(path: string | null): this {
    this.opens.push(path);
    return this;
  }

  /** The next Save dialog answers this path (null: the seller cancels). */
  willSave(path: string | null): this {
    this.saves.push(path);
    return this;
  }

  private readonly nfeOpens: (string[] | null)[] = [];

  /** The next NF-e Open dialog answers these paths (files, or one folder; null: the seller cancels). */
  willOpenNfe(paths: string[] | null): this {
    this.nfeOpens.push(paths);
    return this;
  }

  async openNfe(options: { readonly folder: boolean }): Promise<string[] | null> {
    this.requests.push({ kind: 'open-nfe', folder: options.folder });
    return this.nfeOpens.shift() ?? null;
  }

  /** A PDF Save dialog answers from the same queue as `willSave`. */
  async savePdf(options: { readonly defaultName: string }): Promise<string | null> {
    this.requests.push({ kind: 'save-pdf', defaultName: options.defaultName });
    return this.saves.shift() ?? null;
  }

  async openSpreadsheet(): Promise<string | null> {
    this.requests.push({ kind: 'open' });
    return this.opens.shift() ?? null;
  }

  async saveSpreadsheet(options: { readonly defaultName: string; readonly format: SheetFormat }): Promise<string | null> {
    this.requests.push({ kind: 'save', defaultName: options.defaultName, format: options.format });
    return this.saves.shift() ?? null;
  }

  /**
   * Electron's `dialog.showOpenDialog`, as the core process asks its host for it, with the options
   * the core's own dialog code built: a dialog for several files or a folder (the NF-e picker)
   * answers from `willOpenNfe`'s queue, a one-file dialog from `willOpen`'s (cancelled when nothing
   * is scripted).
   */
  async showOpenDialog(options: OpenDialogOptions = {}): Promise<OpenDialogReturnValue> {
    const properties = options.properties ?? [];
    if (properties.includes('multiSelections') || properties.includes('openDirectory')) {
      const paths = await this.openNfe({ folder: properties.includes('openDirectory') });
      return paths === null || paths.length === 0 ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [...paths] };
    }
    const path = await this.openSpreadsheet();
    return path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] };
  }

  /** Electron's `dialog.showSaveDialog`: the asked name and the first filter's format (a PDF label, or a sheet) are recorded. */
  async showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue> {
    const defaultName = basename(options.defaultPath ?? '');
    const extension = options.filters?.[0]?.extensions[0] ?? 'xlsx';
    const path = extension === 'pdf' ? await this.savePdf({ defaultName }) : await this.saveSpreadsheet({ defaultName, format: extension as SheetFormat });
    return path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path };
  }
}

/** "Show in folder" for tests: records the paths main asked the file manager to show. */
export class RecordingRevealer implements FolderRevealer {
  readonly shown: string[] = [];
  showItemInFolder(path: string): void {
    this.shown.push(path);
  }
}
