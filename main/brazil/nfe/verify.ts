import { isDivergent, divergencePercent } from '../../orders/divergence';
import type { NfeProblem, ParsedNfe } from './parse';

/** The order as the NF-e checks need it. */
export interface OrderForNfe {
  readonly amazonOrderId: string;
  readonly status: string;
  readonly program: 'self_ship' | 'easy_ship' | 'fba';
  /** Sum of the items as Amazon charged them; null while Amazon withholds prices (Pending). */
  readonly totalCents: number | null;
  readonly currency: string | null;
  readonly items: readonly { readonly sku: string | null; readonly gtin: string | null; readonly quantity: number }[];
  /** The order already has an NF-e Amazon accepted. */
  readonly hasAcceptedNfe: boolean;
}

export interface VerifySettings {
  /** The order divergence tolerance (Pedidos → settings), in percent. */
  readonly tolerancePercent: number;
  /** The store's own CNPJ, when the seller gave it: notes of another company are refused. */
  readonly sellerCnpj: string | null;
}

const problem = (code: NfeProblem['code'], params: Record<string, string | number>, field?: string): NfeProblem =>
  field === undefined ? { code, params } : { code, field, params };

/** "0007891000000013" and "7891000000013" are the same barcode. */
const sameCode = (a: string | null, b: string | null): boolean => a !== null && b !== null && a.replace(/^0+/, '') === b.replace(/^0+/, '');

/** The store CNPJ check, which needs no order. */
export function checkEmitter(nfe: ParsedNfe, settings: VerifySettings): NfeProblem | null {
  if (settings.sellerCnpj && settings.sellerCnpj !== nfe.emitterCnpj) {
    return problem('OTHER_CNPJ', { cnpj: nfe.emitterCnpj, expected: settings.sellerCnpj }, 'infNFe/emit/CNPJ');
  }
  return null;
}

/**
 * Does this note belong to this order: an order that takes an NF-e (not FBA, not cancelled, priced),
 * a total within the divergence tolerance (freight set apart: Amazon's order total has none), and
 * the same products in the same quantities. Each order item is found on the note by its SKU as
 * cProd or by its EAN as cEAN.
 */
export function verifyAgainstOrder(nfe: ParsedNfe, order: OrderForNfe, settings: VerifySettings): NfeProblem | null {
  const id = order.amazonOrderId;
  if (order.program === 'fba') return problem('ORDER_FBA', { orderId: id });
  if (order.status === 'Canceled') return problem('ORDER_CANCELED', { orderId: id });
  if (order.hasAcceptedNfe) return problem('ORDER_HAS_ACCEPTED', { orderId: id });
  if (order.totalCents === null) return problem('ORDER_NOT_PRICED', { orderId: id });
  const noteCents = nfe.totalCents - nfe.freightCents;
  if (isDivergent(noteCents, order.totalCents, settings.tolerancePercent)) {
    return problem(
      'TOTAL_MISMATCH',
      {
        orderId: id,
        noteCents,
        orderCents: order.totalCents,
        currency: order.currency ?? 'BRL',
        percent: Math.round(divergencePercent(noteCents, order.totalCents) * 10) / 10,
        tolerance: settings.tolerancePercent,
      },
      'total/ICMSTot/vNF',
    );
  }
  const used = new Set<number>();
  for (const item of order.items) {
    const sku = item.sku ?? '';
    const lines = nfe.items
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.code.trim().toLowerCase() === sku.trim().toLowerCase() || sameCode(line.ean, item.gtin));
    if (lines.length === 0) return problem('ITEM_MISSING', { orderId: id, sku, quantity: item.quantity }, 'infNFe/det');
    lines.forEach(({ index }) => used.add(index));
    const quantity = lines.reduce((sum, { line }) => sum + line.quantity, 0);
    if (Math.abs(quantity - item.quantity) > 1e-6) {
      const first = lines[0]?.index ?? 0;
      return problem('ITEM_QUANTITY', { orderId: id, sku, noteQuantity: quantity, orderQuantity: item.quantity }, `infNFe/det[${first + 1}]/prod/qCom`);
    }
  }
  const extra = nfe.items.findIndex((_, index) => !used.has(index));
  if (extra >= 0) {
    const line = nfe.items[extra];
    return problem('ITEM_EXTRA', { orderId: id, code: line?.code ?? '', description: line?.description ?? '' }, `infNFe/det[${extra + 1}]/prod`);
  }
  return null;
}
