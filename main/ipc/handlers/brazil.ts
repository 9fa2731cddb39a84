import { writeFileSync } from 'node:fs';
import { basename, isAbsolute, normalize } from 'node:path';
import { brazilServiceFor } from '../../brazil/service';
import { readBrazilSettings, saveBrazilSettings } from '../../brazil/settings';
import { amazonOrderIdOf, brazilOrderFacts, brazilOrderView, fbaProductStockView, fbaStockView, nfeImportResults, unmatchedNfesView } from '../../brazil/views';
import type { Services } from '../../services';
import type { PartialHandlerMap } from '../register';

/** Dialogs answer absolute paths; anything else is a broken dialog. */
function dialogPath(path: string): string {
  if (!isAbsolute(path)) throw new Error('the file dialog returned a relative path');
  return normalize(path);
}

export function brazilHandlers(services: Services) {
  const brazil = brazilServiceFor(services);
  const { db, translator, fileGrants, fileDialogs } = services;
  const results = (list: Parameters<typeof nfeImportResults>[1]) => nfeImportResults(translator, list);

  return {
    'brazil:order': ({ orderId }) => brazilOrderView(db, brazil, orderId),
    'brazil:order-facts': ({ ids }) => brazilOrderFacts(db, ids),
    'brazil:get-settings': () => readBrazilSettings(db),
    'brazil:set-settings': (input) =>
      saveBrazilSettings(db, {
        ...(input.sellerCnpj !== undefined ? { sellerCnpj: input.sellerCnpj } : {}),
        ...(input.defaultPackage ? { defaultPackage: input.defaultPackage } : {}),
      }),
    'nfe:choose': async ({ pick }) => {
      const chosen = (await fileDialogs.openNfe?.({ folder: pick === 'folder' })) ?? null;
      if (chosen === null) return [];
      return chosen.map((p) => fileGrants.grant(dialogPath(p), 'read'));
    },
    'nfe:import': async ({ fileTokens }) => results(await brazil.importPaths(fileTokens.map((t) => fileGrants.resolve(t, 'read')))),
    'nfe:import-dropped': ({ files }) =>
      results(brazil.importFiles(files.map((f) => ({ name: basename(f.name.replaceAll('\\', '/')), bytes: Buffer.from(f.content, 'utf8') })))),
    'nfe:unmatched': () => unmatchedNfesView(db),
    'nfe:assign': ({ documentId, orderId }) => brazil.assign(documentId, orderId),
    'nfe:remove': ({ documentId }) => brazil.remove(documentId),
    'nfe:send': async ({ documentId, force }) => ({ outcome: await brazil.send(documentId, force ? { force } : {}) }),
    'nfe:send-pending': async () => {
      const list = await brazil.sendPending();
      const failed = list.filter((r) => r.outcome === 'failed');
      return {
        sent: list.length - failed.length,
        failed: failed.length,
        messages: failed.map((r) =>
          translator.t('brazil.nfe.sendFailed', {
            number: r.number,
            message: r.error ? translator.t(`errors.${r.error.code}`, r.error.params as Record<string, unknown>) : '',
          }),
        ),
      };
    },
    'nfe:refresh': async ({ orderId }) => ({ outcome: await brazil.refreshInvoice(orderId) }),
    'easyship:slots': ({ orderId, size }) => brazil.slots(orderId, size),
    'easyship:schedule': async ({ orderId, slot, size }) => ({ label: (await brazil.schedule(orderId, slot, size)) === 'scheduled' }),
    'easyship:reschedule': ({ orderId, slot }) => brazil.reschedule(orderId, slot),
    'easyship:refresh': ({ orderId }) => brazil.refreshPickup(orderId),
    'easyship:save-label': async ({ orderId }) => {
      const pdf = brazil.label(orderId);
      const chosen = (await fileDialogs.savePdf?.({ defaultName: `${translator.t('brazil.labelFileName')}-${amazonOrderIdOf(db, orderId)}.pdf` })) ?? null;
      if (chosen === null) return null;
      const path = dialogPath(chosen).replace(/(\.pdf)?$/i, '.pdf');
      writeFileSync(path, pdf);
      return fileGrants.grant(path, 'write');
    },
    'fba:read': async () => {
      const read = await brazil.readFba();
      return { skus: read.reduce((s, r) => s + r.skus, 0), calls: read.reduce((s, r) => s + r.calls, 0) };
    },
    'fba:stock': ({ productIds, marketplaceId }) => fbaStockView(db, productIds, marketplaceId),
    'fba:product-stock': ({ productId, marketplaceId }) => fbaProductStockView(db, productId, marketplaceId),
  } satisfies PartialHandlerMap;
}
