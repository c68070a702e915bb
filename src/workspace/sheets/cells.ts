import { currency, parseAmount } from '../../core/money';
import { readText } from './text';

/** Reading cells the way people leave them: a number typed as text, a date, a blank. */

/** Dates from getValues live in the script's realm; a tag check works across realms too. */
export function isDate(value: unknown): value is Date {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]';
}

/** Called for every cell a screen reads (a 10,000-order round is 200,000 of them): the common cases first. */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '' : readText(value.trim());
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return readText(String(value).trim());
}

export function cellNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  const n = Number(
    String(value ?? '')
      .replace(',', '.')
      .trim(),
  );
  return Number.isFinite(n) ? n : 0;
}

export function cellTime(value: unknown): number | null {
  if (isDate(value)) return value.getTime();
  if (typeof value === 'string' && value) {
    const t = Date.parse(value);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}

/** An amount of money in minor units of `currencyCode`, as typed in the reader's locale; blank or unreadable is 0. */
export function cellMoney(value: unknown, currencyCode: string): number {
  return parseAmount(value || 0, currency(currencyCode)?.exponent ?? 2) ?? 0;
}
