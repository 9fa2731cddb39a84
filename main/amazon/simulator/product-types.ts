import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from './product-types/attribute-templates';
import { schemaForMarketplace, widenSchema } from './product-types/localize';
import { PRODUCT_TYPE_WORDS } from './product-types/pt-br';

/** A product type definition schema the simulator serves and validates listings against. */
export interface ProductTypeEntry {
  readonly name: string;
  /** English display name (Amazon's default locale). */
  readonly displayName: string;
  /** Display names by app locale (`en`, `pt-BR`) from index.json, when the folder has one. */
  readonly displayNames: Readonly<Record<string, string>>;
  /** Words Amazon's product type search knows this type by, besides its names. */
  readonly keywords: readonly string[];
  /** The file as authored (or as Amazon published it). */
  readonly bytes: Buffer;
  /** Valid in every marketplace of the simulator: what listings are validated against. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** Base64 MD5 of the schema bytes, as `schema.checksum` in getDefinitionsProductType. */
  readonly checksum: string;
  /** Stable per content, like Amazon's `U…` version ids. */
  readonly version: string;
}

/** The document served for one marketplace and locale, and its checksum. */
export interface ServedSchema {
  readonly bytes: Buffer;
  readonly checksum: string;
}

const FOLDER_IN_APP = join('main', 'amazon', 'simulator', 'product-types');

/**
 * The authored schemas live beside the simulator (`product-types/<NAME>.schema.json`). From the
 * sources that is next to this file; in the bundled app this module is inlined into
 * out/main/index.js and electron-builder ships the folder at its source path inside the app, so
 * walk up to the app root to find it.
 */
export function defaultProductTypesDir(moduleUrl: string = import.meta.url): string {
  const beside = fileURLToPath(new URL('./product-types/', moduleUrl));
  if (existsSync(beside)) return beside;
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < 5; i += 1) {
    const candidate = join(dir, FOLDER_IN_APP);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return beside;
}

const SUFFIX = '.schema.json';

interface IndexEntry {
  readonly productType: string;
  readonly displayName?: Readonly<Record<string, string>>;
}

/** Display names live in the folder's index.json (written by the schema authoring script). */
function readIndex(dir: string): Map<string, IndexEntry> {
  const file = join(dir, 'index.json');
  if (!existsSync(file)) return new Map();
  const entries = JSON.parse(readFileSync(file, 'utf8')) as IndexEntry[];
  return new Map(entries.map((e) => [e.productType, e]));
}

function displayNameOf(name: string, schema: Readonly<Record<string, unknown>>): string {
  if (typeof schema.title === 'string' && schema.title.trim() !== '') return schema.title;
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * Reads the schema files lazily: the directory is listed on first use, each schema parsed on
 * first request (BRACELET alone is 1.3 MB).
 */
export class ProductTypeRegistry {
  private names: string[] | undefined;
  private index: Map<string, IndexEntry> | undefined;
  private readonly entries = new Map<string, ProductTypeEntry>();
  private readonly served = new Map<string, ServedSchema>();

  constructor(private readonly dir: string = defaultProductTypesDir()) {}

  list(): readonly string[] {
    if (!this.names) {
      this.names = existsSync(this.dir)
        ? readdirSync(this.dir)
            .filter((f) => f.endsWith(SUFFIX))
            .map((f) => f.slice(0, -SUFFIX.length).toUpperCase())
            .sort()
        : [];
    }
    return this.names;
  }

  /**
   * The schema document for a marketplace and locale (cached): that marketplace's currency and
   * tags, Portuguese wording for `pt_*`. Its checksum is what getDefinitionsProductType reports.
   */
  servedSchema(entry: ProductTypeEntry, marketplaceId: string, locale: string | undefined): ServedSchema {
    const key = `${entry.name}|${marketplaceId}|${locale ?? ''}`;
    let served = this.served.get(key);
    if (!served) {
      const bytes = Buffer.from(JSON.stringify(schemaForMarketplace(entry.schema as JsonObject, marketplaceId, locale), null, 2));
      served = { bytes, checksum: createHash('md5').update(bytes).digest('base64') };
      this.served.set(key, served);
    }
    return served;
  }

  /** Display name for Amazon's locale tag (`pt_BR` → the pt-BR name), English otherwise. */
  static displayNameFor(entry: ProductTypeEntry, locale: string | undefined): string {
    const appLocale = locale?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
    return entry.displayNames[appLocale] ?? entry.displayName;
  }

  has(name: string): boolean {
    return this.list().includes(name);
  }

  get(name: string): ProductTypeEntry | undefined {
    if (!this.has(name)) return undefined;
    let entry = this.entries.get(name);
    if (!entry) {
      const bytes = readFileSync(join(this.dir, `${name}${SUFFIX}`));
      const schema = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      const digest = createHash('md5').update(bytes).digest();
      const hex = digest.toString('hex');
      this.index ??= readIndex(this.dir);
      const words = PRODUCT_TYPE_WORDS[name];
      const displayNames = this.index.get(name)?.displayName ?? (words ? { en: words.en, 'pt-BR': words['pt-BR'] } : {});
      entry = {
        name,
        displayName: displayNames.en ?? displayNameOf(name, schema),
        displayNames,
        keywords: words?.keywords ?? [],
        bytes,
        schema: widenSchema(schema as JsonObject),
        checksum: digest.toString('base64'),
        version: `U${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
      };
      this.entries.set(name, entry);
    }
    return entry;
  }
}
