import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/tables/settings';
import { isCnpj, normalizeCnpj } from './nfe/digits';
import { AppError } from '../errors';

/** The seller's Brazil settings: their CNPJ (notes of another company are refused) and the package used when the catalog has no sizes. */
export interface BrazilSettings {
  readonly sellerCnpj: string | null;
  readonly defaultPackage: { readonly lengthCm: number; readonly widthCm: number; readonly heightCm: number; readonly weightG: number };
}

/** A small box of the Correios' smallest common size, 500 g: what a seller usually ships when nothing else is known. */
export const DEFAULT_PACKAGE = { lengthCm: 20, widthCm: 15, heightCm: 10, weightG: 500 } as const;

const KEYS = { cnpj: 'brazil.sellerCnpj', package: 'brazil.defaultPackage' } as const;

export function readBrazilSettings(db: Db): BrazilSettings {
  const cnpj = getSetting(db, KEYS.cnpj);
  let defaultPackage: BrazilSettings['defaultPackage'] = DEFAULT_PACKAGE;
  try {
    const raw = JSON.parse(getSetting(db, KEYS.package) ?? 'null') as Partial<BrazilSettings['defaultPackage']> | null;
    if (raw && [raw.lengthCm, raw.widthCm, raw.heightCm, raw.weightG].every((v) => typeof v === 'number' && v > 0))
      defaultPackage = raw as BrazilSettings['defaultPackage'];
  } catch {
    // A damaged value falls back to the default box.
  }
  return { sellerCnpj: cnpj ? cnpj : null, defaultPackage };
}

export function saveBrazilSettings(db: Db, input: { sellerCnpj?: string | null; defaultPackage?: BrazilSettings['defaultPackage'] }): BrazilSettings {
  if (input.sellerCnpj !== undefined) {
    const cnpj = input.sellerCnpj === null ? '' : normalizeCnpj(input.sellerCnpj);
    if (cnpj !== '' && !isCnpj(cnpj)) throw new AppError('BRAZIL_CNPJ_INVALID', { cnpj: input.sellerCnpj ?? '' });
    setSetting(db, KEYS.cnpj, cnpj);
  }
  if (input.defaultPackage !== undefined) setSetting(db, KEYS.package, JSON.stringify(input.defaultPackage));
  return readBrazilSettings(db);
}
