import { createHash } from 'node:crypto';

export const META_SCHEMA_ID = 'https://schemas.amazon.com/selling-partners/definitions/product-types/meta-schema/v1';

/**
 * A local stand-in for Amazon's product type meta-schema (its URI is an identifier, not a
 * fetchable document): JSON Schema 2019-09 plus the custom keywords Amazon documents
 * (REFERENCE.md §4), so clients can download and register it exactly as with the real one.
 */
const document = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  $id: META_SCHEMA_ID,
  $vocabulary: {
    'https://json-schema.org/draft/2019-09/vocab/core': true,
    'https://json-schema.org/draft/2019-09/vocab/applicator': true,
    'https://json-schema.org/draft/2019-09/vocab/validation': true,
    'https://json-schema.org/draft/2019-09/vocab/meta-data': true,
    'https://json-schema.org/draft/2019-09/vocab/format': false,
    'https://json-schema.org/draft/2019-09/vocab/content': true,
  },
  $recursiveAnchor: true,
  allOf: [{ $ref: 'https://json-schema.org/draft/2019-09/schema' }],
  properties: {
    editable: { type: 'boolean' },
    hidden: { type: 'boolean' },
    enumNames: { type: 'array', items: { type: 'string' } },
    selectors: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    minUniqueItems: { type: 'integer', minimum: 0 },
    maxUniqueItems: { type: 'integer', minimum: 0 },
    minUtf8ByteLength: { type: 'integer', minimum: 0 },
    maxUtf8ByteLength: { type: 'integer', minimum: 0 },
  },
};

export const META_SCHEMA_BYTES = Buffer.from(JSON.stringify(document, null, 2));
export const META_SCHEMA_CHECKSUM = createHash('md5').update(META_SCHEMA_BYTES).digest('base64');
