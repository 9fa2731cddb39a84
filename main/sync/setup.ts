import type { Services } from '../services';
import { syncServiceFor, type SyncService, type SyncTray } from './service';

/** Start-up work of the send feature: starts the schedule and hooks the tray, once, after the window exists. */
export function setupSync(services: Services, tray?: SyncTray): SyncService {
  const sync = syncServiceFor(services);
  if (tray) sync.attachTray(tray);
  sync.scheduler.start();
  services.onClose(() => sync.stop());
  return sync;
}
