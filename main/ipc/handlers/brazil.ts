import { writeFileSync } from 'node:fs';
import { basename, isAbsolute, normalize } from 'node:path';
import type { NfeImportResult } from '../../../preload/contract';
import { brazilServiceFor } from '../../brazil/service';
import type { NfeFileResult } from '../../brazil/nfe/import';
import { needsNfe } from '../../brazil/programs';
import { readBrazilSettings, saveBrazilSettings } from '../../brazil/settings';
import { pickupBlocker } from '../../brazil/easy-ship/pickup';
import { nfeProblemMessage } from '../../brazil/nfe/messages';
import { getPickup } from '../../db/tables/easy-ship-packages';
import { fbaStockOfProduct, fbaStockOfProducts } from '../../db/tables/fba-inventory';
import { nfesOfOrder, ordersNeedingNfe, unmatchedNfes, type NfeDocumentRow } from '../../db/tables/nfe-documents';
import { getOrderProgram, orderBrazilFacts } from '../../db/tables/order-programs';
import { getOrderRow } from '../../db/tables/orders';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import type { PartialHandlerMap } from '../register';

const nfeView = (n: NfeDocumentRow) => ({
  id: n.id,
  number: n.number,
  series: n.series,
  accessKey: n.accessKey,
  fileName: n.fileName,
  totalCents: n.totalCents,
  state: n.state,
  amazonStatus: n.amazonStatus,
  amazonErrors: n.amazonErrors.map((e) => ({ ...e })),
  sentAt: n.sentAt,
  matchedBy: n.matchedBy,
});

/** Dialogs answer absolute paths; anything else is a broken dialog. */
function dialogPath(path: string): string {
  if (!isAbsolute(path)) throw new Error('the file dialog returned a relative path');
  return normalize(path);
}

export function brazilHandlers(services: Services) {
  const brazil = brazilServiceFor(services);
  const { db, translator, fileGrants, fileDialogs } = services;

  const results = (list: readonly NfeFileResult[]): NfeImportResult[] =>
    list.map((r) =>
      r.ok
        ? { file: r.file, ok: true, documentId: r.documentId, number: r.number, orderId: r.orderRowId, amazonOrderId: r.amazonOrderId, code: null, field: null, message: null }
        : {
            file: r.file,
            ok: false,
            documentId: null,
            number: null,
            orderId: null,
            amazonOrderId: null,
            code: r.problem.code,
            field: r.problem.field ?? null,
            message: nfeProblemMessage(translator, r.file, r.problem),
          },
    );

  return {
    'brazil:order': ({ orderId }) => {
      const order = getOrderRow(db, orderId);
      if (!order) throw new AppError('ORDER_NOT_FOUND');
      const program = getOrderProgram(db, orderId);
      const kind = program?.program ?? (order.fulfilledBy === 'AMAZON' ? 'fba' : 'self_ship');
      const nfe = nfesOfOrder(db, orderId).find((n) => n.state !== 'replaced') ?? null;
      const pickup = getPickup(db, orderId);
      return {
        orderId,
        program: kind,
        amazonInvoiceStatus: program?.invoiceStatus ?? null,
        needsNfe: needsNfe(kind, program?.invoiceStatus ?? null, order.marketplaceId),
        nfe: nfe ? nfeView(nfe) : null,
        pickup: pickup
          ? {
              state: pickup.state,
              slotStart: pickup.slotStart,
              slotEnd: pickup.slotEnd,
              handoverMethod: pickup.handoverMethod,
              packageStatus: pickup.packageStatus,
              trackingId: pickup.trackingId,
              hasLabel: pickup.hasLabel === 1,
              size: { lengthCm: pickup.lengthCm, widthCm: pickup.widthCm, heightCm: pickup.heightCm, weightG: pickup.weightG },
            }
          : null,
        pickupBlocker: kind === 'easy_ship' ? pickupBlocker(db, orderId) : null,
        estimate: (({ size, missing }) => ({ size, missing: [...missing] }))(brazil.estimate(orderId)),
      };
    },
    'brazil:order-facts': ({ ids }) => {
      const facts = orderBrazilFacts(db, ids);
      return ids.flatMap((id) => {
        const f = facts.get(id);
        const order = f ? getOrderRow(db, id) : undefined;
        if (!f || !order) return [];
        return [{ id, program: f.program, needsNfe: needsNfe(f.program, f.invoiceStatus, order.marketplaceId), nfeState: (f.nfeState as NfeDocumentRow['state'] | null) ?? null, nfeNumber: f.nfeNumber, pickupState: f.pickupState, pickupStart: f.pickupStart }];
      });
    },
    'brazil:get-settings': () => readBrazilSettings(db),
    'brazil:set-settings': (input) =>
      saveBrazilSettings(db, { ...(input.sellerCnpj !== undefined ? { sellerCnpj: input.sellerCnpj } : {}), ...(input.defaultPackage ? { defaultPackage: input.defaultPackage } : {}) }),
    'nfe:choose': async ({ pick }) => {
      const chosen = (await fileDialogs.openNfe?.({ folder: pick === 'folder' })) ?? null;
      if (chosen === null) return [];
      return chosen.map((p) => fileGrants.grant(dialogPath(p), 'read'));
    },
    'nfe:import': async ({ fileTokens }) => results(await brazil.importPaths(fileTokens.map((t) => fileGrants.resolve(t, 'read')))),
    'nfe:import-dropped': ({ files }) => results(brazil.importFiles(files.map((f) => ({ name: basename(f.name.replaceAll('\\', '/')), bytes: Buffer.from(f.content, 'utf8') })))),
    'nfe:unmatched': () => ({ notes: unmatchedNfes(db).map(nfeView), orders: ordersNeedingNfe(db) }),
    'nfe:assign': ({ documentId, orderId }) => brazil.assign(documentId, orderId),
    'nfe:remove': ({ documentId }) => brazil.remove(documentId),
    'nfe:send': async ({ documentId, force }) => ({ outcome: await brazil.send(documentId, force ? { force } : {}) }),
    'nfe:send-pending': async () => {
      const list = await brazil.sendPending();
      const failed = list.filter((r) => r.outcome === 'failed');
      return {
        sent: list.length - failed.length,
        failed: failed.length,
        messages: failed.map((r) => translator.t('brazil.nfe.sendFailed', { number: r.number, message: r.error ? translator.t(`errors.${r.error.code}`, r.error.params as Record<string, unknown>) : '' })),
      };
    },
    'nfe:refresh': async ({ orderId }) => ({ outcome: await brazil.refreshInvoice(orderId) }),
    'easyship:slots': ({ orderId, size }) => brazil.slots(orderId, size),
    'easyship:schedule': async ({ orderId, slot, size }) => ({ label: (await brazil.schedule(orderId, slot, size)) === 'scheduled' }),
    'easyship:reschedule': ({ orderId, slot }) => brazil.reschedule(orderId, slot),
    'easyship:refresh': ({ orderId }) => brazil.refreshPickup(orderId),
    'easyship:save-label': async ({ orderId }) => {
      const pdf = brazil.label(orderId);
      const order = getOrderRow(db, orderId);
      const chosen = (await fileDialogs.savePdf?.({ defaultName: `${translator.t('brazil.labelFileName')}-${order?.amazonOrderId ?? orderId}.pdf` })) ?? null;
      if (chosen === null) return null;
      const path = dialogPath(chosen).replace(/(\.pdf)?$/i, '.pdf');
      writeFileSync(path, pdf);
      return fileGrants.grant(path, 'write');
    },
    'fba:read': async () => {
      const read = await brazil.readFba();
      return { skus: read.reduce((s, r) => s + r.skus, 0), calls: read.reduce((s, r) => s + r.calls, 0) };
    },
    'fba:stock': ({ productIds, marketplaceId }) => [...fbaStockOfProducts(db, productIds, marketplaceId).entries()].map(([productId, s]) => ({ productId, ...s })),
    'fba:product-stock': ({ productId, marketplaceId }) => fbaStockOfProduct(db, productId, marketplaceId).map((r) => ({ ...r })),
  } satisfies PartialHandlerMap;
}
