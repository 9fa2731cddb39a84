import { z } from 'zod';
import { appChannels } from './app';
import { accountsChangedSchema, accountsChannels } from './accounts';
import { eanChannels } from './ean';
import { catalogChannels } from './catalog';
import { ordersChannels } from './orders';
import { linkingChannels } from './linking';
import { rulesChannels } from './rules';
import { mappingChannels } from './mapping';
import { syncChannels, syncStatusChangedSchema } from './sync';
import { filesChannels } from './files';
import { brazilChannels } from './brazil';
import type { IpcResult } from './result';
import { taskProgressSchema } from './progress';

export * from './result';
export * from './linking';
export * from './rules';
export * from './app';
export * from './progress';
export * from './accounts';
export * from './ean';
export * from './catalog';
export * from './orders';
export * from './mapping';
export * from './sync';
export * from './files';
export * from './brazil';

/**
 * The one IPC contract. Each channel `'<domain>:<verb>'` maps to a zod input schema (validated in
 * main) and an output schema; types derive from the schemas so they cannot drift.
 * Add a domain by spreading its `xxxChannels` object here.
 */
export const channels = {
  ...appChannels,
  ...accountsChannels,
  ...eanChannels,
  ...catalogChannels,
  ...ordersChannels,
  ...linkingChannels,
  ...rulesChannels,
  ...mappingChannels,
  ...syncChannels,
  ...filesChannels,
  ...brazilChannels,
} as const;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
/** What main's handler receives: the input after parsing, with the schema's defaults filled in. */
export type ParsedChannelInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

/** Push events main → renderer (progress, live status). */
export const events = {
  'task:progress': taskProgressSchema,
  'app:navigate': z.object({ route: z.string() }),
  'sync:status-changed': syncStatusChangedSchema,
  'accounts:changed': accountsChangedSchema,
  /** The core process's state: the window says when it restarts after a crash, or cannot. */
  'app:core-state': z.object({ state: z.enum(['starting', 'running', 'restarting', 'failed']) }),
} as const satisfies Record<string, z.ZodType>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

type CamelDash<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<CamelDash<B>>}` : S;
/** `'catalog:import-file'` → `'catalogImportFile'`: the preload's function name for a channel. */
export type ApiName<C extends string> = C extends `${infer D}:${infer V}` ? `${D}${Capitalize<CamelDash<V>>}` : never;

export function apiName<C extends Channel>(channel: C): ApiName<C> {
  const [domain, verb = ''] = channel.split(':');
  const camel = verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return `${domain}${camel.charAt(0).toUpperCase()}${camel.slice(1)}` as ApiName<C>;
}

type Fn<C extends Channel> =
  ChannelInput<C> extends void | undefined ? () => Promise<IpcResult<ChannelOutput<C>>> : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

/** What `window.vitrine` offers: one named function per channel, plus event subscriptions. */
export type VitrineApi = { readonly [C in Channel as ApiName<C>]: Fn<C> } & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];
