import { en, type MessageKey } from './messages.en';

/** The catalogue in use. One language today; the locale also drives money and date formats. */
const catalogue: Record<string, string> = en;
export const locale = typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US';

/** A message with its {placeholders} filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = catalogue[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A message by a key built at run time (a status or code), falling back to the given text. */
export function tKnown(key: string, fallback: string, values: Record<string, string | number> = {}): string {
  return key in catalogue ? t(key as MessageKey, values) : fallback;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An API amount (exact decimal string) in the user's locale; never through arithmetic on floats. */
export function formatMoney(amount: string | null | undefined, currency = 'USD'): string {
  if (amount === null || amount === undefined) return '—';
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(currency, format);
  }
  // Intl formats a decimal string exactly (no float rounding) where supported.
  return format.format(amount as unknown as number);
}

const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}
