import { afterEach, describe, expect, it } from 'vitest';
import { getCachedSchema } from '../../../main/db/tables/product-type-schemas';
import { ensureSchema } from '../../../main/mapping/schemas';
import { BR, HOME_DEFAULTS, sendWorld, type SendWorld } from './send-world';

let world: SendWorld | undefined;
afterEach(async () => {
  if (world) {
    expect(world.sim.control.requestViolations()).toEqual([]);
    expect(world.sim.control.responseViolations()).toEqual([]);
  }
  await world?.close();
  world = undefined;
});

type Sent = Record<string, { value?: unknown }[]> | undefined;

describe("a closed list's value typed as Amazon shows it", () => {
  it('is sent as its code: the label in pt-BR, with or without accents and capitals, or the code in other capitals; the preview shows the same; an unknown value is still named with the accepted labels', async () => {
    world = await sendWorld();
    const w = world;
    // The schema as Amazon serves it to a Brazilian seller: the list's labels in Portuguese.
    await ensureSchema(w.db, w.client, { marketplaceId: BR, productType: 'HOME', locale: 'pt_BR' }, { now: w.clock.now(), force: true });
    const dgLabels = JSON.stringify(getCachedSchema(w.db, { marketplaceId: BR, productType: 'HOME', locale: 'pt_BR' })?.schema);
    expect(dgLabels).toContain('Não aplicável');
    const { supplier_declared_dg_hz_regulation: _dg, ...defaults } = HOME_DEFAULTS;
    void _dg;
    w.settings({ defaultAttributes: defaults, characteristicAttributes: { supplier_declared_dg_hz_regulation: 'Produto perigoso' } });
    const ids = [
      w.addProduct({ key: 'ROTULO', characteristics: { 'Produto perigoso': 'Não aplicável' } }),
      w.addProduct({ key: 'SEM-ACENTO', characteristics: { 'Produto perigoso': 'nao  aplicavel' } }),
      w.addProduct({ key: 'CODIGO', characteristics: { 'Produto perigoso': 'NOT_APPLICABLE' } }),
      w.addProduct({ key: 'OUTRO', characteristics: { 'Produto perigoso': 'Talvez' } }),
    ];

    const checks = w.check(ids);
    const summary = await w.cycle();

    expect(checks.map((c) => c.status)).toEqual(['ready', 'ready', 'ready', 'invalid']);
    const sent = (sku: string) => (w.messages(sku)[0]?.['attributes'] as Sent)?.['supplier_declared_dg_hz_regulation']?.[0]?.value;
    expect(['ROTULO', 'SEM-ACENTO', 'CODIGO'].map(sent)).toEqual(['not_applicable', 'not_applicable', 'not_applicable']);
    // The preview is the payload.
    for (const [i, sku] of ['ROTULO', 'SEM-ACENTO', 'CODIGO'].entries())
      expect(checks[i]?.skus[0]?.listing?.attributes).toEqual(w.messages(sku)[0]?.['attributes']);
    expect(summary).toMatchObject({ accepted: 3, failed: 0 });
    for (const sku of ['ROTULO', 'SEM-ACENTO', 'CODIGO']) expect(w.status(sku)?.status).toBe('live');
    // A value that is on no list is not sent, and the message lists what the seller can type.
    expect(w.listing('OUTRO')).toBeUndefined();
    const issue = checks[3]?.skus[0]?.issues.find((i) => i.attribute === 'supplier_declared_dg_hz_regulation');
    expect(issue?.message).toContain('“Talvez”');
    expect(issue?.message).toContain('Não aplicável');
  }, 60_000);
});
