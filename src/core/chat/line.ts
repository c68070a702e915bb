import { ABSURD_UNITS } from '../quantity';
import { AddressReading, BuildingIndex, matchBuilding, readAddress, readDashPair } from './address';
import { ItemMatch, Lexicon, findItems } from './items';
import { MILLI } from './numerals';
import { EMOJI, Span, fold, isCjk, isDigit, isWordLetter, tidy } from './text';
import {
  ChatContext,
  ChatLine,
  ChatReason,
  ChatReasonKey,
  Confidence,
  ProposedItem,
  ProposedOrder,
  ProposedPerson,
} from './types';
import { Amount, catalogUnit, fitUnit, readAmount } from './units';
import * as W from './words';

/** What carries from one line to the next: who is writing, and whether we are in a 接龙 heading. */
export interface LineState {
  sender: string;
  inHeading: boolean;
}

export interface Prepared {
  ctx: ChatContext;
  lex: Lexicon;
  index: BuildingIndex;
}

/** A line longer than this is a pasted article, not an order; it is reported, not parsed. */
export const MAX_LINE = 1000;

const FREE = 0;
const TAKEN = 1;
/** Taken by a word that may stand between an item and its amount ("改成", "加"). */
const JOIN = 2;

/** Reasons that only inform; every other reason asks a person to look. */
const INFO: ReadonlySet<ChatReasonKey> = new Set<ChatReasonKey>([
  'chat.reason.unitConverted',
  'chat.reason.nameFromSender',
  'chat.reason.repeated',
  'chat.reason.sender',
  'chat.reason.heading',
  'chat.reason.notAnOrder',
]);

export const needsLook = (r: ChatReason) => !INFO.has(r.key);

class Cursor {
  readonly text: string;
  readonly mask: Uint8Array;
  constructor(
    readonly raw: string,
    readonly offset: number,
  ) {
    this.text = fold(raw);
    this.mask = new Uint8Array(raw.length);
  }
  free = (from: number, to: number): boolean => {
    if (from < 0 || to > this.text.length || from >= to) return false;
    for (let i = from; i < to; i++) if (this.mask[i] !== FREE) return false;
    return true;
  };
  take = (from: number, to: number, tag = TAKEN): void => {
    for (let i = Math.max(0, from); i < Math.min(to, this.mask.length); i++) this.mask[i] = tag;
  };
  span = (from: number, to: number): Span => ({ start: this.offset + from, end: this.offset + to });
  slice = (from: number, to: number): string => this.raw.slice(from, to);
}

interface Base {
  lineNo: number;
  span: Span;
  text: string;
  sender: string;
  entry: number | null;
}

const line = (
  base: Base,
  kind: ChatLine['kind'],
  confidence: Confidence,
  reasons: ChatReason[] = [],
  order: ProposedOrder | null = null,
): ChatLine => ({
  ...base,
  kind,
  confidence,
  reasons,
  order,
});

/**
 * Reads one line of a paste. Never throws on any text: every branch ends in a line with a kind, a
 * confidence and the reasons for both.
 */
export function readLine(raw: string, offset: number, lineNo: number, p: Prepared, state: LineState): ChatLine {
  const c = new Cursor(raw, offset);
  const base: Base = { lineNo, span: c.span(0, raw.length), text: raw, sender: state.sender, entry: null };
  if (raw.length > MAX_LINE)
    return line(base, 'chatter', 'notUnderstood', [{ key: 'chat.reason.unreadText', value: `${raw.slice(0, 40)}…` }]);

  const header = readHeader(c, state);
  if (header === 'header')
    return line({ ...base, sender: state.sender }, 'header', 'sure', [{ key: 'chat.reason.sender', value: state.sender }]);
  base.sender = state.sender;
  const start = header;
  const body = c.text.slice(start);
  if (!/[\p{L}\p{N}]/u.test(body.replace(new RegExp(EMOJI.source, 'gu'), '')))
    return line(base, 'chatter', 'sure', [{ key: 'chat.reason.notAnOrder' }]);
  if (W.JIELONG.test(body)) {
    state.inHeading = true;
    return line(base, 'header', 'sure', [{ key: 'chat.reason.heading' }]);
  }
  const entry = W.ENTRY.exec(body);
  if (entry) {
    base.entry = Number(entry[1]);
    c.take(start, start + entry[0].length);
    state.inHeading = false;
  } else if (state.inHeading || W.EXAMPLE.test(body)) return line(base, 'header', 'sure', [{ key: 'chat.reason.heading' }]);
  if (!entry && W.PLUS_ONE.test(body)) return line(base, 'chatter', 'check', [{ key: 'chat.reason.plusOne' }]);
  return readOrderLine(c, base, start, p);
}

/** Strips a message header; returns 'header' when the whole line is one, else where the message starts. */
function readHeader(c: Cursor, state: LineState): number | 'header' {
  const tg = W.HEADERS.telegram.exec(c.raw);
  if (tg) {
    state.sender = tidy(tg[1]);
    return 'header';
  }
  const wa = W.HEADERS.whatsappIos.exec(c.raw) ?? W.HEADERS.whatsappAndroid.exec(c.raw);
  if (wa) {
    state.sender = tidy(wa[3]);
    c.take(0, wa[0].length);
    return wa[0].length;
  }
  const wc = W.HEADERS.wechat.exec(c.raw);
  if (wc && !W.NOT_A_SENDER.test(fold(wc[1])) && !W.PLUS_ONE.test(wc[1])) {
    state.sender = tidy(wc[1]);
    return 'header';
  }
  if (W.HEADERS.timeOnly.test(c.raw)) return 'header';
  return 0;
}

interface Found {
  phone: { value: string; start: number; end: number } | null;
  price: boolean;
  address: AddressReading;
  removals: { start: number; end: number }[];
  edit: boolean;
  add: boolean;
  question: boolean;
}

function readNoise(c: Cursor, start: number): Pick<Found, 'phone' | 'price'> {
  const phone = readPhone(c, start);
  let price = false;
  for (const re of [W.PRICE, W.TIME_OR_DATE]) {
    re.lastIndex = start;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      if (!c.free(m.index, m.index + m[0].length)) continue;
      c.take(m.index, m.index + m[0].length);
      if (re === W.PRICE) price = true;
    }
  }
  return { phone, price };
}

/**
 * A phone number: +7 916 123-45-67, 8 916 765-43-21, 13812345678, +44 7700 900123. A run of digits that is
 * no phone ("502 13812345678": a flat, then a phone) is tried again from its next group.
 */
function readPhone(c: Cursor, from: number): Found['phone'] {
  const RUN = /\+?\d(?:[\s\-().]{0,2}\d)*/y;
  for (let i = from; i < c.text.length; i++) {
    if (!(isDigit(c.text[i]) || c.text[i] === '+') || isDigit(c.text[i - 1])) continue;
    RUN.lastIndex = i;
    const m = RUN.exec(c.text);
    if (!m) continue;
    const run = m[0].replace(/[\s\-().]+$/, '');
    const digits = run.replace(/\D/g, '');
    const plus = run.startsWith('+');
    const isPhone =
      (plus && digits.length >= 8 && digits.length <= 15) ||
      /^1[3-9]\d{9}$/.test(digits) ||
      /^[78]9\d{9}$/.test(digits) ||
      /^0\d{9,11}$/.test(digits);
    if (!isPhone || !c.free(i, i + run.length)) continue;
    c.take(i, i + run.length);
    return { value: (plus ? '+' : '') + digits, start: i, end: i + run.length };
  }
  return null;
}

function readMarkers(c: Cursor, start: number): Pick<Found, 'removals' | 'edit' | 'add'> {
  const marks = (re: RegExp) => {
    const out: { start: number; end: number }[] = [];
    re.lastIndex = start;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      const end = m.index + m[0].length;
      if (!c.free(m.index, end)) continue;
      c.take(m.index, end, JOIN);
      out.push({ start: m.index, end });
    }
    return out;
  };
  const removals = marks(W.REMOVE);
  const edit = marks(W.EDIT).length > 0;
  const add = marks(W.ADD).length > 0;
  return { removals, edit, add };
}

interface Binding {
  match: ItemMatch;
  amount: Amount | null;
  removed: boolean;
}

function readOrderLine(c: Cursor, base: Base, start: number, p: Prepared): ChatLine {
  const found: Found = {
    ...readNoise(c, start),
    address: readAddress(c.text, c.free, c.take, p.index),
    ...readMarkers(c, start),
    question: W.QUESTION.test(c.text.slice(start)),
  };
  let matches = findItems(c.text, c.raw, c.free, p.lex);
  readDashPair(c.text, matches[0]?.start ?? c.text.length, c.free, c.take, found.address);
  const amounts = scanAmounts(c, start);
  const binding = bind(c, start, matches, amounts, found);
  matches = dropNames(c, start, binding);
  const kept = binding.filter((b) => matches.includes(b.match));
  applyRemovals(c, start, kept, found);
  for (const b of kept) {
    c.take(b.match.start, b.match.end);
    if (b.amount) c.take(b.amount.start, b.amount.end);
  }
  const strays = amounts.filter((a) => !a.used && c.free(a.start, a.end) && (a.written === 'digits' || a.unit));
  const leftover = readLeftover(c, start, strays);
  return classify(c, base, p, found, kept, leftover);
}

type Scanned = Amount & { used: boolean };

/** Every amount the line could hold, left to right, where nothing else was read. */
function scanAmounts(c: Cursor, start: number): Scanned[] {
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

function bind(c: Cursor, start: number, matches: ItemMatch[], amounts: Scanned[], found: Found): Binding[] {
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
  const first = out[0];
  const quantityFirst = !!first && !!before(first.match);
  for (const pass of quantityFirst ? [before, after] : [after, before])
    for (const b of out) {
      if (b.amount) continue;
      const a = pass(b.match);
      if (!a) continue;
      a.used = true;
      b.amount = a;
      // The "×", "-", "of" between them belong to the pair, not to a name.
      if (pass === after) c.take(b.match.end, a.start, JOIN);
      else c.take(a.end, b.match.start, JOIN);
      if (pass === after) oldAmount(c, a, amounts, found);
    }
  return out;
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
function dropNames(c: Cursor, start: number, binding: Binding[]): ItemMatch[] {
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
function applyRemovals(c: Cursor, start: number, kept: Binding[], found: Found): void {
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

interface Fragment {
  start: number;
  end: number;
  paren: boolean;
  /** Word spans left after fillers are removed. */
  words: { start: number; end: number }[];
}

interface Leftover {
  fragments: Fragment[];
  unknown: { typed: string; start: number; end: number; amount: Amount }[];
  strays: Amount[];
}

const SEPARATOR = /[,;:()[\]{}|/\\，、；：（）【】「」《》。!！?？"“”«»…~～]/u;

function readLeftover(c: Cursor, start: number, strays: Amount[]): Leftover {
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

function classify(c: Cursor, base: Base, p: Prepared, found: Found, kept: Binding[], left: Leftover): ChatLine {
  const reasons: ChatReason[] = [];
  const firstItem = Math.min(
    kept[0]?.match.start ?? Infinity,
    left.unknown[0]?.start ?? Infinity,
    left.strays[0]?.start ?? Infinity,
  );
  const lastItem = Math.max(0, ...kept.map((b) => b.amount?.end ?? b.match.end), ...left.unknown.map((u) => u.amount.end));
  const anyAmount = kept.some((b) => b.amount) || left.unknown.length > 0;
  // "For my mum (Building 3, flat 1, Mrs Patel)": when everything outside brackets was filler, the
  // name is the one in brackets.
  const named = left.fragments.filter((f) => !f.paren && f.end <= firstItem);
  if (!named.length) named.push(...left.fragments.filter((f) => f.paren && f.end <= firstItem).slice(0, 1));
  const nameParts = named.length
    ? named
    : anyAmount
      ? left.fragments.filter((f) => !f.paren && f.start >= lastItem).slice(0, 1)
      : [];
  for (const f of left.fragments)
    if (!nameParts.includes(f))
      reasons.push({
        key: 'chat.reason.unreadText',
        value: tidy(c.slice(f.words[0].start, f.words[f.words.length - 1].end)),
        span: c.span(f.start, f.end),
      });
  for (const s of left.strays)
    reasons.push({ key: 'chat.reason.strayNumber', value: c.slice(s.start, s.end), span: c.span(s.start, s.end) });

  const person = readPerson(c, p, found, nameParts, base.sender, reasons);
  // Without an amount, words before an item are as likely a sentence as a name: only an address or a
  // phone makes such a line someone's order.
  const hasPerson = anyAmount
    ? !!(person.name || person.flat || person.phone) && person.nameFrom !== 'sender'
    : !!(person.flat || person.phone || person.building);
  const items = proposeItems(c, p, kept, left);
  const numbered = base.entry !== null;

  if (!kept.length) {
    if (found.removals.length && (hasPerson || person.building)) return order(base, 'cancel', person, [], reasons);
    if (numbered || (left.unknown.length && (hasPerson || found.address.spans.length)) || (left.strays.length && hasPerson)) {
      const why: ChatReason[] = left.unknown.length
        ? left.unknown.map((u) => ({ key: 'chat.reason.itemUnknown', value: u.typed, span: c.span(u.start, u.end) }))
        : [{ key: 'chat.reason.itemMissing' }];
      // Who it is and what was read still help the person who types the rest.
      const mode = base.entry !== null ? 'whole' : 'partial';
      return line(base, 'order', 'notUnderstood', [...why, ...reasons], { person, mode, items });
    }
    return line(base, 'chatter', 'sure', [{ key: 'chat.reason.notAnOrder' }]);
  }
  if (found.price && !found.address.spans.length && !found.phone && !numbered)
    return line(base, 'header', 'sure', [{ key: 'chat.reason.heading' }]);
  if (!anyAmount && !found.removals.length && (found.question || (!hasPerson && !numbered)))
    return line(base, 'chatter', found.question ? 'sure' : 'check', [{ key: 'chat.reason.notAnOrder' }]);
  if (found.question) reasons.push({ key: 'chat.reason.question' });
  if (found.add && !numbered) reasons.push({ key: 'chat.reason.addOrSet' });
  const kind = found.edit || found.add || kept.some((b) => b.removed) ? 'edit' : 'order';
  return order(base, kind, person, items, reasons);
}

function order(
  base: Base,
  kind: 'order' | 'edit' | 'cancel',
  person: ProposedPerson,
  items: ProposedItem[],
  reasons: ChatReason[],
): ChatLine {
  if (!person.name && !person.flat && !person.phone) reasons.push({ key: 'chat.reason.noPerson' });
  const all = [...reasons, ...items.flatMap((i) => i.reasons)];
  const confidence: Confidence = all.some(needsLook) ? 'check' : 'sure';
  const mode = base.entry !== null || kind === 'cancel' ? 'whole' : 'partial';
  return line(base, kind, confidence, all, { person, mode, items });
}

function readPerson(
  c: Cursor,
  p: Prepared,
  found: Found,
  nameParts: Fragment[],
  sender: string,
  reasons: ChatReason[],
): ProposedPerson {
  const words = nameParts.flatMap((f) => f.words);
  let name = words
    .map((w) => tidy(c.slice(w.start, w.end)))
    .filter(Boolean)
    .join(' ');
  let nameFrom: ProposedPerson['nameFrom'] = name ? 'line' : 'none';
  const nameSpan = words.length ? c.span(words[0].start, words[words.length - 1].end) : null;
  if (!name && sender) {
    name = sender;
    nameFrom = 'sender';
    reasons.push({ key: 'chat.reason.nameFromSender', value: sender });
  }
  const a = found.address;
  const flatAt = a.spans.find((s) => s.role === 'flat') ?? a.spans.find((s) => s.role === 'building');
  const match = matchBuilding(a, p.index);
  let building = match.kind === 'found' ? match.building : null;
  const typed = a.buildingAt ? c.slice(a.buildingAt.start, a.buildingAt.end).trim() : '';
  if (match.kind === 'unknown')
    reasons.push({ key: 'chat.reason.buildingUnknown', value: typed, span: c.span(a.buildingAt!.start, a.buildingAt!.end) });
  if (match.kind === 'ambiguous')
    reasons.push({ key: 'chat.reason.buildingAmbiguous', value: typed, candidates: match.candidates });
  if (match.kind === 'none' && a.flat) {
    if (p.ctx.defaultBuilding) building = p.ctx.defaultBuilding;
    else if (p.index.entries.length === 1) building = p.index.entries[0].name;
    else if (p.index.entries.length > 1) reasons.push({ key: 'chat.reason.noBuilding', value: a.flat });
  }
  return {
    name,
    nameSpan: nameFrom === 'line' ? nameSpan : null,
    nameFrom,
    building,
    buildingSpan: a.buildingAt ? c.span(a.buildingAt.start, a.buildingAt.end) : null,
    flat: a.flat,
    flatSpan: a.flat && flatAt ? c.span(flatAt.start, flatAt.end) : null,
    phone: found.phone?.value ?? '',
    phoneSpan: found.phone ? c.span(found.phone.start, found.phone.end) : null,
  };
}

function proposeItems(c: Cursor, p: Prepared, kept: Binding[], left: Leftover): ProposedItem[] {
  const out: ProposedItem[] = [];
  for (const b of kept) {
    const item = proposeItem(c, p, b);
    const same = item.itemId ? out.find((x) => x.itemId === item.itemId) : undefined;
    if (same && same.steps !== null && item.steps !== null && !b.removed) {
      same.steps += item.steps;
      same.milli = (same.milli ?? 0) + (item.milli ?? 0);
      same.reasons.push({ key: 'chat.reason.itemRepeated', itemId: item.itemId!, value: item.typed, span: item.itemSpan });
      same.confidence = 'check';
      continue;
    }
    out.push(item);
  }
  for (const u of left.unknown)
    out.push({
      itemId: null,
      candidates: [],
      typed: u.typed,
      itemSpan: c.span(u.start, u.end),
      steps: null,
      milli: u.amount.milli,
      amountTyped: c.slice(u.amount.start, u.amount.end),
      amountSpan: c.span(u.amount.start, u.amount.end),
      confidence: 'notUnderstood',
      reasons: [{ key: 'chat.reason.itemUnknown', value: u.typed, span: c.span(u.start, u.end) }],
    });
  return out.sort((x, y) => x.itemSpan.start - y.itemSpan.start);
}

function proposeItem(c: Cursor, p: Prepared, b: Binding): ProposedItem {
  const { match, amount } = b;
  const typed = c.slice(match.start, match.end);
  const single = match.itemIds.length === 1 ? p.lex.items.get(match.itemIds[0])! : null;
  const itemId = single?.id;
  const reasons: ChatReason[] = [];
  const span = c.span(match.start, match.end);
  if (!single) reasons.push({ key: 'chat.reason.itemAmbiguous', value: typed, candidates: [...match.itemIds], span });
  if (single && (match.guessed || match.distance >= 2 || (match.distance === 1 && typed.length < 5)))
    reasons.push({ key: 'chat.reason.itemGuessed', itemId, value: typed, span });
  const amountTyped = amount ? c.slice(amount.start, amount.end) : '';
  const amountSpan = amount ? c.span(amount.start, amount.end) : null;
  let milli: number | null = MILLI;
  if (b.removed) milli = 0;
  else if (!amount) reasons.push({ key: 'chat.reason.noQuantity', itemId, value: typed });
  else if (amount.vague || amount.milli === null) {
    milli = null;
    reasons.push({ key: amount.vague ? 'chat.reason.quantityVague' : 'chat.reason.notStep', itemId, value: amountTyped });
  } else {
    milli = amount.milli;
    if (amount.range) reasons.push({ key: 'chat.reason.quantityRange', itemId, value: amountTyped });
    if (amount.unit && single) {
      const fit = fitUnit(milli, amount.unit, amount.unitText, single.unit);
      if (!fit.ok) reasons.push({ key: 'chat.reason.unitMismatch', itemId, value: amountTyped });
      else if (fit.converted) {
        milli = fit.milliInItemUnits;
        reasons.push({ key: 'chat.reason.unitConverted', itemId, value: amountTyped, amount: milli / MILLI });
      }
    }
  }
  // "eggs 12" when eggs come by the dozen: twelve dozen, or the twelve eggs of one dozen?
  if (
    single &&
    amount &&
    !amount.unit &&
    milli !== null &&
    catalogUnit(single.unit)?.family === 'dozen' &&
    [6, 10, 12, 18, 20, 24, 30].includes(milli / MILLI)
  )
    reasons.push({ key: 'chat.reason.quantityUnusual', itemId, value: amountTyped });
  let steps: number | null = null;
  if (single && milli !== null) {
    if (milli > ABSURD_UNITS * MILLI) reasons.push({ key: 'chat.reason.tooLarge', itemId, value: amountTyped });
    else if (Number.isInteger(milli) && milli % single.stepMilli === 0) steps = milli / single.stepMilli;
    else reasons.push({ key: 'chat.reason.notStep', itemId, value: amountTyped });
  }
  return {
    itemId: itemId ?? null,
    candidates: single ? [] : [...match.itemIds],
    typed,
    itemSpan: span,
    steps,
    milli: milli !== null && milli > ABSURD_UNITS * MILLI ? null : milli,
    amountTyped,
    amountSpan,
    confidence: reasons.some(needsLook) ? 'check' : 'sure',
    reasons,
  };
}
