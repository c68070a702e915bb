/**
 * Money is always an integer count of the currency's minor unit (kopecks, fen, cents). Shares are split
 * with the largest-remainder method, so they add up exactly to the amount being split.
 */
export type Minor = number;

export interface CurrencyInfo {
  code: string;
  /** Digits after the decimal point (ISO 4217 minor unit). */
  exponent: number;
  symbol: string;
}

export const CURRENCIES: Record<string, CurrencyInfo> = {
  RUB: { code: 'RUB', exponent: 2, symbol: '₽' },
  CNY: { code: 'CNY', exponent: 2, symbol: '¥' },
  USD: { code: 'USD', exponent: 2, symbol: '$' },
  EUR: { code: 'EUR', exponent: 2, symbol: '€' },
  UAH: { code: 'UAH', exponent: 2, symbol: '₴' },
  KZT: { code: 'KZT', exponent: 2, symbol: '₸' },
  JPY: { code: 'JPY', exponent: 0, symbol: '¥' },
};

export function currency(code: string): CurrencyInfo | undefined {
  return CURRENCIES[String(code).trim().toUpperCase()];
}

export type RoundingRule = 'halfUp' | 'halfEven' | 'up';

/**
 * numerator / denominator rounded by the rule, for non-negative integers. Plain numbers while the
 * numerator is a safe integer (the usual case, and much faster), BigInt beyond.
 */
export function roundDiv(numerator: number, denominator: number, rule: RoundingRule): number {
  if (!Number.isSafeInteger(numerator)) return Number(roundRatio(BigInt(Math.round(numerator)), BigInt(denominator), rule));
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  if (r === 0) return q;
  if (rule === 'up') return q + 1;
  if (r * 2 > denominator) return q + 1;
  if (r * 2 < denominator) return q;
  return rule === 'halfUp' || q % 2 === 1 ? q + 1 : q;
}

/** Rounds a non-negative rational numerator/denominator to an integer by the round's rule. */
export function roundRatio(numerator: bigint, denominator: bigint, rule: RoundingRule): bigint {
  const q = numerator / denominator;
  const r = numerator % denominator;
  if (r === 0n) return q;
  if (rule === 'up') return q + 1n;
  const twice = r * 2n;
  if (twice > denominator) return q + 1n;
  if (twice < denominator) return q;
  return rule === 'halfUp' || q % 2n === 1n ? q + 1n : q;
}

/**
 * Parses a decimal amount typed by a person ("1 234,50", "99.9", 12) into minor units, exactly:
 * no binary floating point is involved. Returns undefined for anything that is not a clean amount.
 */
export function parseAmount(input: unknown, exponent: number): Minor | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    input = input.toFixed(Math.min(exponent + 6, 20));
  }
  const text = String(input ?? '')
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return undefined;
  const minor = Number(m[2]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || 0);
  if (!Number.isSafeInteger(minor)) return undefined;
  return m[1] ? -minor : minor;
}

/** The minor units as a plain decimal string ("1234.50"), for sheets and CSV. */
export function toDecimalString(amount: Minor, exponent: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (exponent === 0) return `${sign}${abs}`;
  const div = 10 ** exponent;
  return `${sign}${Math.floor(abs / div)}.${String(abs % div).padStart(exponent, '0')}`;
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder / Hamilton method).
 * Parts sum exactly to `total`. Ties in the remainder go to the earlier index, so callers pass weights
 * in a stable order (e.g. by participant id) to get the same answer whatever the input order was.
 * All weights zero: the total is split equally.
 */
export function splitByWeights(total: Minor, weights: readonly number[]): Minor[] {
  if (weights.length === 0) return [];
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`cannot split ${total}`);
  const w = weights.map((x) => Math.max(0, Math.round(x)));
  const weightSum = w.reduce((a, b) => a + b, 0);
  const effective = weightSum === 0 ? w.map(() => 1) : w;
  const sum = weightSum === 0 ? w.length : weightSum;
  if (!Number.isSafeInteger(total * sum)) return splitByWeightsBig(total, effective, sum);
  const parts = effective.map((x) => Math.floor((total * x) / sum));
  const order = effective.map((x, i) => ({ i, r: (total * x) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0);
  order.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k].i] += 1;
  return parts;
}

function splitByWeightsBig(total: Minor, weights: number[], sum: number): Minor[] {
  const t = BigInt(total);
  const s = BigInt(sum);
  const w = weights.map(BigInt);
  const parts = w.map((x) => (t * x) / s);
  const order = w.map((x, i) => ({ i, r: (t * x) % s }));
  let left = Number(t - parts.reduce((a, b) => a + b, 0n));
  order.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) parts[order[k].i] += 1n;
  return parts.map(Number);
}

/**
 * Why a typed amount was refused, as a message key (rendered at the edge with {value} and {currency}).
 * empty: nothing typed; notAnAmount: not a number at all; grouping: digit groups that are not thousands
 * ("12 34"); tooManyDecimals: more decimals than the currency has ("12,345" read as a decimal in roubles
 * cannot happen, but "1,5" yen or "1.2345" roubles can); ambiguous: a lone mark before exactly three
 * digits in a currency that itself has three decimals; otherCurrency: the text names another currency
 * than the round's; tooLarge: beyond what a number can hold exactly.
 */
export type AmountProblemKey =
  | 'amount.empty'
  | 'amount.notAnAmount'
  | 'amount.grouping'
  | 'amount.tooManyDecimals'
  | 'amount.ambiguous'
  | 'amount.otherCurrency'
  | 'amount.tooLarge';

export type ReadAmount =
  | { ok: true; minor: Minor }
  | { ok: false; key: AmountProblemKey; value: string; /** the currency the text named */ named?: string };

/**
 * Signs and words people put before or after an amount, longest first so "руб." wins over "р".
 * ¥ serves both yuan and yen; it counts as the round's own currency when the round is in either.
 */
const CURRENCY_MARKERS: [string, string[]][] = [
  ['RUB', ['рублей', 'рубля', 'рубль', 'руб.', 'руб', 'р.', 'р', '₽', 'rub', 'rur']],
  ['CNY', ['人民币', 'rmb', 'cny', '元', '块']],
  ['USD', ['us$', 'usd', '$']],
  ['EUR', ['eur', '€']],
  ['UAH', ['грн.', 'грн', 'uah', '₴']],
  ['KZT', ['тенге', 'тг.', 'тг', 'kzt', '₸']],
  ['JPY', ['jpy', '円']],
  ['¥', ['¥', '￥']],
];
const MARKERS = CURRENCY_MARKERS.flatMap(([code, words]) => words.map((w) => ({ code, w }))).sort(
  (a, b) => b.w.length - a.w.length,
);

/** Spaces people and spreadsheets put between thousands: space, NBSP, narrow NBSP, thin space. */
const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const MINUS = /^[-\u2212\u2012\u2013]/;

/** Full-width digits and marks from a Chinese keyboard ("１２３，５０") read as their ASCII forms. */
function halfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0c\uff0e\uff0d\uff04]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const LETTER = /[a-zа-яё]/i;

/** Peels currency markers and signs off both ends; returns the bare number and what it found. */
function peel(text: string): { body: string; negative: boolean; named: string[] } {
  let s = text.trim();
  let negative = false;
  const named: string[] = [];
  const take = (rest: string, code?: string) => {
    s = rest.trim();
    if (code) named.push(code);
    return true;
  };
  while (s) {
    const lower = s.toLowerCase();
    // A word marker ("р", "руб") only counts when it is not part of a longer word.
    const front = MARKERS.find(({ w }) => lower.startsWith(w) && !LETTER.test(lower.charAt(w.length)));
    const back = MARKERS.find(({ w }) => lower.endsWith(w) && !LETTER.test(lower.charAt(lower.length - w.length - 1)));
    if (front) take(s.slice(front.w.length), front.code);
    else if (back) take(s.slice(0, s.length - back.w.length), back.code);
    else if (MINUS.test(s) || /[-\u2212]$/.test(s)) {
      negative = !negative;
      take(MINUS.test(s) ? s.slice(1) : s.slice(0, -1));
    } else if (s.startsWith('+')) take(s.slice(1));
    else break;
  }
  return { body: s, negative, named };
}

/** Splits "1 234,50" into whole-part groups and a fraction, deciding which mark is the decimal one. */
function splitNumber(body: string, exponent: number): { whole: string; fraction: string } | { problem: AmountProblemKey } {
  const marks = body.replace(/\d/g, '');
  if (!/^\d/.test(body.replace(/^[.,]/, '0')) || !/\d$/.test(body)) return { problem: 'amount.notAnAmount' };
  if (/[^\d.,' ’]/.test(marks)) return { problem: 'amount.notAnAmount' };
  const kinds = [...new Set(marks.replace(/’/g, "'"))];
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let decimal = '';
  if (kinds.includes('.') && kinds.includes(',')) decimal = lastDot > lastComma ? '.' : ',';
  else {
    const lone = kinds.find((k) => (k === '.' || k === ',') && marks.split(k).length === 2);
    if (lone) {
      const after = body.length - body.lastIndexOf(lone) - 1;
      const others = kinds.filter((k) => k !== lone);
      // A lone mark is the decimal one unless exactly three digits follow it, nothing else groups the
      // number and the currency has fewer than three decimals: then it groups thousands ("1,234" = 1234).
      if (after !== 3 || others.length > 0 || body.indexOf(lone) === 0 || /^0/.test(body)) decimal = lone;
      else if (exponent >= 3) return { problem: 'amount.ambiguous' };
    }
  }
  const at = decimal ? body.lastIndexOf(decimal) : -1;
  const wholeText = at < 0 ? body : body.slice(0, at);
  const fraction = at < 0 ? '' : body.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return { problem: 'amount.grouping' };
  const groupMarks = [...new Set(wholeText.replace(/\d/g, '').replace(/’/g, "'"))];
  if (groupMarks.length > 1 || groupMarks.includes(decimal)) return { problem: 'amount.grouping' };
  if (groupMarks.length === 1) {
    const groups = wholeText.split(groupMarks[0] === "'" ? /['’]/ : groupMarks[0]);
    if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return { problem: 'amount.grouping' };
  }
  return { whole: wholeText.replace(/\D/g, '') || '0', fraction };
}

/**
 * Reads an amount the way people type it and the way the add-on shows it, in any of its languages:
 * "2,862.17", "662,57 ₽", "1 234,50 ₽" (NBSP or narrow NBSP), "¥1,234.50", "-$0.05", "$1,234.50",
 * "100 руб.", "RMB 88", "88元", "1'234.50", "１２３，５" — into exact minor units of `currencyCode`.
 *
 * The rules, so a volunteer's "1,234" never becomes 1.23:
 * - Currency signs, codes and words (₽ р. руб. RUB ¥ ￥ 元 CNY RMB $ USD € грн ₸ …) may stand before or
 *   after the number; one naming another currency than the round's is refused (amount.otherCurrency).
 * - A minus (-, −, –) may stand before or after the sign or the number; "+" is ignored.
 * - Thousands may be grouped by spaces (any width), dots, commas or apostrophes — one kind per number,
 *   groups of exactly three digits after the first.
 * - With both "." and "," the rightmost is the decimal mark. A single "." or "," is the decimal mark
 *   unless exactly three digits follow it: then, in a currency with fewer than three decimals (every
 *   currency we know), it groups thousands ("1,234" and "1.234" are 1234, in roubles and in yen alike),
 *   because the add-on never shows three decimals for them; in a three-decimal currency that reading
 *   is a coin toss and is refused (amount.ambiguous).
 * - More decimals than the currency has are refused unless they are zeros ("10,500" is not; "10.50" in
 *   yen is refused, "10.00" in yen is 10).
 * Numbers (from a sheet cell) are read exactly as their shortest decimal form.
 */
export function readAmount(input: unknown, currencyCode: string): ReadAmount {
  const info = currency(currencyCode) ?? { code: String(currencyCode), exponent: 2, symbol: '' };
  const value = typeof input === 'number' ? String(input) : String(input ?? '');
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, key: 'amount.notAnAmount', value };
    const minor = parseAmount(input, info.exponent);
    return minor === undefined ? { ok: false, key: 'amount.tooManyDecimals', value } : { ok: true, minor };
  }
  const text = halfWidth(value).replace(SPACES, ' ').trim();
  if (!text) return { ok: false, key: 'amount.empty', value };
  const { body, negative, named } = peel(text);
  const own = (code: string) => code === info.code || (code === '¥' && (info.code === 'CNY' || info.code === 'JPY'));
  const other = named.find((c) => !own(c));
  if (other) return { ok: false, key: 'amount.otherCurrency', value, named: other === '¥' ? 'CNY' : other };
  const split = splitNumber(body.replace(/ /g, body.includes(' ') ? "'" : ''), info.exponent);
  if ('problem' in split) return { ok: false, key: split.problem, value };
  const fraction = split.fraction.replace(/0+$/, '');
  if (fraction.length > info.exponent) return { ok: false, key: 'amount.tooManyDecimals', value };
  const minor = Number(split.whole) * 10 ** info.exponent + Number(fraction.padEnd(info.exponent, '0') || 0);
  if (!Number.isSafeInteger(minor) || split.whole.length > 15) return { ok: false, key: 'amount.tooLarge', value };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}
