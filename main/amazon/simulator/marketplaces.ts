import { invalidInput } from './api-errors';
import { csv, type SimResponse } from './types';

/**
 * Every marketplace Amazon has (the SP-API marketplace id table: North America, Europe, Far
 * East), not only those Vitrine sells in: an id outside this list names no Amazon store at all.
 */
export const AMAZON_MARKETPLACE_IDS: ReadonlySet<string> = new Set([
  // North America
  'A2EUQ1WTGCTBG2',
  'ATVPDKIKX0DER',
  'A1AM78C64UM0Y8',
  'A2Q3Y263D00KWC',
  // Europe
  'A28R8C7NBKEWEA',
  'A1RKKUPIHCS9HS',
  'A1F83G8C2ARO7P',
  'A13V1IB3VIYZZH',
  'AMEN7PMS3EDWL',
  'A1805IZSGTT6HS',
  'A1PA6795UKMFR9',
  'APJ6JRA9NG5V4',
  'A2NODRKZP88ZB9',
  'AE08WJ6YKNBMC',
  'A1C3SOZRARQ6R3',
  'ARBP9OOSHTCHU',
  'A33AVAJ2PDY3EV',
  'A17E79C6D8DWNP',
  'A2VIGQ35RCS4UG',
  'A21TJRUUN4KGV',
  // Far East
  'A19VAU5U5O7RUS',
  'A39IBJ37TRP1C6',
  'A1VC38T7YXB528',
]);

/** The query parameters and top-level body fields the models use for marketplace ids. */
const ID_NAMES = /^marketplaceids?$/i;

function idsIn(query: Readonly<Record<string, string>>, body: unknown): string[] {
  const ids: string[] = [];
  for (const [name, value] of Object.entries(query)) if (ID_NAMES.test(name)) ids.push(...csv(value));
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      if (!ID_NAMES.test(name)) continue;
      if (typeof value === 'string') ids.push(value);
      else if (Array.isArray(value)) ids.push(...value.filter((v): v is string => typeof v === 'string'));
    }
  }
  return ids;
}

/**
 * One check for every operation, run after the model validation: the models type marketplace ids
 * as plain strings, so an id Amazon has no store for passes them and is refused here, with the
 * 400 of the API that owns the operation (BAD_REQUEST for listings and definitions, "400" for
 * feeds, reports and catalog, InvalidInput for orders and the rest).
 */
export function unknownMarketplace(model: string, query: Readonly<Record<string, string>>, body: unknown): SimResponse | undefined {
  const unknown = idsIn(query, body).find((id) => !AMAZON_MARKETPLACE_IDS.has(id));
  return unknown === undefined ? undefined : invalidInput(model, `'${unknown}' is not a valid marketplace identifier.`);
}
