import { AddressReading } from './address';
import { Cursor, FREE, Found, JOIN } from './cursor';
import { ItemMatch } from './items';
import { isCjk, isDigit, isWordLetter } from './text';
import { Amount, readAmount } from './units';
import * as W from './words';

/**
 * Which amount belongs to which item: "大米×2 鸡蛋1" (item first), "两袋大米 一盒鸡蛋", "2 кг гречки"
 * (amount first), "рис не 2, а 3", "milk 3 instead of 2", "大米、鸡蛋各2"; and which item words are part
 * of a name ("Tom Rice, building 2: rice 1").
 */
export interface Binding {
  match: ItemMatch;
  amount: Amount | null;
  removed: boolean;
}

export type Scanned = Amount & { used: boolean };

/** Every amount the line could hold, left to right, where nothing else was read. */
export function scanAmounts(c: Cursor, start: number): Scanned[] {
  const out: Scanned[] = [];
  const t = c.text;
  for (let i = start; i < t.length; i++) {
    if (!c.free(i, i + 1)) continue;
    const prev = t[i - 1];
    const begins =
      (isDigit(t[i]) && !isDigit(prev) && prev !== '.' && prev !== ',') ||
      (isCjk(t[i]) && /[零〇一二两三四五六七八九十半]/.test(t[i]) && !/[零〇一二两三四五六七八九十百千半]/.test(prev ?? '')) ||
      (isWordLetter(t[i]) && !isWordLetter(prev));
    if (!begins) continue;
    const a = readAmount(t, i);
    if (!a || !c.free(a.start, a.end)) continue;
    out.push({ ...a, used: false });
    i = a.end - 1;
  }
  return out;
}

function skipJoins(c: Cursor, at: number, dir: 1 | -1, limit: number): number {
  if (dir === 1) while (at < limit && (c.text[at] === ' ' || c.mask[at] === JOIN)) at++;
  else while (at > limit && (c.text[at - 1] === ' ' || c.mask[at - 1] === JOIN)) at--;
  return at;
}

export function bind(c: Cursor, start: number, matches: ItemMatch[], amounts: Scanned[], found: Found): Binding[] {
  const out: Binding[] = matches.map((match) => ({ match, amount: null, removed: false }));
  const after = (m: ItemMatch): Scanned | null => {
    let q = skipJoins(c, m.end, 1, c.text.length);
    const conn = W.CONNECTOR_AFTER.exec(c.text.slice(q));
    q = skipJoins(c, q + (conn?.[0].length ?? 0), 1, c.text.length);
    const notBut = W.NOT_BUT.exec(c.text.slice(q));
    if (notBut) {
      const old = amounts.find((a) => a.start === q + notBut[0].indexOf(notBut[1]) && !a.used);
      if (old) old.used = true;
      c.take(q, q + notBut[0].length, JOIN);
      found.edit = true;
      q += notBut[0].length;
    }
    return amounts.find((a) => a.start === q && !a.used) ?? null;
  };
  const before = (m: ItemMatch): Scanned | null => {
    let q = skipJoins(c, m.start, -1, start);
    const conn = W.CONNECTOR_BEFORE.exec(c.text.slice(start, q));
    q = skipJoins(c, q - (conn?.[0].length ?? 0), -1, start);
    return amounts.find((a) => a.end === q && !a.used && (a.unit !== null || a.written === 'digits')) ?? null;
  };
  const shared = new Set<Amount>();
  const afterEach = (m: ItemMatch): Scanned | null => {
    const a = after(m);
    // "大米、鸡蛋各2", "рис и гречка по 2 кг": one amount for each item listed before it.
    if (a && /^\s*(?:各|по)\s*$/u.test(c.text.slice(m.end, a.start))) shared.add(a);
    return a;
  };
  const first = out[0];
  const quantityFirst = !!first && !!before(first.match);
  for (const pass of quantityFirst ? [before, afterEach] : [afterEach, before])
    for (const b of out) {
      if (b.amount) continue;
      const a = pass(b.match);
      if (!a) continue;
      a.used = true;
      b.amount = a;
      // The "×", "-", "of" between them belong to the pair, not to a name.
      if (pass === afterEach) c.take(b.match.end, a.start, JOIN);
      else c.take(a.end, b.match.start, JOIN);
      if (pass === afterEach) oldAmount(c, a, amounts, found);
    }
  shareAmounts(c, out, shared);
  return out;
}

/** The items listed before "各2" / "по 2 кг", joined by "、", ",", "и", "and", "和", get the same amount. */
function shareAmounts(c: Cursor, out: Binding[], shared: Set<Amount>): void {
  for (let i = out.length - 1; i > 0; i--) {
    const a = out[i].amount;
    if (!a || !shared.has(a)) continue;
    for (let j = i - 1; j >= 0 && !out[j].amount; j--) {
      const between = c.text.slice(out[j].match.end, out[j + 1].match.start);
      if (!/^[\s、,+&]*(?:(?:и|and|和|与|跟)[\s、,]*)?$/u.test(between)) break;
      out[j].amount = a;
    }
  }
}

/**
 * "502 王阿姨 大米2" in one building's group: a bare three- or four-digit number opening the line is the
 * flat (an amount would carry a unit, or be small).
 */
export function leadingFlat(c: Cursor, start: number, amounts: Scanned[], address: AddressReading): void {
  if (address.flat) return;
  let i = start;
  while (i < c.text.length && (c.mask[i] !== FREE || c.text[i] === ' ')) i++;
  const a = amounts.find((x) => x.start === i && !x.used && x.written === 'digits' && !x.unit && !x.range);
  if (!a || !/^\d{3,4}$/.test(c.text.slice(a.start, a.end)) || isWordLetter(c.text[a.end])) return;
  a.used = true;
  c.take(a.start, a.end);
  address.flat = c.text.slice(a.start, a.end);
  address.spans.push({ start: a.start, end: a.end, role: 'flat' });
}

/** "рис 3 вместо 2", "milk 3 instead of 2": the old amount is read and set aside. */
function oldAmount(c: Cursor, a: Amount, amounts: Scanned[], found: Found): void {
  const m = W.OLD_AMOUNT.exec(c.text.slice(a.end));
  if (!m) return;
  const old = amounts.find((x) => x.start === a.end + m[0].length && !x.used);
  if (!old) return;
  old.used = true;
  c.take(a.end, old.end, JOIN);
  found.edit = true;
}

/**
 * "Tom Rice, building 2: rice 1", "Сахаров кв 9 сахар 2": an item word in the person's part of the line
 * is their name. Before a colon that has items after it, or with a capital next to another capitalised
 * word, an item word with no amount of its own is not an order.
 */
export function dropNames(c: Cursor, start: number, binding: Binding[]): ItemMatch[] {
  let colon = -1;
  for (let i = start; i < c.text.length; i++)
    if (c.text[i] === ':' && c.mask[i] === FREE) {
      colon = i;
      break;
    }
  const afterColon = colon >= 0 && binding.some((b) => b.match.start > colon);
  const words = [...c.raw.matchAll(/[\p{L}][\p{L}'-]*/gu)].filter((w) => !isCjk(w[0][0]));
  const isItem = (at: number) => binding.some((b) => b.match.start <= at && at < b.match.end);
  const capital = (w: RegExpMatchArray | undefined) => !!w && w[0][0] !== w[0][0].toLowerCase() && !isItem(w.index!);
  return binding
    .filter((b) => {
      if (b.amount) return true;
      if (afterColon && b.match.end <= colon) return false;
      if (!b.match.capitalized) return true;
      const i = words.findIndex((w) => w.index === b.match.start);
      const neighbour = capital(words[i - 1]) || capital(words[i + 1]);
      return b.match.exact && !neighbour;
    })
    .map((b) => b.match);
}

/** "鸡蛋不要了", "гречку убрать", "remove the rice", "no rice": the nearest item without an amount goes. */
export function applyRemovals(c: Cursor, start: number, kept: Binding[], found: Found): void {
  for (const b of kept) {
    const before = c.text.slice(start, b.match.start);
    const no = /(?<![\p{L}])no\s+(?:the\s+)?$/u.exec(before);
    if (!b.amount && no && c.free(start + no.index, b.match.start)) {
      c.take(start + no.index, b.match.start, JOIN);
      found.removals.push({ start: start + no.index, end: b.match.start });
      b.removed = true;
    }
  }
  for (const r of found.removals) {
    const open = kept.filter((b) => !b.amount);
    if (!open.length) continue;
    const distance = (b: Binding) => Math.min(Math.abs(b.match.start - r.end), Math.abs(r.start - b.match.end));
    const nearest = open.reduce((x, y) => (distance(y) < distance(x) ? y : x));
    nearest.removed = true;
  }
}
