import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiName, channelNames, eventNames, type EventName } from './contract';

/**
 * The sandboxed preload: one named function per channel, never ipcRenderer itself.
 * Inputs are validated again in main; this side only forwards.
 */
const api: Record<string, unknown> = {};
for (const channel of channelNames) {
  api[apiName(channel)] = (input?: unknown) => ipcRenderer.invoke(channel, input);
}
api.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`);
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => ipcRenderer.removeListener(event, wrapped);
};

contextBridge.exposeInMainWorld('vitrine', Object.freeze(api));
