import type { Services } from '../services';
import { linkingRunnerFor } from './runner';

/** Start-up work of the linking feature: resume reads left waiting for their report. */
export function setupLinking(services: Services): void {
  void linkingRunnerFor(services).resumeOpen();
}
