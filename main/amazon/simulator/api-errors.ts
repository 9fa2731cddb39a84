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

export function badRequest(model: string, message: string, details?: string): SimResponse {
  const code = BAD_REQUEST_CODE[model] ?? 'InvalidInput';
  return errorList(400, [details === undefined ? { code, message } : { code, message, details }]);
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
