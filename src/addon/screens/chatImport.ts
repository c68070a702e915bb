import { allows } from '../../core/access';
import { CatalogItem, itemName } from '../../core/catalog';
import {
  ChatItem,
  ChatLine,
  ChatLineKind,
  Confidence,
  ConfirmedOrder,
  OrderMode,
  PersonChange,
  confirmedOrderOf,
  describeChange,
  describeConfidence,
  describeKind,
  describeReason,
  planImport,
  readChat,
} from '../../core/chat';
import { unitIn } from '../../core/units';
import { formatNumber, listOf } from '../../core/i18n/format';
import { t } from '../../core/i18n/translate';
import { unitsOf } from '../../core/quantity';
import { readChatImport } from '../../workspace/chatImports';
import { readRoundOrders } from '../../workspace/orders';
import { ActionContext, reading, requireAccess } from '../action';
import { chatItemsOf, linesText, openRoundFor, orderKeyOf, previousOf } from '../chatImport';

/** An item of a reviewed line: what was understood, ready for a person to choose or correct. */
export interface ReviewItem {
  /** The catalog item, or null while the words fit none or several. */
  itemId: string | null;
  /** Items the words could mean, when several do. */
  candidates: string[];
  /** The words as written in the chat. */
  typed: string;
  /** The amount in the item's unit, as the reader writes numbers ("1,5"); '' when it could not be taken as written. */
  quantity: string;
}

export interface ReviewLine {
  lineNo: number;
  text: string;
  kind: ChatLineKind;
  kindLabel: string;
  confidence: Confidence;
  confidenceLabel: string;
  /** Why the line was read so, in the reader's language. */
  reasons: string[];
  /** For an order, a change or a cancellation: the proposal, which the review may correct. */
  order: { name: string; building: string; flat: string; phone: string; mode: OrderMode; items: ReviewItem[] } | null;
  /** Against what the round already holds, when the line can be imported as read. */
  status: PersonChange['kind'] | 'unchanged' | null;
  statusLabel: string;
  /** For a change: what the person's order holds now ("Рис 2 кг"). */
  before: string;
  /** A volunteer imports only lines of their own building. */
  allowed: boolean;
  /** Ticked before anyone looks: read as sure, something new, and the caller's to import. */
  ticked: boolean;
}

export interface ChatReview {
  round: { id: string; title: string };
  lines: ReviewLine[];
  items: { id: string; name: string; unit: string; step: string }[];
  /** The buildings the caller may choose for a line. */
  buildings: string[];
  counts: Record<Confidence | 'unchanged', number>;
}

export interface ChatPasteOptions {
  /** The building whose group chat this is: flats written without a building are in it. */
  chatBuilding?: string;
}

function reviewItem(
  i: NonNullable<ChatLine['order']>['items'][number],
  items: ReadonlyMap<string, ChatItem>,
  ctx: ActionContext,
): ReviewItem {
  const item = i.itemId ? items.get(i.itemId) : undefined;
  const quantity = item && i.steps !== null ? formatNumber(unitsOf(i.steps, item.stepMilli), ctx.lang).replace(/\s/g, '') : '';
  return { itemId: i.itemId, candidates: i.candidates, typed: i.typed, quantity };
}

/** What a line would do to the round if imported as read, by the person it belongs to. */
function statuses(ctx: ActionContext, roundId: string, confirmable: ConfirmedOrder[], items: (CatalogItem & ChatItem)[]) {
  const records = readChatImport(ctx.store, roundId);
  const stored = readRoundOrders(ctx.book, roundId, new Map(items.map((i) => [i.id, i])), ctx.store);
  const plan = planImport(previousOf(roundId, records, stored), confirmable);
  const byLine = new Map<number, { status: ReviewLine['status']; before: string; reasons: string[] }>();
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const c of plan.changes) {
    const before = c.kind === 'new' ? '' : linesText(c.before, byId, ctx.lang);
    const reasons = c.reasons.map((r) => describeReason(r, ctx.lang, items));
    for (const n of c.lineNos) byLine.set(n, { status: c.kind, before, reasons });
  }
  for (const u of plan.unchanged) for (const n of u.lineNos) byLine.set(n, { status: 'unchanged', before: '', reasons: [] });
  for (const u of plan.unresolved)
    byLine.set(u.lineNo, { status: null, before: '', reasons: u.reasons.map((r) => describeReason(r, ctx.lang, items)) });
  // A form order a line would change is named, so nobody overwrites it unawares.
  const existing = new Set(stored.filter((o) => o.order.source !== 'chat').map((o) => o.order.key));
  for (const c of plan.changes)
    if (existing.has(orderKeyOf(roundId, c.key)))
      for (const n of c.lineNos) byLine.get(n)?.reasons.push(t(ctx.lang, 'ui.chat.changesExisting'));
  return byLine;
}

/**
 * Reads a paste for the review screen: every non-blank line, in order, with what was understood, how
 * sure, why, and what importing it would do. Reads without the lock and writes nothing.
 */
export function readChatPaste(roundId: string, paste: string, options: ChatPasteOptions = {}): ChatReview {
  return reading((ctx) => {
    requireAccess(ctx, 'enterOrders');
    const round = openRoundFor(ctx, roundId);
    const id = round.snapshot.round.id;
    const items = chatItemsOf(ctx, round.snapshot.items);
    const byId = new Map(items.map((i) => [i.id, i]));
    const mine = ctx.access.role === 'volunteer' ? ctx.access.buildings : null;
    const buildings = mine
      ? round.snapshot.buildings.filter((b) => allows(ctx.access, 'enterOrders', b))
      : round.snapshot.buildings;
    const chatBuilding = options.chatBuilding || (mine?.length === 1 ? buildings[0] : undefined);
    const read = readChat(String(paste ?? ''), { items, buildings: round.snapshot.buildings, defaultBuilding: chatBuilding });
    const allowed = (l: ChatLine) => !mine || allows(ctx.access, 'enterOrders', l.order?.person.building ?? '');
    const confirmable = read.lines.filter(allowed).flatMap((l) => confirmedOrderOf(l) ?? []);
    const byLine = statuses(ctx, id, confirmable, items);
    const lines = read.lines.map((l): ReviewLine => {
      const s = byLine.get(l.lineNo);
      const status = s?.status ?? null;
      return {
        lineNo: l.lineNo,
        text: l.text,
        kind: l.kind,
        kindLabel: describeKind(l.kind, ctx.lang),
        confidence: l.confidence,
        confidenceLabel: describeConfidence(l.confidence, ctx.lang),
        reasons: [
          ...l.reasons.map((r) => describeReason(r, ctx.lang, items)),
          ...(l.order?.items.flatMap((i) => i.reasons.map((r) => describeReason(r, ctx.lang, items))) ?? []),
          ...(s?.reasons ?? []),
          ...(allowed(l) ? [] : [t(ctx.lang, 'access.notYourBuilding', { buildings: listOf(ctx.access.buildings, ctx.lang) })]),
        ].filter((r, i, all) => all.indexOf(r) === i),
        order: l.order && {
          name: l.order.person.name,
          building: l.order.person.building ?? '',
          flat: l.order.person.flat,
          phone: l.order.person.phone,
          mode: l.order.mode,
          items: l.order.items.map((i) => reviewItem(i, byId, ctx)),
        },
        status,
        statusLabel: status === 'unchanged' ? t(ctx.lang, 'ui.chat.unchanged') : status ? describeChange(status, ctx.lang) : '',
        before: s?.before ?? '',
        allowed: allowed(l),
        ticked: l.confidence === 'sure' && allowed(l) && (status === 'new' || status === 'changed' || status === 'cancelled'),
      };
    });
    const count = (c: Confidence) => lines.filter((l) => l.order && l.confidence === c).length;
    return {
      round: { id, title: round.snapshot.round.title },
      lines,
      items: items.map((i) => ({
        id: i.id,
        name: itemName(i, ctx.lang),
        unit: unitIn(i, ctx.lang),
        step: formatNumber(unitsOf(1, i.stepMilli), ctx.lang),
      })),
      buildings,
      counts: {
        sure: count('sure'),
        check: count('check'),
        notUnderstood: lines.filter((l) => l.confidence === 'notUnderstood').length,
        unchanged: lines.filter((l) => l.status === 'unchanged').length,
      },
    };
  });
}
