import { wallTime } from '../timezone';

/**
 * How a spreadsheet's locale reads what a person types (and what a script writes with setValue(s), which
 * Sheets treats the same way): the decimal mark, the digit grouping and the order of day, month and
 * year. Sheets documents that the locale "affects formatting details such as functions, dates, and
 * currency" (support.google.com/docs/answer/58515); the exact parsing rules are not published, so this
 * models the conventions of each locale as Sheets shows them, and anything ambiguous stays text.
 */
export interface LocaleRules {
  decimal: '.' | ',';
  /** Characters accepted between groups of three digits. */
  group: string[];
  /** Order of the parts of a typed date without a year-first ISO form. */
  dateOrder: 'DMY' | 'MDY' | 'YMD';
  dateSeparators: string[];
  /** Patterns (Utilities.formatDate style) Sheets applies to a typed date, time or date-time. */
  datePattern: string;
  timePattern: string;
  dateTimePattern: string;
}

const RULES: Record<string, LocaleRules> = {
  ru: {
    decimal: ',',
    group: [' ', '\u00a0'],
    dateOrder: 'DMY',
    dateSeparators: ['.', '/'],
    datePattern: 'dd.MM.yyyy',
    timePattern: 'H:mm:ss',
    dateTimePattern: 'dd.MM.yyyy H:mm:ss',
  },
  en_GB: {
    decimal: '.',
    group: [','],
    dateOrder: 'DMY',
    dateSeparators: ['/'],
    datePattern: 'dd/MM/yyyy',
    timePattern: 'HH:mm:ss',
    dateTimePattern: 'dd/MM/yyyy HH:mm:ss',
  },
  zh: {
    decimal: '.',
    group: [','],
    dateOrder: 'YMD',
    dateSeparators: ['/', '-'],
    datePattern: 'yyyy-MM-dd',
    timePattern: 'H:mm:ss',
    dateTimePattern: 'yyyy-MM-dd H:mm:ss',
  },
  en_US: {
    decimal: '.',
    group: [','],
    dateOrder: 'MDY',
    dateSeparators: ['/'],
    datePattern: 'M/d/yyyy',
    timePattern: 'h:mm:ss a',
    dateTimePattern: 'M/d/yyyy H:mm:ss',
  },
};

export function localeRules(locale: string): LocaleRules {
  const l = locale.replace('-', '_');
  if (/^(ru|uk|kk|be)/i.test(l)) return RULES.ru;
  if (/^zh/i.test(l)) return RULES.zh;
  if (/^en_(GB|IE|AU|NZ|IN)/i.test(l)) return RULES.en_GB;
  return RULES.en_US;
}

/**
 * The instant a wall-clock time names in a zone, to the second: zones had offsets in seconds before
 * standard time (Moscow was +2:30:17 in 1899, the epoch of Sheets' times), and a typed 18:30 must show as
 * 18:30:00 again.
 */
export function instantOf(timeZone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const target = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = target;
  for (let i = 0; i < 4; i++) {
    const w = wallTime(guess, timeZone);
    const diff = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - target;
    if (diff === 0) break;
    guess -= diff;
  }
  return guess;
}

export type Parsed =
  { kind: 'number'; value: number } | { kind: 'boolean'; value: boolean } | { kind: 'date' | 'time' | 'datetime'; ms: number };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A number as this locale writes it: "1 234,50" in ru_RU, "1,234.50" in en_US; "1,5" in en_US is not one. */
export function parseLocaleNumber(text: string, rules: LocaleRules): number | null {
  const group = `[${rules.group.map(escape).join('')}]`;
  const dec = escape(rules.decimal);
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:${dec}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
  const m = re.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const whole = (m[2] ?? '0').replace(new RegExp(group, 'g'), '');
  const n = Number(`${m[1]}${whole}.${m[3] ?? '0'}${m[4] ? `e${m[4]}` : ''}`);
  if (!Number.isFinite(n)) return null;
  return m[5] ? n / 100 : n;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/;

function parseTime(text: string): [number, number, number] | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/p/i.test(m[4]) ? 12 : 0);
  }
  return h < 24 && mi < 60 && s < 60 ? [h, mi, s] : null;
}

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years: Sheets reads 00-29 as 2000s and 30-99 as 1900s.
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function parseDateParts(text: string, rules: LocaleRules, thisYear: number): [number, number, number] | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return validDay(+iso[1], +iso[2], +iso[3]) ? [+iso[1], +iso[2], +iso[3]] : null;
  for (const sep of rules.dateSeparators) {
    const parts = text.split(sep);
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d{1,4}$/.test(p))) continue;
    let y: number;
    let mo: number;
    let d: number;
    if (rules.dateOrder === 'YMD') {
      if (parts.length !== 3 || parts[0].length !== 4) continue;
      [y, mo, d] = [Number(parts[0]), Number(parts[1]), Number(parts[2])];
    } else {
      const [a, b, c] = parts;
      if (a.length > 2 || b.length > 2) continue;
      y = c === undefined ? thisYear : fullYear(c);
      [d, mo] = rules.dateOrder === 'DMY' ? [Number(a), Number(b)] : [Number(b), Number(a)];
    }
    if (validDay(y, mo, d)) return [y, mo, d];
  }
  return null;
}

/**
 * What Sheets makes of typed text in a General cell under this locale, or null when it stays text.
 * `now` gives the current year for a date typed without one ("1.5" in ru_RU is 1 May of this year).
 */
export function parseTyped(text: string, locale: string, timeZone: string, now: number): Parsed | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^(true|false)$/i.test(t)) return { kind: 'boolean', value: t.toLowerCase() === 'true' };
  const rules = localeRules(locale);
  const n = parseLocaleNumber(t, rules);
  if (n !== null) return { kind: 'number', value: n };
  const time = parseTime(t);
  // Sheets keeps a time of day as a date-time on its epoch, 30 December 1899.
  if (time) return { kind: 'time', ms: instantOf(timeZone, 1899, 12, 30, ...time) };
  const [datePart, timePart] = t.split(/[ T](?=\d{1,2}:\d{2})/);
  const date = parseDateParts(datePart, rules, wallTime(now, timeZone).year);
  if (!date) return null;
  if (timePart === undefined) return { kind: 'date', ms: instantOf(timeZone, ...date, 0, 0, 0) };
  const at = parseTime(timePart);
  return at ? { kind: 'datetime', ms: instantOf(timeZone, ...date, ...at) } : null;
}

const INVARIANT_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INVARIANT_PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The locale-free reading (Fidelity.typedInputLocale = 'invariant'): dots, booleans and ISO dates only. */
export function parseInvariant(text: string, timeZone: string): Parsed | null {
  const t = text.trim();
  if (INVARIANT_NUMBER.test(t)) return { kind: 'number', value: Number(t) };
  if (INVARIANT_PERCENT.test(t)) return { kind: 'number', value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { kind: 'boolean', value: t.toLowerCase() === 'true' };
  const iso = ISO_DATE.exec(t);
  if (!iso) return null;
  const [, y, mo, d, h, mi = '0', s = '0'] = iso;
  return { kind: h === undefined ? 'date' : 'datetime', ms: instantOf(timeZone, +y, +mo, +d, +(h ?? 0), +mi, +s) };
}
