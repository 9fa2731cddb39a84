import type { z } from 'zod';
import type { OperationName } from '../operations';
import type { Query } from '../wire';

export interface InvokeOptions<T> {
  readonly pathParams?: Readonly<Record<string, string>>;
  readonly query?: Query;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  readonly idempotent?: boolean;
  /** Extra rate-limit buckets beyond the operation's own (the JSON_LISTINGS_FEED cap). */
  readonly extraBuckets?: readonly string[];
  readonly signal?: AbortSignal;
}

/** How an API module sends one operation through the client's pipeline. */
export type Invoke = <T>(operation: OperationName, options: InvokeOptions<T>) => Promise<T>;
