import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLogger } from '../../log/logger';
import type { DocumentRecord, SimData } from './state-types';

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
      const data = JSON.parse(readFileSync(file, 'utf8')) as StoredData;
      if (data.version !== 1) throw new Error(`Unsupported simulator state version in ${file}`);
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
