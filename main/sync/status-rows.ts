import type { SyncStatusRow } from '../../preload/contract/sync';
import { explainListingIssue } from '../amazon/explain';
import type { StatusRow } from '../db/tables/sync-listings';
import type { Translator } from '../i18n';

/** What a stored SKU × marketplace row says, as both the status list and the overview's product list read it. */
export type StoredStatus = Pick<StatusRow, 'sku' | 'status' | 'reason' | 'asin' | 'issues' | 'sentAt' | 'updatedAt'>;

/**
 * One SKU × marketplace row as the seller reads it: the status's label, our reason (its code when
 * no text names it) and every issue Amazon raised with what it means, in the seller's language.
 */
export function describeStatusRow(
  translator: Pick<Translator, 't' | 'has'>,
  scope: { readonly accountId: string; readonly marketplaceId: string },
  row: StoredStatus,
): SyncStatusRow {
  const { t } = translator;
  const reasonKey = `sync.reasons.${row.reason}`;
  return {
    accountId: scope.accountId,
    marketplaceId: scope.marketplaceId,
    sku: row.sku,
    status: row.status,
    label: t(`sync.status.${row.status}`),
    reason: row.reason ? (translator.has(reasonKey) ? t(reasonKey) : row.reason) : null,
    asin: row.asin,
    issues: row.issues.map((i) => ({ ...i, explanation: explainListingIssue(translator, i.code) })),
    sentAt: row.sentAt,
    updatedAt: row.updatedAt,
  };
}
