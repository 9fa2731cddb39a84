import { listBrands, listCharacteristicValues, listRules } from '../../db/tables/listing-rules';
import { deleteRule, previewRule, saveRule } from '../../rules';
import type { Services } from '../../services';
import type { PartialHandlerMap } from '../register';

export function rulesHandlers(services: Services) {
  const { db } = services;
  return {
    'rules:list': (scope) => listRules(db, scope),
    'rules:preview': ({ conditions, offset, limit }) => {
      const p = previewRule(db, conditions, { offset, limit });
      // Contract arrays are mutable; the preview's are readonly views.
      const rows = (list: typeof p.includedPage) => list.map((r) => ({ ...r, failed: r.failed.map((f) => ({ ...f })) }));
      return { total: p.total, included: p.included, failing: [...p.failing], includedPage: rows(p.includedPage), excludedPage: rows(p.excludedPage) };
    },
    'rules:save': ({ accountId, marketplaceId, id, rule }) => saveRule(db, { accountId, marketplaceId }, id, rule, Date.now()),
    'rules:delete': ({ id }) => deleteRule(db, id, Date.now()),
    'rules:brands': () => listBrands(db),
    'rules:characteristics': () => listCharacteristicValues(db),
  } satisfies PartialHandlerMap;
}
