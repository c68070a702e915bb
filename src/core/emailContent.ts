import { ItemAllocation } from './allocation';
import { ParticipantChange } from './corrections';
import { formatMoney } from './i18n/format';
import { t } from './i18n/translate';
import { lineTotal } from './billing';
import { CatalogItem, itemName } from './catalog';
import { EmailData, EmailLine, RoundFacts } from './emails';
import { Lang } from './i18n/lang';
import { LocalizedText } from './i18n/texts';
import { Order } from './orders';
import { unitsOf } from './quantity';
import { unitCell } from './units';
import { Round } from './round';
import { RoundTally } from './tally';

/** The community's texts a round's emails carry, each per language (Settings, core/settings.ts). */
export interface MailTexts {
  paymentInstructions: string | LocalizedText;
  /** The community's rules (Settings "Community rules"). */
  chatRules?: string | LocalizedText;
}

/**
 * What a round's emails say about it; `pickupPlace` narrows "where" to the person's own pickup point.
 * The texts stay per language: each email picks its reader's (renderEmail), and the round's pickup points
 * are listed the reader's way.
 */
export function roundFacts(
  round: Pick<Round, 'title' | 'currency' | 'deadline' | 'pickupTime' | 'pickupPoints'>,
  timeZone: string,
  texts: MailTexts,
  pickupPlace = '',
): RoundFacts {
  return {
    title: round.title,
    currency: round.currency,
    timeZone,
    deadline: round.deadline,
    pickupTime: round.pickupTime,
    pickupPlace: pickupPlace || round.pickupPoints,
    paymentInstructions: texts.paymentInstructions,
    rules: texts.chatRules ?? '',
  };
}

/**
 * The receipt right after ordering: each line priced at the item's price (the provisional bill — boxes,
 * minimums and delivery are settled at the close), whether a box or minimum may still change it, the edit link.
 */
export function receiptOf(
  order: Order,
  items: ReadonlyMap<string, CatalogItem>,
  rounding: Round['rounding'],
  editUrl: string,
): Extract<EmailData, { kind: 'receipt' }> {
  const lang = order.participant.lang;
  const lines = order.lines.map((l) => {
    const item = items.get(l.itemId);
    const milli = item?.stepMilli ?? 1000;
    return {
      item: item ? itemName(item, lang) : l.itemId,
      unit: item ? unitCell(item, lang) : '',
      ordered: unitsOf(l.steps, milli),
      extra: l.extraSteps ? unitsOf(l.extraSteps, milli) : 0,
      lineMinor: item ? lineTotal(item, l.steps, rounding) : 0,
    };
  });
  const boxesNotFull = order.lines.some((l) => {
    const item = items.get(l.itemId);
    return !!item && (item.boxSteps > 1 || item.minimumSteps > 0);
  });
  return {
    kind: 'receipt',
    name: order.participant.name,
    lines,
    provisionalMinor: lines.reduce((s, l) => s + l.lineMinor, 0),
    editUrl,
    boxesNotFull,
    edited: order.revision > 1,
  };
}

/** Why a person gets less than they ordered of an item, for the bill. */
function reasonFor(a: ItemAllocation, ordered: number, allocated: number): EmailLine['reason'] {
  if (allocated >= ordered) return undefined;
  if (a.status === 'belowMinimum') return 'belowMinimum';
  if (a.status === 'boxNotFilled') return 'boxNotFilled';
  if (a.receivedSteps !== null && a.receivedSteps < a.boughtSteps) return 'shortfall';
  return 'queue';
}

/** A tally looked up by order key and item: built once per tally, so n bills cost n lookups, not n² scans. */
interface TallyIndex {
  participants: Map<string, RoundTally['participants'][number]>;
  bills: Map<string, RoundTally['money']['bills'][number]>;
  items: Map<string, ItemAllocation>;
}
const indexes = new WeakMap<RoundTally, TallyIndex>();

function indexOf(tally: RoundTally): TallyIndex {
  let index = indexes.get(tally);
  if (!index) {
    index = {
      participants: new Map(tally.participants.map((p) => [p.order.key, p])),
      bills: new Map(tally.money.bills.map((b) => [b.orderKey, b])),
      items: new Map(tally.items.map((a) => [a.itemId, a])),
    };
    indexes.set(tally, index);
  }
  return index;
}

/** Lines of one participant's bill, with the reason wherever they get less than they asked. */
export function billLines(
  round: { tally: RoundTally; items: ReadonlyMap<string, CatalogItem> },
  orderKey: string,
  lang: Lang,
): EmailLine[] {
  const index = indexOf(round.tally);
  const p = index.participants.get(orderKey);
  if (!p) return [];
  const bill = index.bills.get(orderKey);
  return Object.entries(p.items).map(([itemId, v]) => {
    const item = round.items.get(itemId);
    const milli = item?.stepMilli ?? 1000;
    const a = index.items.get(itemId) as ItemAllocation;
    return {
      item: item ? itemName(item, lang) : itemId,
      unit: item ? unitCell(item, lang) : '',
      ordered: unitsOf(v.orderedSteps, milli),
      allocated: unitsOf(v.allocatedSteps, milli),
      lineMinor: bill?.lines.find((l) => l.itemId === itemId)?.lineMinor ?? 0,
      reason: reasonFor(a, v.orderedSteps, v.allocatedSteps),
    };
  });
}

/**
 * The correction email of one person after receiving: each item that changed with why, and the money
 * line by line — also when only their share of the delivery or the organiser fee moved (others got
 * less, so each share is larger). `dueMinor` is what they still owe after the change.
 */
export function correctionOf(
  change: ParticipantChange,
  items: ReadonlyMap<string, CatalogItem>,
  who: { name: string; lang: Lang },
  currencyCode: string,
  dueMinor: number,
): Extract<EmailData, { kind: 'correction' }> {
  const lang = who.lang;
  const money = (m: number) => formatMoney(m, currencyCode, lang);
  const lines = change.items.map((c) => {
    const item = items.get(c.itemId);
    const milli = item?.stepMilli ?? 1000;
    return {
      item: item ? itemName(item, lang) : c.itemId,
      unit: item ? unitCell(item, lang) : '',
      before: unitsOf(c.beforeSteps, milli),
      after: unitsOf(c.afterSteps, milli),
      why: t(lang, `correction.why.${c.reason}`),
    };
  });
  const reasons: string[] = [];
  if (change.reasons.includes('deliveryShare'))
    reasons.push(
      t(lang, 'email.correction.deliveryShare', {
        before: money(change.before.deliveryMinor),
        after: money(change.after.deliveryMinor),
      }),
    );
  if (change.reasons.includes('feeShare'))
    reasons.push(
      t(lang, 'email.correction.feeShare', { before: money(change.before.feeMinor), after: money(change.after.feeMinor) }),
    );
  return { kind: 'correction', name: who.name, lines, reasons, before: change.before, after: change.after, dueMinor };
}
