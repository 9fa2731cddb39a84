import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';

describe('import-orders and export-orders tell the seller what happened in whole sentences', () => {
  it('labels each count (no "1 chamadas", no "com erro" for an order whose SKU is unknown) and says where the file went', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orders-cli-text-'));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
      const env = { VITRINE_LOG_DIR: join(dir, 'logs'), VITRINE_LOCALE: 'pt-BR' };
      const db = join(dir, 'v.db');
      // A fresh database: the demo store's orders name SKUs this empty catalog does not have.
      expect(await runCli(['import-orders', '--db', db], io, env)).toBe(0);
      expect(out[0]).toMatch(
        /^Pedidos — novos: [1-9]\d*, atualizados: 0, com problema \(SKU desconhecido, inativo ou sem estoque\): [1-9]\d*; chamadas à Amazon: 1\.$/,
      );
      expect(await runCli(['export-orders', join(dir, 'pedidos.csv'), '--db', db, '--from', '2026-01-01'], io, env)).toBe(0);
      expect(out[1]).toMatch(
        new RegExp(`^Pedidos gravados em ${join(dir, 'pedidos.csv').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [1-9]\\d* \\(itens: [1-9]\\d*\\)\\.$`),
      );
      expect(err).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
