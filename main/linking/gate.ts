import type { SendLink } from '../db/tables/listing-links';
import { assertNever } from '../errors';

/**
 * What the send engine does with one catalog SKU given its link (linksByCatalogSku), in one
 * place so the rule cannot drift between the full cycle and the fast lane:
 * - no link: the SKU is not on Amazon as far as the last read knows → send it under its own SKU;
 * - unconfirmed: the seller has not decided → send nothing (reason `link_unconfirmed`);
 * - keep-amazon: the seller keeps Amazon's values → send nothing (reason `link_keeps_amazon`);
 * - vitrine-manages: send, under the Amazon SKU (an EAN/ASIN link has another SKU on Amazon;
 *   the catalog SKU would open a second offer for the same product).
 * Reasons are i18n keys under `linking.reasons`.
 */
export type LinkGate =
  { readonly send: true; readonly amazonSku: string } | { readonly send: false; readonly reason: 'link_unconfirmed' | 'link_keeps_amazon' };

export function linkGate(catalogSku: string, link: Pick<SendLink, 'amazonSku' | 'treatment'> | undefined): LinkGate {
  if (!link) return { send: true, amazonSku: catalogSku };
  switch (link.treatment) {
    case 'unconfirmed':
      return { send: false, reason: 'link_unconfirmed' };
    case 'keep-amazon':
      return { send: false, reason: 'link_keeps_amazon' };
    case 'vitrine-manages':
      return { send: true, amazonSku: link.amazonSku };
    default:
      return assertNever(link.treatment, 'link treatment');
  }
}
