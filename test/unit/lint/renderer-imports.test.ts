import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('renderer import boundary', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';\nvoid ipcRenderer;"],
    ["import { readFileSync } from 'node:fs';\nvoid readFileSync;"],
    ["import fs from 'fs';\nvoid fs;"],
    ["import Database from 'better-sqlite3';\nvoid Database;"],
    ["import { Entry } from '@napi-rs/keyring';\nvoid Entry;"],
  ])('refuses %s in renderer/', async (code) => {
    expect(await ruleIdsFor(code, 'renderer/features/example/bad.ts')).toContain('no-restricted-imports');
  });

  it('allows the same import in main/', async () => {
    expect(await ruleIdsFor("import { readFileSync } from 'node:fs';\nvoid readFileSync;", 'main/example.ts')).not.toContain('no-restricted-imports');
  });

  it('allows the contract in renderer/', async () => {
    const code = "import { channelNames } from '../../../preload/contract';\nvoid channelNames;";
    expect(await ruleIdsFor(code, 'renderer/features/example/ok.ts')).not.toContain('no-restricted-imports');
  });
});
