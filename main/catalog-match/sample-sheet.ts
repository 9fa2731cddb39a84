import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors';

/** The demo catalog a new seller can import to try the whole path (resources/demo, made by its generator). */
export const SAMPLE_SHEET_NAME = 'planilha-exemplo-vitrine.xlsx';

/**
 * Where the sample sheet is: beside the packaged app's resources (electron-builder copies
 * resources/demo there), else in the source tree's resources/demo, found by walking up from this
 * module (sources, tests, and the bundled out/main/index.js all sit below the app root).
 */
export function sampleSheetPath(moduleUrl: string = import.meta.url, resourcesPath: string | undefined = packagedResources()): string | null {
  if (resourcesPath !== undefined) {
    const packaged = join(resourcesPath, 'demo', SAMPLE_SHEET_NAME);
    if (existsSync(packaged)) return packaged;
  }
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < 6; i += 1) {
    const candidate = join(dir, 'resources', 'demo', SAMPLE_SHEET_NAME);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}

function packagedResources(): string | undefined {
  const value = (process as { resourcesPath?: unknown }).resourcesPath;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A fresh copy of the sample sheet in the app's data folder, for the import to read: the import
 * writes its rejected-rows file beside the sheet, and the installed app's resources are read-only.
 */
export function copySampleSheet(dataDir: string, source: string | null = sampleSheetPath()): string {
  if (source === null) throw new AppError('EAN_SAMPLE_SHEET_MISSING');
  const folder = join(dataDir, 'exemplos');
  mkdirSync(folder, { recursive: true });
  const copy = join(folder, SAMPLE_SHEET_NAME);
  copyFileSync(source, copy);
  return copy;
}
