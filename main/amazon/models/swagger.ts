/**
 * The slice of Swagger 2.0 that Amazon's SP-API models use. Only what the validators read is
 * typed; everything else (descriptions, examples, sandbox cases) passes through untouched.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export type ParameterLocation = 'path' | 'query' | 'header' | 'body' | 'formData';

export interface SwaggerParameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required?: boolean;
  readonly type?: string;
  readonly items?: JsonSchema;
  readonly collectionFormat?: 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';
  readonly schema?: JsonSchema;
  readonly [keyword: string]: unknown;
}

export interface SwaggerResponse {
  readonly description?: string;
  readonly schema?: JsonSchema;
}

export interface SwaggerOperation {
  readonly operationId: string;
  readonly deprecated?: boolean;
  readonly parameters?: readonly SwaggerParameter[];
  readonly responses: Readonly<Record<string, SwaggerResponse>>;
}

export interface SwaggerDoc {
  readonly basePath?: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly definitions?: Readonly<Record<string, unknown>>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isHttpMethod(value: string): value is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(value);
}
