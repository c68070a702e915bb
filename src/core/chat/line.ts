import { readAddress, readDashPair } from './address';
import { applyRemovals, bind, Binding, dropNames, leadingFlat, scanAmounts } from './binding';
import { Cursor, Found, JOIN, Prepared, needsLook } from './cursor';
import { findItems } from './items';
import { readLeftover, Leftover } from './leftover';
import { proposeItems, readPerson } from './propose';
import { EMOJI, Span, fold, isDigit, tidy } from './text';
import { ChatLine, ChatReason, Confidence, ProposedItem, ProposedOrder, ProposedPerson } from './types';
import * as W from './words';

/*
 * One line is read in this order, each step taking the characters it reads so later steps cannot reuse
 * them: the message header (Telegram, WhatsApp, WeChat) → the 接龙 heading, example or entry number →
 * phone, prices, times and dates → building and flat → "取消 / убрать / 改成 / ещё" → items → amounts, bound
 * to their items → what is left: the name, items the catalog lacks, text for a person → the verdict.
 */

/** What carries from one line to the next: who is writing, and whether we are in a 接龙 heading. */
export interface LineState {
  sender: string;
  inHeading: boolean;
}

/** A line longer than this is a pasted article, not an order; it is reported, not parsed. */
export const MAX_LINE = 1000;

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
  if (header === 'sender')
    return line({ ...base, sender: state.sender }, 'header', 'sure', [{ key: 'chat.reason.sender', value: state.sender }]);
  if (header === 'time') return line(base, 'header', 'sure', [{ key: 'chat.reason.heading' }]);
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
  } else if (state.inHeading || W.EXAMPLE.test(body) || W.LABEL.test(body))
    return line(base, 'header', 'sure', [{ key: 'chat.reason.heading' }]);
  if (!entry && W.PLUS_ONE.test(body)) return line(base, 'chatter', 'check', [{ key: 'chat.reason.plusOne' }]);
  return readOrderLine(c, base, start, p);
}

/** Strips a message header; says when the whole line is one, else returns where the message starts. */
function readHeader(c: Cursor, state: LineState): number | 'sender' | 'time' {
  const tg = W.HEADERS.telegram.exec(c.raw);
  if (tg) {
    state.sender = tidy(tg[1]);
    return 'sender';
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
    return 'sender';
  }
  if (W.HEADERS.timeOnly.test(c.raw)) return 'time';
  return 0;
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
  leadingFlat(c, start, amounts, found.address);
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
