import { randomBytes } from 'node:crypto';
import { basename, isAbsolute, normalize } from 'node:path';
import { AppError } from '../errors';

/** What the seller allowed when they picked the file: read it (Open) or write it (Save as). */
export type FileAccess = 'read' | 'write';

/** What the renderer holds for a chosen file: an opaque token and a name to show, never the path. */
export interface FileGrant {
  readonly fileToken: string;
  readonly name: string;
}

interface Entry {
  readonly path: string;
  readonly access: FileAccess;
  expiresAt: number;
}

export interface FileGrantsOptions {
  /** A token unused this long is forgotten; each use extends it (a long import wizard keeps its file). */
  readonly ttlMs?: number;
  /** Beyond this many live tokens the oldest is forgotten. */
  readonly max?: number;
  readonly now?: () => number;
}

const DEFAULT_TTL_MS = 30 * 60_000;
const DEFAULT_MAX = 64;

/**
 * The allow-list behind the file channels: main reads or writes only paths the seller picked in
 * a system dialog during this session (or that main made itself, such as the rejected-rows file
 * beside the chosen spreadsheet). The renderer sends tokens; a typed path has no way in.
 */
export class FileGrants {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: FileGrantsOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.max = options.max ?? DEFAULT_MAX;
    this.now = options.now ?? Date.now;
  }

  grant(path: string, access: FileAccess): FileGrant {
    if (!isAbsolute(path) || normalize(path) !== path) throw new Error('a file grant needs an absolute, normalized path');
    this.prune();
    while (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const fileToken = randomBytes(18).toString('base64url');
    this.entries.set(fileToken, { path, access, expiresAt: this.now() + this.ttlMs });
    return { fileToken, name: basename(path) };
  }

  /**
   * The path behind a token this session handed out. `reveal` (show in folder) accepts either
   * access. Unknown, expired and wrong-access tokens fail with FILE_NOT_CHOSEN.
   */
  resolve(fileToken: string, use: FileAccess | 'reveal'): string {
    const entry = this.entries.get(fileToken);
    const now = this.now();
    if (!entry || entry.expiresAt <= now || (use !== 'reveal' && entry.access !== use)) {
      if (entry && entry.expiresAt <= now) this.entries.delete(fileToken);
      throw new AppError('FILE_NOT_CHOSEN');
    }
    entry.expiresAt = now + this.ttlMs;
    return entry.path;
  }

  private prune(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(token);
  }
}
