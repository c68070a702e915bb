import { ItemAllocation } from './allocation';
import { Minor } from './money';
import { Steps } from './quantity';
import { ParticipantResult, RoundTally } from './tally';

/**
 * What changed for each person between two tallies of the same round — typically before and after the
 * coordinator recorded what arrived — and why, so the correction email can say it in the reader's words:
 * "you get 2 kg of rice instead of 3 (less arrived)", or "your items are the same, but your share of the
 * delivery changed because others get less".
 */

/** Why one of a person's items changed. */
export type ItemChangeReason =
  /** Less arrived than was bought. */
  | 'shortfall'
  /** More arrived than was bought; the surplus went to those who asked for extras. */
  | 'surplus'
  /** The same goods were shared differently (orders changed, or the rule did). */
  | 'reallocated';

export interface ItemChange {
  itemId: string;
  beforeSteps: Steps;
  afterSteps: Steps;
  reason: ItemChangeReason;
}

/**
 * items: what they get changed; deliveryShare / feeShare: their share of the delivery cost or the
 * organiser fee moved — also when their own items did not (others got less, so each share is larger).
 */
export type ChangeReason = 'items' | 'deliveryShare' | 'feeShare';

export interface MoneyFigures {
  goodsMinor: Minor;
  deliveryMinor: Minor;
  feeMinor: Minor;
  totalMinor: Minor;
}

export interface ParticipantChange {
  orderKey: string;
  reasons: ChangeReason[];
  items: ItemChange[];
  before: MoneyFigures;
  after: MoneyFigures;
  /** after.total − before.total: positive means they owe more. */
  differenceMinor: Minor;
}

const NONE: MoneyFigures = { goodsMinor: 0, deliveryMinor: 0, feeMinor: 0, totalMinor: 0 };

function figures(p: ParticipantResult | undefined): MoneyFigures {
  if (!p) return NONE;
  return { goodsMinor: p.goodsMinor, deliveryMinor: p.deliveryMinor, feeMinor: p.feeMinor, totalMinor: p.totalMinor };
}

function itemReason(after: ItemAllocation | undefined, beforeSteps: Steps, afterSteps: Steps): ItemChangeReason {
  const received = after?.receivedSteps ?? null;
  if (received !== null && afterSteps < beforeSteps && received < after!.boughtSteps) return 'shortfall';
  if (received !== null && afterSteps > beforeSteps && received > after!.boughtSteps) return 'surplus';
  return 'reallocated';
}

/**
 * Compares two tallies of one round and lists, per participant (in order key order), only those whose
 * items or money changed, with the reasons. A person in only one of the tallies counts as having had
 * (or having) nothing in the other.
 */
export function compareTallies(before: RoundTally, after: RoundTally): ParticipantChange[] {
  const was = new Map(before.participants.map((p) => [p.order.key, p]));
  const now = new Map(after.participants.map((p) => [p.order.key, p]));
  const itemsAfter = new Map(after.items.map((a) => [a.itemId, a]));
  const keys = [...new Set([...was.keys(), ...now.keys()])].sort();
  const out: ParticipantChange[] = [];
  for (const orderKey of keys) {
    const b = was.get(orderKey);
    const a = now.get(orderKey);
    const ids = [...new Set([...Object.keys(b?.items ?? {}), ...Object.keys(a?.items ?? {})])].sort();
    const items: ItemChange[] = [];
    for (const itemId of ids) {
      const beforeSteps = b?.items[itemId]?.allocatedSteps ?? 0;
      const afterSteps = a?.items[itemId]?.allocatedSteps ?? 0;
      if (beforeSteps !== afterSteps)
        items.push({ itemId, beforeSteps, afterSteps, reason: itemReason(itemsAfter.get(itemId), beforeSteps, afterSteps) });
    }
    const [fb, fa] = [figures(b), figures(a)];
    const reasons: ChangeReason[] = [];
    if (items.length) reasons.push('items');
    if (fb.deliveryMinor !== fa.deliveryMinor) reasons.push('deliveryShare');
    if (fb.feeMinor !== fa.feeMinor) reasons.push('feeShare');
    if (reasons.length === 0 && fb.goodsMinor === fa.goodsMinor) continue;
    if (reasons.length === 0) reasons.push('items');
    out.push({ orderKey, reasons, items, before: fb, after: fa, differenceMinor: fa.totalMinor - fb.totalMinor });
  }
  return out;
}
