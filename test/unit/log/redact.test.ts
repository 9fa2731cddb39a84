import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLogger, logFilePath } from '../../../main/log/logger';
import { Redactor, redactor, REDACTED } from '../../../main/log/redact';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { withRedaction } from '../../../main/secrets/secret-store';

const ACCESS = 'Atza|IwEBIJx7k-9_aBcDeF.ghIjK~lMnO';
const REFRESH = 'Atzr|IwEBIA1b2c3d4e5f6g7h8i9j0kLmNoPqRs';
const CLIENT_SECRET = 'amzn1.oa2-cs.v1.0123456789abcdef0123456789abcdef';

async function flushedLog(): Promise<string> {
  await new Promise((r) => setTimeout(r, 50));
  return readFileSync(logFilePath(), 'utf8');
}

describe('Redactor', () => {
  it('redacts LWA tokens and client secrets by pattern', () => {
    const r = new Redactor();
    const out = r.redactString(`token ${ACCESS} refresh=${REFRESH} secret ${CLIENT_SECRET}`);
    expect(out).not.toMatch(/Atz[ar]\||amzn1\.oa2-cs/);
    expect(out.split(REDACTED)).toHaveLength(4);
  });

  it('redacts every value held by the secret store, also URL-encoded', () => {
    const r = new Redactor();
    r.addSecret('s3cr3t value/with+chars');
    expect(r.redactString('a s3cr3t value/with+chars b')).toBe(`a ${REDACTED} b`);
    expect(r.redactString(`q=${encodeURIComponent('s3cr3t value/with+chars')}`)).toBe(`q=${REDACTED}`);
  });

  it('blanks secret-named keys in nested objects and errors, and the home path', () => {
    const r = new Redactor();
    r.setHomePath('/home/maria');
    const err = Object.assign(new Error('failed reading /home/maria/.config/x'), { refresh_token: 'abc123456' });
    const out = r.redact({ nested: { client_secret: 'zzzzzzzz', list: [ACCESS] }, err }) as {
      nested: { client_secret: string; list: string[] };
      err: Error & { refresh_token: string };
    };
    expect(out.nested.client_secret).toBe(REDACTED);
    expect(out.nested.list[0]).toBe(REDACTED);
    expect(out.err.message).toBe('failed reading ~/.config/x');
    expect(out.err.refresh_token).toBe(REDACTED);
  });
});

describe('logger', () => {
  it('never writes a token, a client secret or a stored secret to the log file', async () => {
    const store = withRedaction(new MemorySecretStore());
    await store.set('acc_1/client_secret', 'plain-secret-without-pattern-42');
    const logger = createLogger('test/redaction');
    logger.info(`exchanging ${REFRESH} for ${ACCESS}`);
    logger.warn({ client_secret: CLIENT_SECRET, note: 'used plain-secret-without-pattern-42' });
    logger.error(new Error(`LWA said no for ${REFRESH}`));
    const text = await flushedLog();
    expect(text).toContain('exchanging');
    for (const secret of [ACCESS, REFRESH, CLIENT_SECRET, 'plain-secret-without-pattern-42']) expect(text).not.toContain(secret);
  });

  it('registers secrets read back from the store too', async () => {
    const inner = new MemorySecretStore();
    await inner.set('k', 'read-back-secret-777');
    await withRedaction(inner).get('k');
    expect(redactor.redactString('x read-back-secret-777')).toBe(`x ${REDACTED}`);
  });
});
