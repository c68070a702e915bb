import { Cursor, FREE } from './cursor';
import { EMOJI, isWordLetter } from './text';
import { Amount } from './units';
import * as W from './words';

/**
 * What is left of a line once its items, amounts, address, phone and markers are read: the name, an item
 * the catalog does not have ("лук 2 кг"), or text nobody understood, which goes to a person.
 */
export interface Fragment {
  start: number;
  end: number;
  paren: boolean;
  /** Word spans left after fillers are removed. */
  words: { start: number; end: number }[];
}

export interface Leftover {
  fragments: Fragment[];
  unknown: { typed: string; start: number; end: number; amount: Amount }[];
  strays: Amount[];
}

const SEPARATOR = /[,;:()[\]{}|/\\，、；：（）【】「」《》。!！?？"“”«»…~～]/u;

export function readLeftover(c: Cursor, start: number, strays: Amount[]): Leftover {
  const fragments: Fragment[] = [];
  let depth = 0;
  let open: Fragment | null = null;
  const close = () => {
    if (open) fragments.push(open);
    open = null;
  };
  const inStray = (i: number) => strays.some((s) => s.start <= i && i < s.end);
  for (let i = start; i < c.text.length; i++) {
    const ch = c.text[i];
    if (/[([（【{]/.test(ch)) depth++;
    const dash = ch === '-' && (c.text[i - 1] === ' ' || c.text[i + 1] === ' ' || !isWordLetter(c.text[i - 1]));
    const dot = ch === '.' && !isWordLetter(c.text[i + 1]);
    if (c.mask[i] !== FREE || inStray(i) || SEPARATOR.test(ch) || dash || dot) close();
    else if (!open) open = { start: i, end: i + 1, paren: depth > 0, words: [] };
    else open.end = i + 1;
    if (/[)\]）】}]/.test(ch)) depth = Math.max(0, depth - 1);
  }
  close();
  for (const f of fragments) f.words = meaningfulWords(c, f);
  const unknown: Leftover['unknown'] = [];
  const left: Amount[] = [];
  for (const s of strays) {
    const item = unknownItemFor(c, s, fragments);
    if (item) unknown.push({ ...item, amount: s });
    else left.push(s);
  }
  return { fragments: fragments.filter((f) => f.words.length), unknown, strays: left };
}

/** The words of a fragment that are not fillers: "帮…的徐奶奶订" → 徐奶奶, "и мне пожалуйста" → nothing. */
function meaningfulWords(c: Cursor, f: Fragment): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of c.text.slice(f.start, f.end).matchAll(/\S+/gu)) {
    let s = f.start + m.index!;
    let e = s + m[0].length;
    const clean = (x: string) => x.replace(new RegExp(EMOJI.source, 'gu'), '').replace(/['.]+$/u, '');
    if (W.FILLER_WORDS.has(clean(c.text.slice(s, e)))) continue;
    // 帮3号楼901的徐奶奶订大米: a one-character filler is stripped only where it is glued to what was read
    // next to it, so 张和 (a name ending in 和) keeps its last character.
    const glued = (at: number) => at >= 0 && at < c.mask.length && c.mask[at] !== FREE;
    for (let changed = true; changed && s < e;) {
      changed = false;
      for (const filler of W.CN_FILLERS) {
        const loose = filler.length > 1;
        if (e - s > filler.length && c.text.startsWith(filler, s) && (loose || glued(s - 1))) {
          s += filler.length;
          changed = true;
        }
        if (e - s > filler.length && c.text.slice(s, e).endsWith(filler) && (loose || glued(e))) {
          e -= filler.length;
          changed = true;
        }
      }
    }
    const word = clean(c.text.slice(s, e));
    if (!word || !/[\p{L}\p{N}]/u.test(word) || W.FILLER_WORDS.has(word) || W.CN_FILLERS.includes(word)) continue;
    out.push({ start: s, end: e });
  }
  return out;
}

/** "лук 2 кг", "香蕉2", "2 кг бананов": the word next to an amount that no item took is an item we do not sell. */
function unknownItemFor(c: Cursor, s: Amount, fragments: Fragment[]): { typed: string; start: number; end: number } | null {
  const gap = (from: number, to: number) => /^[\s×x*х:=-]*$/u.test(c.text.slice(from, to));
  for (const f of fragments) {
    const last = f.words[f.words.length - 1];
    if (last && last.end <= s.start && gap(last.end, s.start)) {
      f.words.pop();
      f.end = f.words.length ? f.words[f.words.length - 1].end : f.start;
      return { typed: c.slice(last.start, last.end), start: last.start, end: last.end };
    }
  }
  for (const f of fragments) {
    const first = f.words[0];
    if (first && s.unit && first.start >= s.end && gap(s.end, first.start)) {
      f.words.shift();
      f.start = f.words.length ? f.words[0].start : f.end;
      return { typed: c.slice(first.start, first.end), start: first.start, end: first.end };
    }
  }
  return null;
}
