import { LocalizedText } from '../catalog';
import { CN_NUMERAL_CHARS } from './numerals';
import { fold, isCjk, isDigit, isWordLetter } from './text';

/**
 * A catalog item as the chat reader needs it: its names in every language, the short words residents
 * use for it (the catalog's aliases column: "греча", "米", "tp"), its unit and its step.
 */
export interface ChatItem {
  id: string;
  name: LocalizedText;
  /** The unit cell as the coordinator typed it: "кг", "бут.", "袋". */
  unit: string;
  /** Thousandths of a unit per step: 1000 for pieces, 500 for half-kilos. */
  stepMilli: number;
  aliases: readonly string[];
}

interface Entry {
  itemId: string;
  tokens: string[];
  cjk: string | null;
  /** A whole name or alias (2), or one word of a longer name ("масло" of "Масло подсолнечное") (1). */
  strength: 1 | 2;
}

export interface Lexicon {
  items: ReadonlyMap<string, ChatItem>;
  /** Chinese names and aliases, found by position in the line. */
  cjk: Entry[];
  /** Names in words, by their first letter (a typo is never forgiven in the first letter). */
  byFirst: ReadonlyMap<string, Entry[]>;
}

/** Adjectives of a longer name that alone say nothing about which item is meant. */
const WEAK_WORDS = new Set([
  'long',
  'grain',
  'black',
  'white',
  'green',
  'red',
  'fresh',
  'big',
  'small',
  'whole',
  'chilled',
  'premium',
  'extra',
  'черныи',
  'белыи',
  'зеленыи',
  'свежии',
  'охлажденныи',
  'охлажденная',
  'длиннозерныи',
  'высшии',
  'сорт',
  'туалетная',
]);

const TOKEN = /[\p{L}\p{M}]+(?:'[\p{L}]+)?|\d[\d.,]*%?/gu;

function tokens(folded: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    if (isCjk(m[0][0])) continue;
    out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

export function buildLexicon(items: readonly ChatItem[]): Lexicon {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const add = (itemId: string, text: string, strength: 1 | 2) => {
    const folded = fold(text).trim();
    if (!folded) return;
    const key = `${itemId}\u0000${folded}\u0000${strength}`;
    if (seen.has(key)) return;
    seen.add(key);
    if ([...folded].some(isCjk)) entries.push({ itemId, tokens: [], cjk: folded.replace(/\s+/g, ''), strength });
    else {
      const words = tokens(folded).map((t) => t.text);
      if (words.length) entries.push({ itemId, tokens: words, cjk: null, strength });
    }
  };
  for (const item of items) {
    // A name or alias with no letter ("5", "-") would turn every such number into this item.
    const names = [item.name.default, item.name.ru, item.name['zh-CN'], item.name.en, ...(item.aliases ?? [])].filter(
      (n): n is string => !!n && /\p{L}/u.test(String(n)),
    );
    for (const n of names) add(item.id, String(n), 2);
    for (const n of names) {
      const words = tokens(fold(String(n)));
      if (words.length < 2) continue;
      for (const w of words) if (/^\p{L}{3,}$/u.test(w.text) && !WEAK_WORDS.has(w.text)) add(item.id, w.text, 1);
    }
  }
  const byFirst = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.cjk) continue;
    const first = e.tokens[0][0];
    byFirst.set(first, [...(byFirst.get(first) ?? []), e]);
  }
  return { items: new Map(items.map((i) => [i.id, i])), cjk: entries.filter((e) => e.cjk), byFirst };
}

const RU_ENDINGS = [
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ов',
  'ев',
  'еи',
  'ои',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ую',
  'юю',
  'ая',
  'яя',
  'ые',
  'ие',
  'ыи',
  'ии',
  'а',
  'я',
  'у',
  'ю',
  'ы',
  'и',
  'е',
  'о',
  'ь',
];

/** The word without its grammatical ending: "гречки" → "гречк", "риса" → "рис", "eggs" → "egg". */
export function stem(word: string): string {
  if (/[\u0400-\u04FF]/.test(word)) {
    for (const e of RU_ENDINGS) if (word.endsWith(e) && word.length - e.length >= 2) return word.slice(0, -e.length);
    return word;
  }
  if (word.length >= 5 && /(?:s|x|ch|sh|o)es$/.test(word)) return word.slice(0, -2);
  if (word.length >= 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
export function typoDistance(a: string, b: string): number {
  // Three rolling rows: the transposition looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** How many typos a catalog word forgives: none in short words, where a typo is another word. */
function typosAllowed(typed: string, entry: string): number {
  if (entry.length >= 6 && typed.length >= 6) return 2;
  if (entry.length >= 5 && typed.length >= 4) return 1;
  // "eggz": in a four-letter word only the last letter may be wrong.
  if (entry.length === 4 && typed.length === 4 && typed.slice(0, 3) === entry.slice(0, 3)) return 1;
  return 0;
}

const within = (a: string, b: string, max: number) => (Math.abs(a.length - b.length) > max ? max + 1 : typoDistance(a, b));

/**
 * How far a typed word is from a catalog word: 0 when it is the same word in any grammatical form,
 * 1 or 2 for a typo, null when it is another word. Typos are forgiven only in longer words and never in the
 * first letter (people mistype the middle of "гречка", not its start), so "rice" never reads "ride".
 */
export function wordDistance(typed: string, entry: string, allowTypos: boolean): number | null {
  if (typed === entry) return 0;
  if (/^\d/.test(entry) || /^\d/.test(typed)) return null;
  const typedStem = stem(typed);
  const entryStem = stem(entry);
  if (typed.length >= 3 && typedStem === entryStem) return 0;
  if (!allowTypos || typed[0] !== entry[0]) return null;
  const max = typosAllowed(typed, entry);
  if (!max) return null;
  const d = Math.min(within(typed, entry, max), within(typedStem, entryStem, max));
  return d <= max ? d : null;
}

export interface ItemMatch {
  start: number;
  end: number;
  /** One item, or several when the words fit several equally well ("масло"). */
  itemIds: string[];
  /** 0 for the catalog's word in any form; 1–2 for a typo. */
  distance: number;
  /** Read from a single Chinese character inside a longer word ("茶叶" → 茶): a person should look. */
  guessed: boolean;
  /** Only a word of a longer name matched ("бумага" of "Бумага туалетная"). */
  partial: boolean;
  /** Typed with a capital, in a line not written in capitals: it may be part of a name ("Tom Rice"). */
  capitalized: boolean;
  /** The match is the catalog's word exactly, not an inflected form or a typo. */
  exact: boolean;
}

/** Where a quantity or classifier sits next to a Chinese word, a single-character alias is an item. */
const CN_LEFT_OK = new Set([...`${CN_NUMERAL_CHARS}半袋包瓶盒箱桶罐提板个只颗枚根斤条份块要买订来加再各和与跟的帮给还`]);
const CN_RIGHT_OK = new Set([...`${CN_NUMERAL_CHARS}半改不取加各要来减换和与跟`]);

function cjkContext(text: string, start: number, end: number): { left: boolean; right: boolean } {
  const l = text[start - 1];
  const r = text[end];
  return { left: !isCjk(l) || CN_LEFT_OK.has(l), right: !isCjk(r) || CN_RIGHT_OK.has(r) };
}

const quantityAt = (text: string, at: number) => isDigit(text[at]) || (!!text[at] && `${CN_NUMERAL_CHARS}半`.includes(text[at]));

function cjkCandidates(text: string, free: (from: number, to: number) => boolean, lex: Lexicon): ItemMatch[] {
  const out: ItemMatch[] = [];
  for (const e of lex.cjk) {
    const needle = e.cjk!;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      let start = at;
      let end = at + needle.length;
      if (!free(start, end)) continue;
      const ctx = cjkContext(text, start, end);
      let guessed = false;
      if (needle.length === 1 && !(ctx.left && ctx.right)) {
        // 茶叶2盒 (tea leaves, 2 boxes), 酸奶2: a one-character alias inside a longer word counts only
        // when an amount is right next to that word, and even then a person confirms it.
        if (!ctx.left && ctx.right && quantityAt(text, end) && free(start - 1, start)) start -= 1;
        else if (ctx.left && !ctx.right && quantityAt(text, end + 1) && free(end, end + 1)) end += 1;
        else continue;
        guessed = true;
      } else if (!ctx.left && !ctx.right) continue;
      out.push({
        start,
        end,
        itemIds: [e.itemId],
        distance: 0,
        guessed,
        partial: e.strength === 1,
        capitalized: false,
        exact: !guessed,
      });
    }
  }
  return out;
}

function wordCandidates(text: string, raw: string, free: (from: number, to: number) => boolean, lex: Lexicon): ItemMatch[] {
  const words = tokens(text);
  const out: ItemMatch[] = [];
  const shouting = !/\p{Ll}/u.test(raw.replace(/[^\p{L}]/gu, '').replace(/[\u3400-\u9FFF]/g, ''));
  for (let i = 0; i < words.length; i++) {
    for (const e of lex.byFirst.get(words[i].text[0]) ?? []) {
      if (i + e.tokens.length > words.length) continue;
      let distance = 0;
      let exact = true;
      let ok = true;
      for (let k = 0; k < e.tokens.length && ok; k++) {
        const w = words[i + k];
        if (k > 0 && !/^[\s-]*$/.test(text.slice(words[i + k - 1].end, w.start))) ok = false;
        const d = ok ? wordDistance(w.text, e.tokens[k], e.strength === 2) : null;
        if (d === null) ok = false;
        else {
          distance += d;
          if (w.text !== e.tokens[k]) exact = false;
        }
      }
      const start = words[i].start;
      const end = words[i + e.tokens.length - 1]?.end ?? start;
      if (!ok || !free(start, end) || isWordLetter(text[start - 1]) || isWordLetter(text[end])) continue;
      const first = raw[start];
      const capitalized = !shouting && first !== first.toLowerCase();
      out.push({ start, end, itemIds: [e.itemId], distance, guessed: false, partial: e.strength === 1, capitalized, exact });
    }
  }
  return out;
}

const rank = (m: ItemMatch) => [-(m.end - m.start), m.partial ? 1 : 0, m.distance, m.guessed ? 1 : 0];

function better(a: ItemMatch, b: ItemMatch): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return 0;
}

/**
 * Finds the catalog's items in a folded line, longest match first ("酸奶" before "奶", "鸡胸肉" before
 * "肉"). Words that fit several items equally well come back as one match with all of them; two
 * neighbouring words narrow each other down ("сливочное масло" is only the butter).
 */
export function findItems(text: string, raw: string, free: (from: number, to: number) => boolean, lex: Lexicon): ItemMatch[] {
  const candidates = [...cjkCandidates(text, free, lex), ...wordCandidates(text, raw, free, lex)].sort(better);
  const chosen: ItemMatch[] = [];
  for (const c of candidates) {
    const same = chosen.find((m) => m.start === c.start && m.end === c.end);
    if (same) {
      if (better(same, c) === 0 && !same.itemIds.includes(c.itemIds[0])) same.itemIds.push(c.itemIds[0]);
      continue;
    }
    if (chosen.some((m) => m.start < c.end && c.start < m.end)) continue;
    chosen.push({ ...c, itemIds: [...c.itemIds] });
  }
  chosen.sort((a, b) => a.start - b.start);
  return narrow(text, chosen);
}

function narrow(text: string, matches: ItemMatch[]): ItemMatch[] {
  const out: ItemMatch[] = [];
  for (const m of matches) {
    const prev = out[out.length - 1];
    const vague = (x: ItemMatch) => x.partial || x.itemIds.length > 1;
    if (prev && /^[\s-]*$/.test(text.slice(prev.end, m.start)) && (vague(prev) || vague(m))) {
      const both = prev.itemIds.filter((id) => m.itemIds.includes(id));
      if (both.length) {
        out[out.length - 1] = {
          ...prev,
          end: m.end,
          itemIds: both,
          partial: prev.partial && m.partial,
          distance: prev.distance + m.distance,
          exact: prev.exact && m.exact,
        };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}
