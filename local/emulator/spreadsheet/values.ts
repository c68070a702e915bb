import { isDate } from '../guard';
import { wallTime } from '../timezone';
import { localeRules, parseInvariant, parseTyped } from './locale';

export type CellValue = string | number | boolean | Date;

/** Shown by getValues for a formula cell: the emulator keeps formulas but does not compute them. */
export const FORMULA_NOT_EVALUATED = '#NOT_EVALUATED';

export interface StoredCell {
  value: CellValue;
  formula?: string;
  /**
   * A date, time or date-time that was typed: Sheets then shows it with the locale's date (or time)
   * format, not as a full date-time. Absent for values written as JS Dates.
   */
  kind?: 'date' | 'time' | 'datetime';
}

export interface WriteContext {
  numberFormat: string | undefined;
  timeZone: string;
  locale: string;
  /** The virtual clock, for the year of a date typed without one. */
  now(): number;
  newDate(ms: number): Date;
  apostropheInPlainText: 'kept' | 'stripped';
  typedInputLocale: 'spreadsheet' | 'invariant';
}

/**
 * What Sheets stores when a script writes `value` into a cell (setValue(s) behaves as typed input). Like
 * Sheets: a string that starts with "=" becomes a formula; one that starts with "'" is kept as text
 * (without the apostrophe in a General cell; in a plain-text cell see Fidelity.apostropheInPlainText);
 * text that reads as a number, a boolean, a date or a time in the spreadsheet's locale is parsed into one
 * unless the cell is formatted as plain text ("@"). This is why a phone "+79001234567" written naively
 * comes back as a number, and "1.5" in a Russian spreadsheet comes back as the 1st of May.
 */
export function storeValue(value: unknown, ctx: WriteContext): StoredCell {
  if (value === null || value === undefined) return { value: '' };
  if (typeof value === 'number') return { value: Number.isFinite(value) ? value : '#NUM!' };
  if (typeof value === 'boolean') return { value };
  if (isDate(value)) return { value: ctx.newDate(value.getTime()) };
  const text = typeof value === 'string' ? value : String(value);
  if (text.startsWith("'")) {
    const keep = ctx.numberFormat === '@' && ctx.apostropheInPlainText === 'kept';
    return { value: keep ? text : text.slice(1) };
  }
  if (text.length > 1 && text.startsWith('=')) return { value: FORMULA_NOT_EVALUATED, formula: text };
  if (ctx.numberFormat === '@') return { value: text };
  const parsed =
    ctx.typedInputLocale === 'spreadsheet'
      ? parseTyped(text, ctx.locale, ctx.timeZone, ctx.now())
      : parseInvariant(text, ctx.timeZone);
  if (!parsed) return { value: text };
  if (parsed.kind === 'number' || parsed.kind === 'boolean') return { value: parsed.value };
  return { value: ctx.newDate(parsed.ms), kind: parsed.kind };
}

/** Hands out a fresh copy so a caller mutating the result does not change the sheet. */
export function readValue(cell: StoredCell | undefined, newDate: (ms: number) => Date): CellValue {
  if (!cell) return '';
  return isDate(cell.value) ? newDate(cell.value.getTime()) : cell.value;
}

interface LocaleNumbers {
  decimal: string;
  group: string;
}

function localeNumbers(locale: string): LocaleNumbers {
  const rules = localeRules(locale);
  return { decimal: rules.decimal, group: rules.group[rules.group.length - 1] };
}

/** What a person sees in the cell (getDisplayValues), for the number formats this add-on uses. */
export function displayValue(
  cell: StoredCell | undefined,
  numberFormat: string | undefined,
  locale: string,
  timeZone: string,
): string {
  if (!cell || cell.value === '') return '';
  const v = cell.value;
  const nums = localeNumbers(locale);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const format = numberFormat && numberFormat !== 'General' ? numberFormat : undefined;
  if (isDate(v)) return formatSheetDate(v.getTime(), format ? sheetsDatePattern(format) : typedPattern(cell, locale), timeZone);
  if (!format || format === '@') return formatGeneral(v, nums);
  if (isDatePattern(format)) {
    // Sheets' serial numbers count days from 1899-12-30.
    const ms = Math.round((v - 25569) * 86400000);
    return formatSheetDate(ms, sheetsDatePattern(format), 'UTC');
  }
  return formatNumberPattern(v, format, nums);
}

/** A typed date shows with the locale's date format, a typed time with its time format. */
function typedPattern(cell: StoredCell, locale: string): string {
  const rules = localeRules(locale);
  if (cell.kind === 'date') return rules.datePattern;
  if (cell.kind === 'time') return rules.timePattern;
  return rules.dateTimePattern;
}

function formatGeneral(n: number, nums: LocaleNumbers): string {
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
  return text.replace('.', nums.decimal);
}

function stripQuoted(format: string): string {
  return format.replace(/"[^"]*"/g, '');
}

function isDatePattern(format: string): boolean {
  const f = stripQuoted(format);
  return !/[0#]/.test(f) && /[ymdhs]/i.test(f);
}

function formatNumberPattern(n: number, format: string, nums: LocaleNumbers): string {
  const section = format.split(';')[n < 0 && format.includes(';') ? 1 : 0] ?? format;
  const match = /[#0][#0,]*(\.[0#]+)?%?/.exec(stripQuoted(section));
  if (!match) return formatGeneral(n, nums);
  const core = match[0];
  const percent = core.endsWith('%');
  const decimals = (core.split('.')[1] ?? '').replace('%', '').length;
  const grouped = core.includes(',');
  const value = percent ? n * 100 : n;
  const negative = value < 0 && !format.includes(';');
  const fixed = Math.abs(value).toFixed(decimals);
  const [wholePart, fracPart] = fixed.split('.');
  let intPart = wholePart;
  if (grouped) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, nums.group);
  const numberText = (negative ? '-' : '') + intPart + (fracPart ? nums.decimal + fracPart : '') + (percent ? '%' : '');
  // Put the number where its pattern stood and drop the quotes around literal text.
  let out = '';
  let replaced = false;
  for (const piece of section.split(/("[^"]*")/)) {
    if (piece.startsWith('"')) out += piece.slice(1, -1);
    else if (!replaced && piece.includes(core)) {
      out += piece.replace(core, numberText);
      replaced = true;
    } else out += piece;
  }
  return out.replace(/\\(.)/g, '$1');
}

/** Converts a Sheets date format ("yyyy-mm-dd hh:mm") to Java-style tokens ("yyyy-MM-dd HH:mm"). */
function sheetsDatePattern(format: string): string {
  const tokens = format.match(/"[^"]*"|y+|m+|d+|h+|s+|am\/pm|./gi) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.toLowerCase();
    if (lower.startsWith('m') && lower !== 'am/pm') {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((x) => /^[a-z]/i.test(x));
      const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x));
      const isMinute = (prev && /^h/i.test(prev)) || (next && /^s/i.test(next));
      out.push(isMinute ? 'mm' : 'M'.repeat(lower.length));
    } else if (lower.startsWith('h'))
      out.push(format.toLowerCase().includes('am/pm') ? 'h'.repeat(lower.length) : 'H'.repeat(lower.length));
    else if (lower.startsWith('d') && lower.length >= 3) out.push('E'.repeat(lower.length));
    else if (lower === 'am/pm') out.push('a');
    else out.push(t.startsWith('"') ? `'${t.slice(1, -1)}'` : t);
  }
  return out.join('');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java SimpleDateFormat subset (the patterns Utilities.formatDate accepts), in the given zone. */
/** The same instants are formatted again and again (every read of a date column): remembered, bounded. */
const wallTimes = new Map<string, ReturnType<typeof wallTime>>();
function cachedWallTime(ms: number, timeZone: string): ReturnType<typeof wallTime> {
  const key = `${ms}|${timeZone}`;
  let w = wallTimes.get(key);
  if (!w) {
    if (wallTimes.size > 50_000) wallTimes.clear();
    wallTimes.set(key, (w = wallTime(ms, timeZone)));
  }
  return w;
}

export function formatSheetDate(ms: number, pattern: string, timeZone: string): string {
  const w = cachedWallTime(ms, timeZone);
  const pad = (n: number, len: number) => String(n).padStart(len, '0');
  let out = '';
  const tokens = pattern.match(/'[^']*'|y+|M+|d+|H+|h+|m+|s+|S+|E+|a|Z+|X+|./g) ?? [];
  for (const t of tokens) {
    const c = t[0];
    const n = t.length;
    switch (c) {
      case "'":
        out += t.length === 2 ? "'" : t.slice(1, -1);
        break;
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
      case 'X': {
        const off = Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - ms) / 60000);
        const sign = off < 0 ? '-' : '+';
        const hh = pad(Math.floor(Math.abs(off) / 60), 2);
        const mm = pad(Math.abs(off) % 60, 2);
        out += c === 'X' && off === 0 ? 'Z' : c === 'X' && n >= 3 ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
        break;
      }
      default:
        out += t;
    }
  }
  return out;
}
