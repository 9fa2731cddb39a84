import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readUiLocale, writeUiLocale } from '../../../main/app/ui-locale';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the language mirrored for the window process', () => {
  it('keeps the seller’s choice, forgets it when they follow the system, and ignores junk', () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-ui-locale-'));
    expect(readUiLocale(dir)).toBeUndefined();
    writeUiLocale(dir, 'pt-BR');
    expect(readUiLocale(dir)).toBe('pt-BR');
    writeUiLocale(dir, null);
    expect(readUiLocale(dir)).toBeUndefined();
    writeFileSync(join(dir, 'ui-locale.json'), '{"locale":"xx-evil"}');
    expect(readUiLocale(dir)).toBeUndefined();
    writeFileSync(join(dir, 'ui-locale.json'), 'not json');
    expect(readUiLocale(dir)).toBeUndefined();
  });
});
