/**
 * Text folding for chat reading. Every fold keeps one UTF-16 unit per input unit, so an offset in the
 * folded line is the same offset in what the resident typed: the review screen can highlight the exact
 * characters an item or a flat was read from.
 */

/** A range of the pasted text, [start, end) in UTF-16 units from the start of the paste. */
export interface Span {
  start: number;
  end: number;
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/;

/**
 * Folds one character for matching: full-width forms to ASCII (Chinese keyboards type ２ and ：), every
 * dash to "-", every space to " ", lower case, ё → е and й → и (Russians type them interchangeably), the
 * Latin letters that look Cyrillic inside a Cyrillic word are handled by `foldLookalikes`.
 */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
  else if (SPACES.test(ch)) return ' ';
  else if (DASHES.test(ch)) return '-';
  if (ch === '·' || ch === '•') return ' ';
  const lower = ch.toLowerCase();
  if (lower.length !== 1) return ch;
  if (lower === 'ё') return 'е';
  if (lower === 'й') return 'и';
  return lower;
}

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};
const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[a-z]/;

/** In a word that is mostly Cyrillic, a Latin look-alike ("гречкa" with a Latin a) becomes Cyrillic. */
function foldLookalikes(folded: string): string {
  return folded.replace(/[\p{L}\p{M}]+/gu, (word) => {
    let cyr = 0;
    let lat = 0;
    for (const ch of word) {
      if (CYRILLIC.test(ch)) cyr++;
      else if (LATIN.test(ch)) lat++;
    }
    if (!cyr || !lat || cyr < lat) return word;
    return word.replace(/[a-z]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
  });
}

/** The line folded for matching; same length as the input. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return foldLookalikes(out);
}

export const isCjk = (ch: string | undefined): boolean => !!ch && /[\u3400-\u9FFF\uF900-\uFAFF]/.test(ch);
export const isLetter = (ch: string | undefined): boolean => !!ch && /\p{L}/u.test(ch);
export const isDigit = (ch: string | undefined): boolean => !!ch && ch >= '0' && ch <= '9';
/** A letter of an alphabet with spaces between words (Latin, Cyrillic…), not a Chinese character. */
export const isWordLetter = (ch: string | undefined): boolean => isLetter(ch) && !isCjk(ch);

/**
 * A key for comparing people's names and flats however they were typed: folded, and only letters and
 * digits kept ("王 阿姨", "ＡＮＮＡ", "Anna " and "anna" give the same key). Latin look-alikes inside
 * Cyrillic words fold too, so "Ивaнова" with a Latin a is still Иванова.
 */
export function identityKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Emoji and pictographs, which carry no order but often decorate one. */
export const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F|\u200D|\u20E3/u;

/** The text with emoji removed and spaces collapsed, for names and notes. */
export function tidy(text: string): string {
  return text.replace(new RegExp(EMOJI.source, 'gu'), '').replace(/\s+/g, ' ').trim();
}
