/**
 * Numbers as residents write them in a chat: digits (full-width ones are folded before), a decimal comma
 * or point, Chinese numerals (两袋, 十五, 一斤半) and the few number words people type instead of digits
 * (две пачки, полкило, a dozen, half a kilo). Amounts are kept in thousandths (milli) so 1,5 and 0.5
 * never drift; a number with more than three decimals is not an amount anyone means.
 */

export const MILLI = 1000;

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * A Chinese numeral up to 9999: 三 → 3, 十 → 10, 十五 → 15, 二十 → 20, 二十五 → 25, 一百零五 → 105,
 * 两百 → 200; undefined for anything else ("十十", "五三" are not numbers people write).
 */
export function chineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== null && !(digit === 0 || CN_DIGITS[ch] === 0)) return undefined;
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      const unit = CN_UNITS[ch];
      if (unit >= lastUnit) return undefined;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

/** Number words, folded (ё → е, й → и), with their value in thousandths. */
export const NUMBER_WORDS: Record<string, number> = {
  один: 1000,
  одна: 1000,
  одну: 1000,
  одно: 1000,
  два: 2000,
  две: 2000,
  три: 3000,
  четыре: 4000,
  пять: 5000,
  шесть: 6000,
  семь: 7000,
  восемь: 8000,
  девять: 9000,
  десять: 10000,
  полтора: 1500,
  полторы: 1500,
  пол: 500,
  one: 1000,
  two: 2000,
  three: 3000,
  four: 4000,
  five: 5000,
  six: 6000,
  seven: 7000,
  eight: 8000,
  nine: 9000,
  ten: 10000,
  half: 500,
  a: 1000,
  an: 1000,
};

/** Words that name no exact amount: a person has to ask. */
export const VAGUE_WORDS = ['пару', 'пара', 'несколько', 'немного', 'some', 'few', 'couple', '几', '一些', '一点'];

/** Reads "12", "1,5", "1.5", "0,25" as thousandths; undefined when there are more than 3 decimals. */
export function decimalMilli(text: string): number | undefined {
  const m = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 3) return undefined;
  const whole = Number(m[1]);
  if (!Number.isSafeInteger(whole * MILLI)) return Number.POSITIVE_INFINITY;
  return whole * MILLI + Number(fraction.padEnd(3, '0') || 0);
}
