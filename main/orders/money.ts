/**
 * Amazon sends money as a decimal string ("89.90", "1500"); it is kept as integer hundredths so
 * totals and comparisons never drift through floating point. Extra decimals are rounded half up.
 */
export function toCents(amount: string | number): number | null {
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const padded = `${fraction}000`;
  let cents = Number(whole) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1;
  return sign === '-' ? -cents : cents;
}

export function fromCents(cents: number): number {
  return cents / 100;
}
