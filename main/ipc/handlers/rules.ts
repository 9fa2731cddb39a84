import { deleteRule, listBrands, listCharacteristicValues, listRules, saveRule } from '../../rules';
import { previewWithReadiness } from '../../rules/preview';
import type { Services } from '../../services';
import type { PartialHandlerMap } from '../register';

export function rulesHandlers(services: Services) {
  const { db } = services;
  return {
    'rules:list': (scope) => listRules(db, scope),
    'rules:preview': ({ conditions, offset, limit, accountId, marketplaceId }) =>
      previewWithReadiness(services, conditions, { offset, limit }, accountId && marketplaceId ? { accountId, marketplaceId } : null),
    'rules:save': ({ accountId, marketplaceId, id, rule }) => saveRule(db, { accountId, marketplaceId }, id, rule, Date.now()),
    'rules:delete': ({ id }) => deleteRule(db, id, Date.now()),
    'rules:brands': () => listBrands(db),
    'rules:characteristics': () => listCharacteristicValues(db),
  } satisfies PartialHandlerMap;
}
