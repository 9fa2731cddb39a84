/**
 * An expected failure that reaches the seller: a stable code, the i18n key parameters used to
 * explain it in their language, and optional details (the field or row at fault; Amazon's
 * verbatim error). Unexpected exceptions are anything else and become `INTERNAL`.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly params: Readonly<Record<string, unknown>> = {},
    readonly details?: Readonly<Record<string, unknown>>,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
