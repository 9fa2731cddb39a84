import { z } from 'zod';

/**
 * A file the seller picked in a system dialog, as the renderer knows it: an opaque token main
 * resolves to the path it allowed this session, and the file's name to show. The renderer never
 * sends a path to read or write.
 */
export const fileTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const chosenFileSchema = z.object({ fileToken: fileTokenSchema, name: z.string() });
export type ChosenFile = z.infer<typeof chosenFileSchema>;

export const spreadsheetFormatSchema = z.enum(['xlsx', 'csv']);

export const filesChannels = {
  /** The system's Open dialog for a spreadsheet; null when the seller cancels. */
  'files:choose-import': { input: z.void(), output: chosenFileSchema.nullable() },
  /** The system's Save dialog, starting at `suggestedName` (main keeps only a plain file name). */
  'files:choose-export': {
    input: z.object({ format: spreadsheetFormatSchema, suggestedName: z.string().min(1).max(200) }),
    output: chosenFileSchema.nullable(),
  },
  /** Opens the file manager with a chosen or written file selected. */
  'files:show-in-folder': { input: z.object({ fileToken: fileTokenSchema }), output: z.void() },
} as const;
