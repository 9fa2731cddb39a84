import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { orderActivity, orderListPage, orderView, toFilter } from '../../orders/present';
import { ordersServiceFor } from '../../orders/service';
import { readOrderSettings, saveOrderSettings } from '../../orders/settings';
import type { Services } from '../../services';
import { formatOf } from '../../files/names';
import type { PartialHandlerMap } from '../register';

/** `pedidos-2026-11-22-093000.xlsx` in the exports folder beside the database. */
function defaultExportFile(services: Services, format: 'xlsx' | 'csv'): string {
  const stamp = new Date().toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
  const name = services.translator.t('orders.export.ordersSheet').toLowerCase();
  const folder = join(services.dataDir, 'exports');
  mkdirSync(folder, { recursive: true });
  return join(folder, `${name}-${stamp}.${format}`);
}

export function ordersHandlers(services: Services) {
  const orders = ordersServiceFor(services);
  return {
    'orders:list': (input) => orderListPage(services.db, input),
    'orders:get': ({ id }) => orderView(services.db, services.translator, id),
    'orders:import': async ({ accountId }) => {
      const summary = await orders.import(accountId ? { accountId } : {});
      return { new: summary.new, updated: summary.updated, errors: summary.errors, apiCalls: summary.apiCalls };
    },
    'orders:ship': async ({ id, carrierCode, carrierName, trackingNumber, shipDate }) => {
      const outcome = await orders.ship({ orderRowId: id, carrierCode, trackingNumber, shipDate, ...(carrierName ? { carrierName } : {}) });
      const view = orderView(services.db, services.translator, id);
      return { status: view.status, reconciled: outcome.reconciled };
    },
    'orders:export': async ({ filter, format, fileToken }) => {
      const target = fileToken ? services.fileGrants.resolve(fileToken, 'write') : defaultExportFile(services, format);
      // The seller may have switched the Save dialog to the other format: the file's extension decides.
      const result = await orders.export({ file: target, format: formatOf(target), filter: toFilter(filter) });
      const written = fileToken ? { fileToken, name: basename(result.file) } : services.fileGrants.grant(result.file, 'write');
      return { ...written, orders: result.orders, items: result.items, taskId: result.taskId };
    },
    'orders:activity': ({ limit }) => orderActivity(services.db, services.translator, limit),
    'orders:get-settings': () => readOrderSettings(services.db),
    'orders:set-settings': (settings) => saveOrderSettings(services.db, Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined))),
  } satisfies PartialHandlerMap;
}
