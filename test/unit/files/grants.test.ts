import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/errors';
import { FileGrants } from '../../../main/files/grants';
import { fileTokenSchema } from '../../../preload/contract';

const sheet = resolve('/home/ana/Documentos/produtos.xlsx');

function notChosen(run: () => unknown): void {
  expect(run).toThrow(AppError);
  try {
    run();
  } catch (err) {
    expect((err as AppError).code).toBe('FILE_NOT_CHOSEN');
  }
}

describe('file grants', () => {
  it('hands out an opaque token and the name, and resolves the token to the chosen path', () => {
    const grants = new FileGrants();
    const grant = grants.grant(sheet, 'read');
    expect(grant.name).toBe('produtos.xlsx');
    expect(fileTokenSchema.safeParse(grant.fileToken).success).toBe(true);
    expect(grant.fileToken).not.toContain('produtos');
    expect(grants.resolve(grant.fileToken, 'read')).toBe(sheet);
    expect(grants.grant(sheet, 'read').fileToken).not.toBe(grant.fileToken);
  });

  it('rejects unknown tokens, paths posing as tokens and tokens from another session', () => {
    const grants = new FileGrants();
    grants.grant(sheet, 'read');
    for (const token of ['', 'x'.repeat(24), sheet, '../../etc/passwd', '/etc/passwd', '__proto__', 'constructor'])
      notChosen(() => grants.resolve(token, 'read'));
    const other = new FileGrants().grant(sheet, 'read').fileToken;
    notChosen(() => grants.resolve(other, 'read'));
  });

  it('keeps read and write apart; "show in folder" takes either', () => {
    const grants = new FileGrants();
    const read = grants.grant(sheet, 'read').fileToken;
    const write = grants.grant(join(resolve('/tmp'), 'out.csv'), 'write').fileToken;
    notChosen(() => grants.resolve(read, 'write'));
    notChosen(() => grants.resolve(write, 'read'));
    expect(grants.resolve(read, 'reveal')).toBe(sheet);
    expect(grants.resolve(write, 'reveal')).toBe(join(resolve('/tmp'), 'out.csv'));
  });

  it('forgets a token left unused for the TTL; each use extends it', () => {
    let now = 1_000;
    const grants = new FileGrants({ ttlMs: 100, now: () => now });
    const kept = grants.grant(sheet, 'read').fileToken;
    const idle = grants.grant(sheet, 'read').fileToken;
    now += 90;
    expect(grants.resolve(kept, 'read')).toBe(sheet);
    now += 90;
    expect(grants.resolve(kept, 'read')).toBe(sheet);
    notChosen(() => grants.resolve(idle, 'read'));
    now += 100;
    notChosen(() => grants.resolve(kept, 'read'));
  });

  it('keeps at most `max` live tokens, forgetting the oldest', () => {
    const grants = new FileGrants({ max: 2 });
    const first = grants.grant(sheet, 'read').fileToken;
    const second = grants.grant(sheet, 'read').fileToken;
    const third = grants.grant(sheet, 'read').fileToken;
    notChosen(() => grants.resolve(first, 'read'));
    expect(grants.resolve(second, 'read')).toBe(sheet);
    expect(grants.resolve(third, 'read')).toBe(sheet);
  });

  it('only grants absolute, normalized paths (a relative or dotted path is a bug in main)', () => {
    const grants = new FileGrants();
    expect(() => grants.grant('produtos.xlsx', 'read')).toThrow(/absolute/);
    expect(() => grants.grant(`${resolve('/a')}/../etc/passwd`, 'read')).toThrow(/normalized/);
  });
});
