import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { IpcResult } from '../../preload/contract';
import type { NotificationRequest } from '../app/notifications';

/**
 * The core — SQLite, the send engine and its schedule, orders, imports and exports, the SP-API
 * client and the demo simulator — runs in a process of its own (Electron's `utilityProcess` in the
 * app, a forked Node child under tests, benchmarks and E2E), so nothing it does can stall the
 * window. This is the one protocol between it and its host, the process that owns the window:
 *
 * - the host forwards each renderer call (`invoke`, already checked for a trusted sender) and a
 *   few host-only operations (`op`: send now, wake after sleep, smoke check, shutdown);
 * - the core answers (`result`), pushes the renderer's events (`event`), and asks the host for
 *   what only it can do (`call`): the OS keychain, notifications, file dialogs, the tray, the
 *   login item. Every message is structured-cloned; nothing here is a function or a class.
 */

/** What the core needs to start: where its data is and what the host knows of the machine. */
export interface CoreConfig {
  readonly dbFile: string;
  readonly version: string;
  readonly systemLocale: string;
  readonly platform: string;
  readonly logsDir: string;
  /** Where the first file dialog opens (the OS Documents folder). */
  readonly documentsDir: string;
  readonly loginItem: { readonly supported: boolean; readonly openAtLogin: boolean };
  /** better-sqlite3's Electron build for the unpackaged app (main/db/native-binding.ts). */
  readonly nativeBinding?: string;
  /**
   * A simulator already running elsewhere (the E2E harness runs one in the test process, which
   * seeds it): the core uses it instead of starting its own embedded one.
   */
  readonly simulator?: {
    readonly url: string;
    readonly lwaUrl: string;
    readonly demo: { readonly sellerId: string; readonly clientId: string; readonly clientSecret: string; readonly refreshToken: string };
  };
  /** false: no schedules or background jobs (E2E drives everything from the page). Default true. */
  readonly backgroundWork?: boolean;
}

/** Requests the core makes of its host; each answers one value. */
export interface HostCalls {
  'secrets.get': (key: string) => string | undefined;
  'secrets.set': (key: string, value: string) => void;
  'secrets.delete': (key: string) => boolean;
  notify: (request: NotificationRequest) => void;
  'dialog.open': (options: OpenDialogOptions) => OpenDialogReturnValue;
  'dialog.save': (options: SaveDialogOptions) => SaveDialogReturnValue;
  revealInFolder: (path: string) => void;
  'loginItem.set': (openAtLogin: boolean) => void;
  tray: (update: TrayUpdate) => void;
}
export type HostCallName = keyof HostCalls;

/** What the tray shows of the send engine (the core's half of main/app/tray.ts). */
export interface TrayUpdate {
  readonly sendAvailable?: boolean;
  readonly warning?: boolean;
  readonly runs?: { readonly last?: number; readonly next?: number };
}

/** Host-only operations on the core (not on the renderer's contract). */
export interface CoreOps {
  sendNow: () => void;
  /** One cycle of every account in that lane, answered when it ends (bench:responsiveness). */
  runLane: (lane: 'full' | 'fast') => Promise<{ readonly sent: number; readonly accepted: number; readonly failed: number; readonly skipped: number }>;
  wake: () => void;
  /** `--smoke`: the database answers. */
  smoke: () => { readonly db: boolean };
  /** The "Vitrine keeps running in the tray" notice, shown once (a setting). */
  backgroundNoticeShown: () => boolean;
  markBackgroundNoticeShown: () => void;
}
export type CoreOpName = keyof CoreOps;

export type HostMessage =
  | { readonly kind: 'init'; readonly config: CoreConfig }
  | { readonly kind: 'invoke'; readonly id: number; readonly channel: string; readonly input: unknown }
  | { readonly kind: 'op'; readonly id: number; readonly op: CoreOpName; readonly args: readonly unknown[] }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly error: string }
  | { readonly kind: 'shutdown' };

export type CoreMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'result'; readonly id: number; readonly result: IpcResult<unknown> }
  | { readonly kind: 'op-result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'op-result'; readonly id: number; readonly ok: false; readonly error: string }
  | { readonly kind: 'event'; readonly event: string; readonly payload: unknown }
  | { readonly kind: 'call'; readonly id: number; readonly name: HostCallName; readonly args: readonly unknown[] }
  /** Start-up failed (the database cannot be opened…): the seller's message, then the core exits. */
  | { readonly kind: 'fatal'; readonly code: string; readonly message: string }
  | { readonly kind: 'closed' };

/** One end of the pipe, whatever carries it (utilityProcess parentPort, Node IPC, a test pair). */
export interface Endpoint<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** Loose shape checks: the two processes are ours, but a message is still data from outside. */
export function isHostMessage(value: unknown): value is HostMessage {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
export function isCoreMessage(value: unknown): value is CoreMessage {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
