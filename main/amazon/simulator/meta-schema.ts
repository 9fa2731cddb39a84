import { createHash } from 'node:crypto';
import { amazonMetaSchema } from '../../listings/amazon-vocabulary';

/**
 * Amazon's product type meta-schema as the simulator serves it. Its URI is an identifier, not a
 * fetchable document, so both sides use the one local copy written from Amazon's documented
 * vocabulary (listings/amazon-vocabulary.ts): clients download and register it exactly as with
 * the real one.
 */
export const META_SCHEMA_BYTES = Buffer.from(JSON.stringify(amazonMetaSchema, null, 2));
export const META_SCHEMA_CHECKSUM = createHash('md5').update(META_SCHEMA_BYTES).digest('base64');
