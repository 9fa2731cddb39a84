import { useTranslation } from 'react-i18next';
import type { Locale } from '../../preload/contract';
import { selectEnabledMarketplaces, selectSelectedMarketplaceId, useAccountsStore, type AccountsState } from '../features/accounts/accounts-store';
import { asLocale, intlLocale } from './i18n';

/** Numbers, money and dates for one locale, always through Intl (never string concatenation). */
export interface Formatters {
  readonly locale: Locale;
  number(value: number): string;
  percent(ratio: number): string;
  /** Store prices kept in cents, as plain decimals (form fields, where the currency is said beside them). */
  cents(value: number): string;
  /**
   * A store price (cents) as money: "R$ 1.234,56". The send engine sends the store's numbers in the
   * marketplace's currency, so the currency is the header marketplace's; plain decimals without one.
   */
  price(cents: number): string;
  /** `currency` is ISO 4217 (BRL, USD, MXN, GBP, EUR…), as Amazon reports it. */
  money(amount: number, currency: string): string;
  date(value: Date | number | string): string;
  dateTime(value: Date | number | string): string;
  /** `3` → "em 3 dias" / "in 3 days"; `-1` → "ontem" / "yesterday". */
  relativeDays(days: number): string;
  /** ISO 3166 code → the country's name in this locale (`BR` → "Brasil" / "Brazil"). */
  country(code: string): string;
}

const cache = new Map<string, Formatters>();

function toDate(value: Date | number | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formattersFor(locale: Locale, priceCurrency: string | null = null): Formatters {
  const key = `${locale}|${priceCurrency ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const tag = intlLocale(locale);
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const decimal2 = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'short' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const regions = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
  const money = new Map<string, Intl.NumberFormat>();
  const moneyIn = (currency: string): Intl.NumberFormat => {
    let f = money.get(currency);
    if (!f) {
      try {
        f = new Intl.NumberFormat(tag, { style: 'currency', currency });
      } catch {
        // A code Intl does not know: the number with the code beside it beats a crash.
        f = new Intl.NumberFormat(tag, { style: 'currency', currency: 'XXX', currencyDisplay: 'code' });
      }
      money.set(currency, f);
    }
    return f;
  };
  const formatters: Formatters = {
    locale,
    number: (value) => integer.format(value),
    percent: (ratio) => percent.format(ratio),
    cents: (value) => decimal2.format(value / 100),
    money: (amount, currency) => moneyIn(currency).format(amount),
    price: (value) => (priceCurrency ? moneyIn(priceCurrency).format(value / 100) : decimal2.format(value / 100)),
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    relativeDays: (days) => relative.format(days, 'day'),
    country: (code) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
  cache.set(key, formatters);
  return formatters;
}

/** The currency of the marketplace chosen in the header, or null before one is. */
export const selectPriceCurrency = (s: AccountsState): string | null => {
  const id = selectSelectedMarketplaceId(s);
  return selectEnabledMarketplaces(s).find((m) => m.marketplaceId === id)?.currency ?? null;
};

/** The formatters for the language the UI is showing right now, with prices in the header marketplace's currency. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const currency = useAccountsStore(selectPriceCurrency);
  return formattersFor(asLocale(i18n.language), currency);
}
