import { explainAmazonError } from '../amazon/explain';
import { SpApiError } from '../amazon/errors';
import { AppError } from '../errors';

/** The SP-API role each Brazil feature needs: what the seller asks Amazon for when a call is refused with 403. */
export type BrazilRole = 'tax_invoicing' | 'easy_ship' | 'fba_inventory';

/**
 * Amazon failures of the Brazil features in the seller's words. A 403 means the app lacks the role
 * (Tax Invoicing is restricted: Amazon reviews it), so the message names the role to request;
 * Amazon's own code, message and request id stay in the details.
 */
export async function explainedFor<T>(role: BrazilRole, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    // An expired access token is renewed by the client before this point: a 403 here is the role.
    if (err instanceof SpApiError && err.status === 403) {
      const amazon = { code: err.code, message: err.amazonMessage, details: err.details, requestId: err.requestId, status: err.status };
      throw new AppError(
        `ROLE_MISSING_${role.toUpperCase()}`,
        { code: err.code, message: err.amazonMessage, requestId: err.requestId ?? '—' },
        { amazon, role },
      );
    }
    throw explainAmazonError(err) ?? err;
  }
}
