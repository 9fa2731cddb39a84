import { z } from 'zod';
import { InvalidRequestError } from '../errors';

/** `Pagination` as in the Catalog and Listings models. */
export const paginationSchema = z.looseObject({
  nextToken: z.string().optional(),
  previousToken: z.string().optional(),
});
export type Pagination = z.infer<typeof paginationSchema>;

export const moneySchema = z.looseObject({ currencyCode: z.string(), amount: z.string().or(z.number()) });
export type Money = z.infer<typeof moneySchema>;

/**
 * A response enum that Amazon may extend (a new listing status, a new order state): the known
 * values stay in the type for autocompletion and exhaustive handling, but an unknown value is
 * accepted instead of failing the whole response. Enums that decide what we do next (feed
 * processingStatus, submission status, issue severity) stay closed on purpose.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T): z.ZodType<T[number] | (string & {})> {
  void values;
  return z.string();
}

/** Checks Amazon's documented list limits before sending, so the seller gets a clear error. */
export function requireCount(operationId: string, name: string, values: readonly unknown[] | undefined, min: number, max: number): void {
  const count = values?.length ?? 0;
  if (count < min || count > max) {
    throw new InvalidRequestError(operationId, `${name} takes ${min === max ? min : `${min} to ${max}`} value(s), got ${count}`);
  }
}

/**
 * Follows an API's next-page token. `fetchPage(undefined)` is the first page; each later call gets
 * the previous page's token. Callers stop early simply by breaking out of `for await`.
 */
export async function* followPages<T>(
  fetchPage: (token: string | undefined) => Promise<T>,
  nextToken: (page: T) => string | undefined,
): AsyncGenerator<T, void, undefined> {
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield page;
    token = nextToken(page);
  } while (token);
}
