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
