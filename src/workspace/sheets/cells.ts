/**
 * Residents' text is data. A leading apostrophe makes Sheets store any string as plain text: no
 * formula (=IMPORTDATA…), no number parsing (a phone "+7…" stays text), and getValues returns it
 * without the apostrophe. https://support.google.com/docs/answer/3094283 (text, not formula)
 */
export function asText(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s === '' ? '' : `'${s}`;
}

/** Dates from getValues live in the script's realm; a tag check works across realms too. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return String(value).trim();
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
