import { basename, isAbsolute, normalize } from 'node:path';
import { AppError } from '../../errors';
import { isSpreadsheetPath, safeFileName, withSpreadsheetExtension } from '../../files/names';
import type { Services } from '../../services';
import type { PartialHandlerMap } from '../register';

/** Dialogs answer absolute paths; anything else is a broken dialog, not a seller's mistake. */
function dialogPath(path: string): string {
  if (!isAbsolute(path)) throw new Error('the file dialog returned a relative path');
  return normalize(path);
}

/**
 * The only way a file path enters main from the window: the seller picks it in a system dialog,
 * main keeps it behind a token (services.fileGrants) and the renderer gets the token and a name.
 */
export function filesHandlers(services: Services) {
  const { fileDialogs, fileGrants, translator } = services;
  return {
    'files:choose-import': async () => {
      const chosen = await fileDialogs.openSpreadsheet();
      if (chosen === null) return null;
      const path = dialogPath(chosen);
      if (!isSpreadsheetPath(path)) throw new AppError('FILE_NOT_SPREADSHEET', { name: basename(path) });
      return fileGrants.grant(path, 'read');
    },
    'files:choose-export': async ({ format, suggestedName }) => {
      const defaultName = safeFileName(suggestedName, format, translator.t('files.defaultName'));
      const chosen = await fileDialogs.saveSpreadsheet({ defaultName, format });
      if (chosen === null) return null;
      return fileGrants.grant(withSpreadsheetExtension(dialogPath(chosen), format), 'write');
    },
    'files:show-in-folder': ({ fileToken }) => {
      services.folderRevealer.showItemInFolder(fileGrants.resolve(fileToken, 'reveal'));
    },
  } satisfies PartialHandlerMap;
}
