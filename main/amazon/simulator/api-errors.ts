import type { SimResponse } from './types';

/**
 * Each SP-API family spells its 400 code differently (REFERENCE.md §3): the simulator answers in
 * the convention of the model that owns the operation, so clients cannot depend on one spelling.
 */
const BAD_REQUEST_CODE: Readonly<Record<string, string>> = {
  'listingsItems_2021-08-01': 'BAD_REQUEST',
  'listingsRestrictions_2021-08-01': 'BAD_REQUEST',
  'definitionsProductTypes_2020-09-01': 'BAD_REQUEST',
  'feeds_2021-06-30': '400',
  'catalogItems_2022-04-01': '400',
  'reports_2021-06-30': '400',
  sellers: 'InvalidInput',
  ordersV0: 'InvalidInput',
  'orders_2026-01-01': 'InvalidInput',
  fbaInventory: 'InvalidInput',
  'easyShip_2022-03-23': 'InvalidInput',
  'deliveryShipmentInvoiceV2022-07-01': 'InvalidInput',
};

/** The message each API gives a request it cannot take (the models' own 400 sandbox cases). */
const INVALID_INPUT_MESSAGE: Readonly<Record<string, string>> = {
  'catalogItems_2022-04-01': 'Request has missing or invalid parameters and cannot be parsed.',
  'easyShip_2022-03-23': 'Request has missing or invalid parameters and cannot be parsed.',
  sellers: 'Invalid Input',
  ordersV0: 'Invalid Input',
  'orders_2026-01-01': 'Invalid Input',
  fbaInventory: 'Invalid Input',
  'deliveryShipmentInvoiceV2022-07-01': 'Invalid Input',
};

const NOT_FOUND_CODE: Readonly<Record<string, string>> = {
  'listingsItems_2021-08-01': 'NOT_FOUND',
  'definitionsProductTypes_2020-09-01': 'NOT_FOUND',
  'feeds_2021-06-30': '404',
  'catalogItems_2022-04-01': '404',
  'reports_2021-06-30': '404',
};

export interface ErrorEntry {
  readonly code: string;
  readonly message: string;
  readonly details?: string;
}

export function errorList(status: number, errors: readonly ErrorEntry[]): SimResponse {
  return { status, body: { errors } };
}

/** Models whose ErrorList is a bare array, not `{errors: […]}` (their own sandbox 400 answers so). */
const BARE_ERROR_LISTS: ReadonlySet<string> = new Set(['listingsRestrictions_2021-08-01']);

export function badRequest(model: string, message: string, details?: string): SimResponse {
  const code = BAD_REQUEST_CODE[model] ?? 'InvalidInput';
  const entry = details === undefined ? { code, message } : { code, message, details };
  return BARE_ERROR_LISTS.has(model) ? { status: 400, body: [entry] } : errorList(400, [entry]);
}

/** A request the API cannot take, in that API's code and message, with what was wrong in `details`. */
export function invalidInput(model: string, details: string): SimResponse {
  return badRequest(model, INVALID_INPUT_MESSAGE[model] ?? 'Invalid input', details);
}

export function notFound(model: string, message: string): SimResponse {
  return errorList(404, [{ code: NOT_FOUND_CODE[model] ?? 'NotFound', message }]);
}

export function unauthorized(details: string): SimResponse {
  return errorList(403, [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details }]);
}

export function quotaExceeded(): SimResponse {
  return errorList(429, [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }]);
}

export function internalError(): SimResponse {
  return errorList(500, [{ code: 'InternalFailure', message: 'We encountered an internal error. Please try again.' }]);
}

export function serviceUnavailable(): SimResponse {
  return errorList(503, [{ code: 'ServiceUnavailable', message: 'Service temporarily unavailable. Please try again.' }]);
}
