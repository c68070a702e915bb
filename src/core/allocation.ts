import { CatalogItem } from './catalog';
import { Order, Tranche } from './orders';
import { Steps } from './quantity';

/**
 * bought: something is bought; belowMinimum: the item's minimum total was not reached;
 * boxNotFilled: not even one box filled; nothingOrdered: nobody asked for it.
 */
export type ItemStatus = 'bought' | 'belowMinimum' | 'boxNotFilled' | 'nothingOrdered';

/**
 * Who loses when less arrives than was bought — the coordinator's choice per round.
 * latestLoseFirst (the default, as Foodsoft): what arrived goes down the queue of asking, so the latest
 * orders lose first. proportional: extras give way first (they were only ever there to complete a
 * box); if still short, what arrived is shared in proportion to what each asked, in whole steps by the
 * largest remainder, ties to whoever asked first.
 */
export type ShortfallRule = 'latestLoseFirst' | 'proportional';
export const SHORTFALL_RULES: readonly ShortfallRule[] = ['latestLoseFirst', 'proportional'];

export interface ParticipantShare {
  orderKey: string;
  orderedSteps: Steps;
  extraSteps: Steps;
  allocatedSteps: Steps;
}

export interface ItemAllocation {
  itemId: string;
  orderedSteps: Steps;
  extraSteps: Steps;
  boxes: number;
  /** What to buy (before a shortfall) or what is handed out (after one). */
  unitsSteps: Steps;
  /** What the round bought from the supplier, whatever arrived. */
  boughtSteps: Steps;
  /** Units asked for beyond the last full box, and how many more would complete that box. */
  leftoverSteps: Steps;
  toCompleteBoxSteps: Steps;
  minimumReached: boolean;
  status: ItemStatus;
  /** What arrived, when the coordinator recorded it (less or more than was bought); null: as bought. */
  receivedSteps: Steps | null;
  /**
   * Arrived but nobody's to take: what is left after everyone has what they asked (quantity + extra,
   * within the per-person limit). Leftover stock the coordinator can sell or give; 0 unless more arrived.
   */
  surplusSteps: Steps;
  /** The rule that shared a shortfall (the default when nothing was short). */
  shortfallRule: ShortfallRule;
  shares: ParticipantShare[];
}

interface QueueEntry {
  /** Index of the demand (in key order), which also breaks ties between equal times. */
  who: number;
  steps: Steps;
  at: number;
}

/** One item's demand: each order's line for it, as queues of tranches. */
export interface ItemDemand {
  orderKey: string;
  tranches: Tranche[];
  extraTranches: Tranche[];
}

const byKey = (a: ItemDemand, b: ItemDemand) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0);

/** Earliest asked first; equal times fall back to the order key, so input order never matters. */
function byAsking(a: QueueEntry, b: QueueEntry): number {
  return a.at - b.at || a.who - b.who;
}

function queue(demands: readonly ItemDemand[], pick: (d: ItemDemand) => Tranche[]): QueueEntry[] {
  const out: QueueEntry[] = [];
  for (let who = 0; who < demands.length; who++) {
    for (const t of pick(demands[who])) if (t.steps > 0) out.push({ who, steps: t.steps, at: t.at });
  }
  return out.sort(byAsking);
}

function sortedByKey(demands: readonly ItemDemand[]): readonly ItemDemand[] {
  for (let i = 1; i < demands.length; i++) if (byKey(demands[i - 1], demands[i]) > 0) return [...demands].sort(byKey);
  return demands;
}

function sum(tranches: Tranche[]): Steps {
  let n = 0;
  for (const t of tranches) n += t.steps;
  return n;
}

/** How many steps of an item to buy, by the food-coop rules (see allocate). */
export function unitsToBuy(
  item: Pick<CatalogItem, 'boxSteps' | 'minimumSteps' | 'stockSteps'>,
  ordered: Steps,
  extras: Steps,
): { boxes: number; units: Steps; status: ItemStatus } {
  const box = item.boxSteps;
  let boxes = Math.floor(ordered / box);
  const leftover = ordered - boxes * box;
  // One more box when the leftover plus everyone's extras fills it: never a box bought on extras alone.
  if (leftover > 0 && leftover + extras >= box) boxes += 1;
  let units = boxes * box;
  // Loose items: extras may lift an order up to the minimum, but never make a purchase nobody ordered.
  if (box === 1 && ordered > 0 && units < item.minimumSteps && ordered + extras >= item.minimumSteps) units = item.minimumSteps;
  if (item.stockSteps !== null) units = Math.min(units, Math.floor(item.stockSteps / box) * box);
  const belowMinimum = item.minimumSteps > 0 && units < item.minimumSteps;
  if (belowMinimum) units = 0;
  const status: ItemStatus =
    ordered === 0 ? 'nothingOrdered' : belowMinimum ? 'belowMinimum' : units === 0 ? 'boxNotFilled' : 'bought';
  return { boxes: units / box, units, status };
}

type AllocatedItem = Pick<CatalogItem, 'id' | 'boxSteps' | 'minimumSteps' | 'stockSteps'> &
  Partial<Pick<CatalogItem, 'limitSteps'>>;

/** Steps handed to each demand (by index), split into what came from quantities and from extras. */
interface HandOut {
  quantity: Steps[];
  extra: Steps[];
}

const total = (h: HandOut, i: number) => h.quantity[i] + h.extra[i];

/**
 * Hands `units` down the queues: quantities in order of asking, then extras in the same order. `cap`
 * (per demand) bounds what one person can get in all — the per-person limit, for goods that were not
 * bought for anyone in particular (a surplus).
 */
function handOut(units: Steps, quantities: QueueEntry[], extras: QueueEntry[], people: number, cap?: Steps[]): HandOut {
  const out: HandOut = { quantity: new Array<Steps>(people).fill(0), extra: new Array<Steps>(people).fill(0) };
  let left = units;
  for (const [list, into] of [
    [quantities, out.quantity],
    [extras, out.extra],
  ] as const) {
    for (const entry of list) {
      if (left <= 0) break;
      const room = cap ? cap[entry.who] - total(out, entry.who) : entry.steps;
      const take = Math.max(0, Math.min(entry.steps, left, room));
      into[entry.who] += take;
      left -= take;
    }
  }
  return out;
}

/**
 * The proportional shortfall rule: planned extras give way first; then what arrived is shared in
 * proportion to each person's planned quantity, largest remainder in whole steps, ties to the earlier
 * asker (`priority` lists demand indexes, first asked first). Nobody gets more than was planned.
 *
 * Example: 10 planned (A 6, B 3, C 1, no extras), 7 arrive: 4.2 / 2.1 / 0.7 → 4, 2, 0 and the spare
 * step goes to the largest remainder, C (0.7): A 4, B 2, C 1.
 */
function shareShortfall(planned: HandOut, received: Steps, extras: QueueEntry[], priority: number[]): HandOut {
  const people = planned.quantity.length;
  const quantitySum = planned.quantity.reduce((a, b) => a + b, 0);
  const out: HandOut = { quantity: new Array<Steps>(people).fill(0), extra: new Array<Steps>(people).fill(0) };
  if (received >= quantitySum) {
    out.quantity = [...planned.quantity];
    let left = received - quantitySum;
    for (const e of extras) {
      const take = Math.min(e.steps, left, planned.extra[e.who] - out.extra[e.who]);
      if (take <= 0) continue;
      out.extra[e.who] += take;
      left -= take;
    }
    return out;
  }
  const rank = new Array<number>(people);
  priority.forEach((who, r) => (rank[who] = r));
  const remainders: { who: number; r: number }[] = [];
  let left = received;
  for (let who = 0; who < people; who++) {
    const exact = received * planned.quantity[who];
    out.quantity[who] = Math.floor(exact / quantitySum);
    left -= out.quantity[who];
    remainders.push({ who, r: exact % quantitySum });
  }
  remainders.sort((a, b) => b.r - a.r || rank[a.who] - rank[b.who]);
  for (let k = 0; left > 0; k++, left--) out.quantity[remainders[k].who] += 1;
  return out;
}

/** Demand indexes by when each person first asked for the item (then by key): the fairness order. */
function askingOrder(quantities: QueueEntry[], extras: QueueEntry[], people: number): number[] {
  const seen = new Set<number>();
  for (const e of [...quantities, ...extras].sort(byAsking)) seen.add(e.who);
  for (let who = 0; who < people; who++) seen.add(who);
  return [...seen];
}

/**
 * Allocates one item among its orders. Units to buy: whole boxes of what was ordered, plus one more box
 * when the leftover and everyone's extras complete it; nothing below the item's minimum (unless, for
 * loose items, extras reach it); capped by stock. Units go first to quantities in order of asking, then
 * to extras in the same order.
 *
 * `receivedSteps` is what the supplier actually delivered (null: what was bought).
 * - Less (a shortfall): shared by `rule` — latest orders lose first, or in proportion (ShortfallRule).
 * - More (an over-delivery): the surplus goes down the same queue — first to quantities a box could not
 *   cover, then to those who asked for extras, in order of asking (Foodsoft's `redistribute`) — never
 *   beyond what each asked (quantity + extra) nor the per-person limit; the rest is `surplusSteps`.
 */
export function allocate(
  item: AllocatedItem,
  demands: ItemDemand[],
  receivedSteps: Steps | null = null,
  rule: ShortfallRule = 'latestLoseFirst',
): ItemAllocation {
  const sorted = sortedByKey(demands);
  const quantities = queue(sorted, (d) => d.tranches);
  const extrasQueue = queue(sorted, (d) => d.extraTranches);
  let ordered = 0;
  for (const e of quantities) ordered += e.steps;
  let extras = 0;
  for (const e of extrasQueue) extras += e.steps;
  const plan = unitsToBuy(item, ordered, extras);
  const people = sorted.length;
  const planned = handOut(plan.units, quantities, extrasQueue, people);
  const received = receivedSteps === null ? null : Math.max(0, receivedSteps);

  let given = planned;
  if (received !== null && received > plan.units) {
    const limit = item.limitSteps ?? Infinity;
    const cap = sorted.map((_, i) => Math.max(limit, total(planned, i)));
    given = handOut(received, quantities, extrasQueue, people, cap);
  } else if (received !== null && received < plan.units) {
    given =
      rule === 'proportional'
        ? shareShortfall(planned, received, extrasQueue, askingOrder(quantities, extrasQueue, people))
        : handOut(received, quantities, extrasQueue, people);
  }

  const shares: ParticipantShare[] = sorted.map((d, i) => ({
    orderKey: d.orderKey,
    orderedSteps: sum(d.tranches),
    extraSteps: sum(d.extraTranches),
    allocatedSteps: total(given, i),
  }));
  const units = shares.reduce((s, x) => s + x.allocatedSteps, 0);

  const leftover = ordered % item.boxSteps;
  return {
    itemId: item.id,
    orderedSteps: ordered,
    extraSteps: extras,
    boxes: plan.boxes,
    unitsSteps: units,
    boughtSteps: plan.units,
    leftoverSteps: leftover,
    toCompleteBoxSteps: leftover > 0 ? item.boxSteps - leftover : 0,
    minimumReached: plan.status !== 'belowMinimum' && ordered > 0,
    status: plan.status,
    receivedSteps,
    surplusSteps: received === null ? 0 : Math.max(0, received - units),
    shortfallRule: rule,
    shares,
  };
}

/** After a supplier shortfall: the same allocation, limited to what arrived. */
export function reallocateAfterShortfall(
  item: AllocatedItem,
  demands: ItemDemand[],
  receivedSteps: Steps,
  rule: ShortfallRule = 'latestLoseFirst',
): ItemAllocation {
  return allocate(item, demands, receivedSteps, rule);
}

/** Groups every order's lines by item: the input allocate() needs for each item. */
export function demandsByItem(orders: readonly Order[]): Map<string, ItemDemand[]> {
  const out = new Map<string, ItemDemand[]>();
  // In key order, so allocate() finds each item's demands already sorted.
  for (const order of [...orders].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    for (const line of order.lines) {
      let list = out.get(line.itemId);
      if (!list) out.set(line.itemId, (list = []));
      list.push({ orderKey: order.key, tranches: line.tranches, extraTranches: line.extraTranches });
    }
  }
  return out;
}
