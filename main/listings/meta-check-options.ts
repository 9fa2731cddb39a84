/** What the meta-schema check needs of the validator's Ajv options (the verdict and its wording). */
export const META_CHECK_OPTIONS = {
  allErrors: true,
  strictSchema: false,
  strictTypes: false,
  strictRequired: false,
  strictTuples: false,
  validateSchema: false,
  logger: false,
} as const;

/** One schema (its JSON text) to check on the meta-schema thread, and its answer. */
export interface MetaCheckRequest {
  readonly id: number;
  readonly json: string;
}

export interface MetaCheckReply {
  readonly id: number;
  readonly error: string | null;
}
