import { catalogMatchingFor } from '../../main/catalog-match/service';
import { copySampleSheet } from '../../main/catalog-match/sample-sheet';
import { runProductImport } from '../../main/catalog/service';
import { catalogMatchCounts } from '../../main/db/tables/catalog-matches';
import type { Services } from '../../main/services';

const BR = 'A2Q3Y263D00KWC';

/**
 * The seller's first steps, done through main's own code: the sample sheet imported, then the
 * background matching run until Amazon.com.br answered every valid code (it goes on with the
 * other marketplaces afterwards, as in the app).
 */
export async function importSampleSheet(services: Services): Promise<void> {
  const file = copySampleSheet(services.dataDir);
  const report = await runProductImport(services, { file, dryRun: false });
  if (!report.committed || report.rejected > 0) throw new Error(`the sample sheet did not import cleanly: ${report.rejected} rows rejected`);
  void catalogMatchingFor(services).kick();
  for (let i = 0; i < 600; i += 1) {
    const status = catalogMatchingFor(services).status;
    if (catalogMatchCounts(services.db, BR).matched > 0 && status.marketplaceId !== BR) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('matching on Amazon.com.br did not finish');
}
