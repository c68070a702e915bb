import { ABSURD_UNITS } from '../quantity';
import { matchBuilding } from './address';
import { Binding } from './binding';
import { Cursor, Found, Prepared, needsLook } from './cursor';
import { Fragment, Leftover } from './leftover';
import { MILLI } from './numerals';
import { tidy } from './text';
import { ChatReason, ProposedItem, ProposedPerson } from './types';
import { catalogUnit, fitUnit } from './units';

/** The person and the items a line proposes, each with how sure the reading is and why. */
export function readPerson(
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
  if (a.another) reasons.push({ key: 'chat.reason.severalPeople' });
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

export function proposeItems(c: Cursor, p: Prepared, kept: Binding[], left: Leftover): ProposedItem[] {
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
