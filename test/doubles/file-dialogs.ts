import type { FileDialogs, FolderRevealer } from '../../main/app/dialogs';
import type { SheetFormat } from '../../main/files/names';

export type DialogRequest = { readonly kind: 'open' } | { readonly kind: 'save'; readonly defaultName: string; readonly format: SheetFormat };

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

  async openSpreadsheet(): Promise<string | null> {
    this.requests.push({ kind: 'open' });
    return this.opens.shift() ?? null;
  }

  async saveSpreadsheet(options: { readonly defaultName: string; readonly format: SheetFormat }): Promise<string | null> {
    this.requests.push({ kind: 'save', defaultName: options.defaultName, format: options.format });
    return this.saves.shift() ?? null;
  }
}

/** "Show in folder" for tests: records the paths main asked the file manager to show. */
export class RecordingRevealer implements FolderRevealer {
  readonly shown: string[] = [];
  showItemInFolder(path: string): void {
    this.shown.push(path);
  }
}
