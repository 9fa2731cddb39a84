import { useTranslation } from 'react-i18next';
import type { Locale } from '../../preload/contract';
import { asLocale, intlLocale } from './i18n';

/** Numbers, money and dates for one locale, always through Intl (never string concatenation). */
export interface Formatters {
  readonly locale: Locale;
  number(value: number): string;
  percent(ratio: number): string;
  /** Store prices kept in cents, shown with two decimals and no currency (the store's own currency). */
  cents(value: number): string;
  /** `currency` is ISO 4217 (BRL, USD, MXN, GBP, EUR…), as Amazon reports it. */
  money(amount: number, currency: string): string;
  date(value: Date | number | string): string;
  dateTime(value: Date | number | string): string;
  /** `3` → "em 3 dias" / "in 3 days"; `-1` → "ontem" / "yesterday". */
  relativeDays(days: number): string;
  /** ISO 3166 code → the country's name in this locale (`BR` → "Brasil" / "Brazil"). */
  country(code: string): string;
}

const cache = new Map<Locale, Formatters>();

function toDate(value: Date | number | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formattersFor(locale: Locale): Formatters {
  const cached = cache.get(locale);
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
  const formatters: Formatters = {
    locale,
    number: (value) => integer.format(value),
    percent: (ratio) => percent.format(ratio),
    cents: (value) => decimal2.format(value / 100),
    money: (amount, currency) => {
      let f = money.get(currency);
      if (!f) {
        f = new Intl.NumberFormat(tag, { style: 'currency', currency });
        money.set(currency, f);
      }
      return f.format(amount);
    },
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
  cache.set(locale, formatters);
  return formatters;
}

/** The formatters for the language the UI is showing right now. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(asLocale(i18n.language));
}
