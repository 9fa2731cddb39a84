/**
 * Check digits of the NF-e access key and of the CNPJ (Receita Federal's mod 11 rules). Both
 * accept the alphanumeric CNPJ of 2026: a character counts as its ASCII code minus 48, so
 * digits keep their value and 'A' is 17.
 */

const value = (char: string): number => char.charCodeAt(0) - 48;

/** Access key: 44 characters (digits, letters only inside the emitter's CNPJ, positions 7–20). */
export const ACCESS_KEY_PATTERN = /^\d{6}[0-9A-Z]{12}\d{2}\d{24}$/;

/** The 44th character of an access key: weights 2..9 from the right over the first 43, mod 11. */
export function accessKeyCheckDigit(first43: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = first43.length - 1; i >= 0; i -= 1) {
    sum += value(first43[i] ?? '0') * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isAccessKey(key: string): boolean {
  return ACCESS_KEY_PATTERN.test(key) && accessKeyCheckDigit(key.slice(0, 43)) === Number(key[43]);
}

/** The fields an access key is made of (Manual de Orientação do Contribuinte, NF-e 4.00). */
export interface AccessKeyParts {
  readonly uf: string;
  readonly yearMonth: string;
  readonly cnpj: string;
  readonly model: string;
  readonly series: string;
  readonly number: string;
  readonly emission: string;
  readonly code: string;
  readonly checkDigit: string;
}

export function accessKeyParts(key: string): AccessKeyParts {
  return {
    uf: key.slice(0, 2),
    yearMonth: key.slice(2, 6),
    cnpj: key.slice(6, 20),
    model: key.slice(20, 22),
    series: key.slice(22, 25),
    number: key.slice(25, 34),
    emission: key.slice(34, 35),
    code: key.slice(35, 43),
    checkDigit: key.slice(43, 44),
  };
}

const CNPJ_PATTERN = /^[0-9A-Z]{12}\d{2}$/;

function cnpjDigit(chars: string, weights: readonly number[]): number {
  const sum = [...chars].reduce((acc, c, i) => acc + value(c) * (weights[i] ?? 0), 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

const FIRST = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** A CNPJ whose two check digits are right (and not a run of one repeated digit, which passes the arithmetic). */
export function isCnpj(cnpj: string): boolean {
  if (!CNPJ_PATTERN.test(cnpj) || /^(\d)\1{13}$/.test(cnpj)) return false;
  const first = cnpjDigit(cnpj.slice(0, 12), FIRST);
  const second = cnpjDigit(cnpj.slice(0, 12) + String(first), SECOND);
  return cnpj.slice(12) === `${first}${second}`;
}

/** Only the characters a CNPJ is made of ("12.345.678/0001-95" → "12345678000195"). */
export function normalizeCnpj(raw: string): string {
  return raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** "12345678000195" → "12.345.678/0001-95", as sellers read it. */
export function formatCnpj(cnpj: string): string {
  return cnpj.length === 14 ? `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}` : cnpj;
}
