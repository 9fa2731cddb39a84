import type { Translator } from '../../i18n';
import { formatCnpj } from './digits';
import type { NfeProblem } from './parse';

/** Money in a problem's parameters spelled out for the reader, CNPJs with their punctuation. */
function problemParams(params: Readonly<Record<string, string | number>>, locale: string): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  const currency = typeof params.currency === 'string' && params.currency.length === 3 ? params.currency : 'BRL';
  for (const key of ['noteCents', 'orderCents'] as const) {
    const cents = params[key];
    if (typeof cents === 'number') out[key.replace('Cents', '')] = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  }
  for (const key of ['cnpj', 'expected'] as const) if (typeof params[key] === 'string') out[key] = formatCnpj(params[key]);
  // "16,6 %" in Portuguese, "16.6 %" in English.
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  for (const key of ['percent', 'tolerance'] as const) if (typeof params[key] === 'number') out[key] = decimal.format(params[key]);
  return out;
}

/** Why a file was refused, in the seller's language, naming the file and the XML field (the app and the CLI say the same). */
export function nfeProblemMessage(translator: Translator, file: string, problem: NfeProblem): string {
  const params = problemParams(problem.params, translator.intlLocale);
  // A file that is not XML: the kind of error the reader found, said in the seller's language.
  if (typeof problem.params.xmlError === 'string') params.reason = translator.t(`brazil.nfe.xmlErrors.${problem.params.xmlError}`);
  return translator.t(`brazil.nfe.errors.${problem.code}`, { ...params, file, field: problem.field ?? '' });
}
