import { z } from 'zod';

/** Progress of long work (imports, exports, sends), pushed main → renderer. */
export const taskProgressSchema = z.object({
  taskId: z.string(),
  kind: z.string(),
  /** i18n key of the current phase, e.g. `progress.reading`. */
  phase: z.string(),
  done: z.number().nonnegative(),
  /** Unknown totals are null (a streamed file before its end). */
  total: z.number().nonnegative().nullable(),
  finished: z.boolean(),
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;
