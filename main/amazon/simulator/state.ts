import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLogger } from '../../log/logger';
import { attributesFor } from './listing-store';
import { SIM_DATA_VERSION, type DocumentRecord, type ListingRecord, type SellerListings, type SimData } from './state-types';

const logger = createLogger('amazon/simulator/state');

/** Debounce window: many requests in a burst produce one write. */
const SAVE_DELAY_MS = 100;

/**
 * The simulator's memory, optionally persisted to one JSON file. Writes go to a temp file that is
 * renamed over the target, so a crash mid-write leaves the previous state intact.
 */
export class SimStore {
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    readonly data: SimData,
    private readonly file: string | undefined,
  ) {}

  /** Loads `file` when it exists; otherwise starts from `seed()` (and saves it when a file is given). */
  static open(file: string | undefined, seed: () => SimData): SimStore {
    if (file && existsSync(file)) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as StoredData | StoredDataV1;
      if (data.version === 1) return new SimStore(fromFile(migrateV1(data)), file);
      if (data.version !== SIM_DATA_VERSION) throw new Error(`Unsupported simulator state version in ${file}`);
      return new SimStore(fromFile(data), file);
    }
    const store = new SimStore(seed(), file);
    store.flush();
    return store;
  }

  /** A monotonic counter for ids that must be unique within this state. */
  nextSequence(): number {
    this.data.sequence += 1;
    return this.data.sequence;
  }

  markDirty(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.flush();
      } catch (err) {
        logger.error('could not save simulator state', err);
      }
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes now (used on close and by tests). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(toFile(this.data)));
      renameSync(temp, this.file);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
  }
}

type StoredDocument = Omit<DocumentRecord, 'content'> & { content?: string };
type StoredData = Omit<SimData, 'documents'> & { documents: Record<string, StoredDocument> };

/** Version 1 kept one listing per SKU, holding the marketplace of its last write. */
type StoredDataV1 = Omit<StoredData, 'version' | 'listings'> & {
  readonly version: 1;
  listings: Record<string, Record<string, Omit<ListingRecord, 'marketplaceId'> & { marketplaceId?: string }>>;
};

/**
 * The marketplaces a version 1 listing was offered in: the one of its last write (the seller's
 * first marketplace when it named none) and every other marketplace of the seller its attribute
 * values are tagged for (a SKU first written for one marketplace, then patched for another).
 */
function v1Marketplaces(attributes: ListingRecord['attributes'], recorded: string, participating: readonly string[]): string[] {
  const tagged = new Set<string>();
  for (const values of Object.values(attributes)) {
    for (const value of values) {
      const tag = (value as { marketplace_id?: unknown } | null)?.marketplace_id;
      if (typeof tag === 'string') tagged.add(tag);
    }
  }
  return [recorded, ...participating.filter((m) => m !== recorded && tagged.has(m))];
}

/**
 * A version 1 state becomes per SKU × marketplace: each listing is kept in every marketplace it
 * was offered in (v1Marketplaces), each copy with only the attribute values that apply there. The
 * issues of its last validation stay with the marketplace they were raised in.
 */
function migrateV1(data: StoredDataV1): StoredData {
  const listings: Record<string, SellerListings> = {};
  for (const [sellerId, bySku] of Object.entries(data.listings)) {
    const own: SellerListings = (listings[sellerId] = {});
    const participating = data.sellers[sellerId]?.marketplaceIds ?? [];
    const fallback = participating[0] ?? 'A2Q3Y263D00KWC';
    for (const [sku, old] of Object.entries(bySku)) {
      const recorded = old.marketplaceId ?? fallback;
      own[sku] = Object.fromEntries(
        v1Marketplaces(old.attributes, recorded, participating).map((marketplaceId) => [
          marketplaceId,
          {
            ...structuredClone(old),
            sku: old.sku ?? sku,
            marketplaceId,
            attributes: attributesFor(structuredClone(old.attributes), marketplaceId),
            issues: marketplaceId === recorded ? old.issues : [],
          },
        ]),
      );
    }
  }
  logger.info('simulator state migrated from version 1 (listings per SKU and marketplace)');
  return { ...data, version: SIM_DATA_VERSION, listings };
}

/** The file keeps document bytes as base64 strings; memory keeps them as Buffers. */
function toFile(data: SimData): StoredData {
  const documents: Record<string, StoredDocument> = {};
  for (const [id, { content, ...doc }] of Object.entries(data.documents)) documents[id] = content ? { ...doc, content: content.toString('base64') } : doc;
  return { ...data, documents };
}

function fromFile(data: StoredData): SimData {
  const documents: Record<string, DocumentRecord> = {};
  for (const [id, { content, ...doc }] of Object.entries(data.documents)) documents[id] = content ? { ...doc, content: Buffer.from(content, 'base64') } : doc;
  return { ...data, documents };
}
