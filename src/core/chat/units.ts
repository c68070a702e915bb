import { CN_NUMERAL_CHARS, MILLI, NUMBER_WORDS, VAGUE_WORDS, chineseNumeral, decimalMilli } from './numerals';
import { isCjk, isDigit, isWordLetter } from './text';

/**
 * Units as people type them after a number. Weights and volumes convert exactly (2斤 is 1 kg, 500 г is
 * 0.5 kg); every other unit is a kind of package, and a package of one kind is never taken for another:
 * a 桶 (can) of oil is not a 瓶 (bottle), ten 个 (pieces) of eggs are not ten 盒 (boxes).
 */
export type UnitFamily =
  'mass' | 'volume' | 'piece' | 'dozen' | 'pack' | 'box' | 'bag' | 'bottle' | 'can' | 'case' | 'barrel' | 'tray' | 'bundle';

export interface Unit {
  family: UnitFamily;
  /** Size in thousandths of the family's base (grams, millilitres) for mass and volume; 1000 otherwise. */
  milli: number;
}

const TABLE: [UnitFamily, number, string[]][] = [
  [
    'mass',
    1_000_000,
    [
      'кг',
      'килограмм',
      'килограмма',
      'килограммов',
      'кило',
      'kg',
      'kgs',
      'kilo',
      'kilos',
      'kilogram',
      'kilograms',
      '公斤',
      '千克',
    ],
  ],
  ['mass', 1000, ['г', 'гр', 'грамм', 'грамма', 'граммов', 'g', 'gr', 'gram', 'grams', '克']],
  ['mass', 500_000, ['斤']],
  ['volume', 1_000_000, ['л', 'литр', 'литра', 'литров', 'l', 'liter', 'liters', 'litre', 'litres', 'ltr', '升']],
  ['volume', 1000, ['мл', 'ml', '毫升']],
  ['piece', MILLI, ['шт', 'штук', 'штука', 'штуки', 'штучки', 'pcs', 'pc', 'piece', 'pieces', '个', '只', '颗', '枚', '根']],
  ['dozen', MILLI, ['дес', 'десяток', 'десятка', 'десятков', 'dozen', 'dozens', 'dz', '打']],
  [
    'pack',
    MILLI,
    [
      'уп',
      'упак',
      'упаковка',
      'упаковки',
      'упаковок',
      'упаковку',
      'пачка',
      'пачки',
      'пачек',
      'пачку',
      'pack',
      'packs',
      'packet',
      'packets',
      'package',
      'packages',
      'pkg',
      '包',
    ],
  ],
  ['box', MILLI, ['коробка', 'коробки', 'коробок', 'коробку', 'box', 'boxes', '盒']],
  ['bag', MILLI, ['мешок', 'мешка', 'мешков', 'пакет', 'пакета', 'пакетов', 'bag', 'bags', 'sack', 'sacks', '袋']],
  ['bottle', MILLI, ['бут', 'бутылка', 'бутылки', 'бутылок', 'бутылку', 'bottle', 'bottles', '瓶']],
  ['can', MILLI, ['банка', 'банки', 'банок', 'банку', 'can', 'cans', 'jar', 'jars', 'tin', 'tins', '罐']],
  ['case', MILLI, ['ящик', 'ящика', 'ящиков', 'case', 'cases', 'carton', 'cartons', '箱']],
  ['barrel', MILLI, ['канистра', 'канистры', 'канистру', '桶']],
  ['tray', MILLI, ['лоток', 'лотка', 'лотков', 'tray', 'trays', '板']],
  ['bundle', MILLI, ['提']],
];

const BY_WORD = new Map<string, Unit>();
for (const [family, milli, words] of TABLE) for (const w of words) BY_WORD.set(w, { family, milli });

/** Word units longest first, so "кг" is not read as "к" + "г". */
const WORD_UNITS = [...BY_WORD.keys()].filter((w) => !isCjk(w[0])).sort((a, b) => b.length - a.length);
/** Chinese units longest first, so "公斤" is one unit and "毫升" is not read as "升". */
const CJK_UNITS = [...BY_WORD.keys()].filter((w) => isCjk(w[0])).sort((a, b) => b.length - a.length);

function cjkUnit(text: string, at: number): { unit: Unit; text: string; end: number } | null {
  const word = CJK_UNITS.find((w) => text.startsWith(w, at));
  return word ? { unit: BY_WORD.get(word)!, text: word, end: at + word.length } : null;
}

/** The catalog's unit cell ("кг", "бут.", "уп. (10 шт)", "袋") read as a unit, or null for a word we do not know. */
export function catalogUnit(cell: string): Unit | null {
  const first = cell
    .toLowerCase()
    .replace(/\(.*\)/, '')
    .trim()
    .split(/[\s.]+/)[0];
  return BY_WORD.get(first) ?? null;
}

/** "уп.", "pack", "包" and "box", "коробка", "盒" are both just a package: one is not taken for another size. */
const PACKAGES = new Set<UnitFamily>(['pack', 'box']);

export type UnitFit = { ok: true; milliInItemUnits: number; converted: boolean } | { ok: false };

/**
 * How an amount typed in `typed` units counts in the item's units. A unit the catalog does not know fits
 * only itself, as typed.
 */
export function fitUnit(milli: number, typed: Unit, typedText: string, itemUnitCell: string): UnitFit {
  const item = catalogUnit(itemUnitCell);
  if (!item) {
    const same = itemUnitCell.toLowerCase().replace(/[.\s]/g, '') === typedText.replace(/[.\s]/g, '');
    return same ? { ok: true, milliInItemUnits: milli, converted: false } : { ok: false };
  }
  if (item.family !== typed.family && !(PACKAGES.has(item.family) && PACKAGES.has(typed.family))) return { ok: false };
  if (item.milli === typed.milli) return { ok: true, milliInItemUnits: milli, converted: false };
  // Not rounded: 1 斤 of an item sold by the 0.5 kg is exact, 1.3 斤 is not and must be flagged.
  return { ok: true, milliInItemUnits: (milli * typed.milli) / item.milli, converted: true };
}

/** An amount read from a chat: where it was, how much, in which unit, and how sure the reading is. */
export interface Amount {
  start: number;
  end: number;
  /** Thousandths of `unit` (or of the item's unit when no unit was typed); null when not exact. */
  milli: number | null;
  unit: Unit | null;
  unitText: string;
  /** "2-3 уп": a range; `milli` holds the smaller end. */
  range: boolean;
  /** "пару", "несколько", "几": no exact amount. */
  vague: boolean;
  /** How it was written: a number with digits, a Chinese numeral, or a word ("две", "a"). */
  written: 'digits' | 'chinese' | 'word';
}

const WORD_END = (text: string, at: number) => !isWordLetter(text[at]) && !isDigit(text[at]);

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++;
  return at;
}

/** A unit right after `at` (spaces allowed before a word unit), or null. */
export function readUnit(text: string, at: number): { unit: Unit; text: string; end: number } | null {
  if (isCjk(text[at])) return cjkUnit(text, at);
  const from = skipSpaces(text, at);
  for (const word of WORD_UNITS) {
    if (!text.startsWith(word, from)) continue;
    let end = from + word.length;
    if (!WORD_END(text, end)) continue;
    if (text[end] === '.') end++;
    return { unit: BY_WORD.get(word)!, text: word, end };
  }
  // A Chinese unit may follow a space too: "大米 2 袋".
  return from > at && isCjk(text[from]) ? cjkUnit(text, from) : null;
}

const DIGITS = /\d+(?:[.,]\d+)?/y;
const CN_RUN = new RegExp(`[${CN_NUMERAL_CHARS}]+`, 'y');

function readDigits(text: string, at: number): { milli: number | null; end: number; range: boolean } | null {
  DIGITS.lastIndex = at;
  const m = DIGITS.exec(text);
  if (!m) return null;
  let end = at + m[0].length;
  const milli = decimalMilli(m[0]) ?? null;
  // "2-3 уп", "2 – 3": a range, not a flat or a minus.
  const range = /^\s*-\s*\d+(?:[.,]\d+)?/.exec(text.slice(end));
  if (range) end += range[0].length;
  return { milli, end, range: !!range };
}

function readChinese(text: string, at: number): { milli: number; end: number } | null {
  if (text[at] === '半') return { milli: 500, end: at + 1 };
  CN_RUN.lastIndex = at;
  const m = CN_RUN.exec(text);
  if (!m) return null;
  const value = chineseNumeral(m[0]);
  return value === undefined ? null : { milli: value * MILLI, end: at + m[0].length };
}

function readWord(text: string, at: number): { milli: number | null; end: number; vague: boolean } | null {
  if (!isWordLetter(text[at]) || isWordLetter(text[at - 1])) return null;
  let end = at;
  while (isWordLetter(text[end])) end++;
  const word = text.slice(at, end);
  if (word === 'полкило' || word === 'полкилограмма') return { milli: 500, end: at + 3, vague: false };
  if (VAGUE_WORDS.includes(word)) return { milli: null, end, vague: true };
  if (word in NUMBER_WORDS) {
    // "пол-кило", "пол кило"
    if (word === 'пол' && text[end] === '-') end++;
    return { milli: NUMBER_WORDS[word], end, vague: false };
  }
  return null;
}

type NumberRead = { milli: number | null; end: number; range: boolean; vague: boolean; written: Amount['written'] };

function readNumber(text: string, at: number): NumberRead | null {
  if (isDigit(text[at])) {
    const d = readDigits(text, at);
    return d && { ...d, vague: false, written: 'digits' };
  }
  const cn = readChinese(text, at);
  if (cn) return { ...cn, range: false, vague: false, written: 'chinese' };
  const w = readWord(text, at);
  return w && { ...w, range: false, written: 'word' };
}

/** A letter glued to a number that is neither a unit nor the "2x" of "2x rice" makes it no amount ("3а", "b2"). */
const glued = (text: string, at: number) => isWordLetter(text[at]) && !/^[xх](?![\p{L}])/u.test(text.slice(at, at + 2));

/** Number words that are amounts only with a unit after them: "a bag", "half a kilo", "пол кило". */
const NEEDS_UNIT = new Set(['a', 'an', 'half', 'пол']);

/**
 * Reads an amount starting exactly at `at`: "2", "1,5 кг", "2kg", "两袋", "一斤半", "две пачки",
 * "half a kilo", "a dozen", "2-3 уп". Returns null when there is no amount there.
 */
export function readAmount(text: string, at: number): Amount | null {
  const read = readNumber(text, at);
  if (!read) return null;
  const { written, range, vague } = read;
  let { milli, end } = read;
  if (written === 'digits' && (text[end] === '%' || (glued(text, end) && !readUnit(text, end)))) return null;

  const wordText = text.slice(at, end).replace(/-$/, '');
  // "half a kilo", "half a dozen"
  let afterWord = end;
  if (wordText === 'half') {
    const a = /^ an? /.exec(text.slice(end));
    if (a) afterWord = end + a[0].length - 1;
  }
  const unit = readUnit(text, afterWord);
  if (!unit && written === 'word' && NEEDS_UNIT.has(wordText)) return null;
  if (unit) end = unit.end;
  // 一斤半, 2斤半: half a unit more.
  if (unit && text[end] === '半' && milli !== null && milli % MILLI === 0) {
    milli += 500;
    end++;
  }
  return { start: at, end, milli, unit: unit?.unit ?? null, unitText: unit?.text ?? '', range, vague, written };
}
