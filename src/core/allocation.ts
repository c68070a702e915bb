import { CatalogItem } from './catalog';
import { Order, Tranche } from './orders';
import { Steps } from './quantity';

/**
 * bought: something is bought; belowMinimum: the item's minimum total was not reached;
 * boxNotFilled: not even one box filled; nothingOrdered: nobody asked for it.
 */
export type ItemStatus = 'bought' | 'belowMinimum' | 'boxNotFilled' | 'nothingOrdered';

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
  /** Set when the supplier delivered less than was bought. */
  receivedSteps: Steps | null;
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
  if (box === 1 && units < item.minimumSteps && ordered + extras >= item.minimumSteps) units = item.minimumSteps;
  if (item.stockSteps !== null) units = Math.min(units, Math.floor(item.stockSteps / box) * box);
  const belowMinimum = item.minimumSteps > 0 && units < item.minimumSteps;
  if (belowMinimum) units = 0;
  const status: ItemStatus =
    ordered === 0 ? 'nothingOrdered' : belowMinimum ? 'belowMinimum' : units === 0 ? 'boxNotFilled' : 'bought';
  return { boxes: units / box, units, status };
}

/**
 * Allocates one item among its orders. Units to buy: whole boxes of what was ordered, plus one more box
 * when the leftover and everyone's extras complete it; nothing below the item's minimum (unless, for
 * loose items, extras reach it); capped by stock. Units go first to quantities in order of asking, then
 * to extras in the same order. With `receivedSteps` (a supplier shortfall) the same rule hands out what
 * arrived, so the latest orders lose first.
 */
export function allocate(
  item: Pick<CatalogItem, 'id' | 'boxSteps' | 'minimumSteps' | 'stockSteps'>,
  demands: ItemDemand[],
  receivedSteps: Steps | null = null,
): ItemAllocation {
  const sorted = sortedByKey(demands);
  const quantities = queue(sorted, (d) => d.tranches);
  const extrasQueue = queue(sorted, (d) => d.extraTranches);
  let ordered = 0;
  for (const e of quantities) ordered += e.steps;
  let extras = 0;
  for (const e of extrasQueue) extras += e.steps;
  const plan = unitsToBuy(item, ordered, extras);
  const units = receivedSteps === null ? plan.units : Math.min(plan.units, Math.max(0, receivedSteps));

  const given = new Array<Steps>(sorted.length).fill(0);
  let left = units;
  for (const list of [quantities, extrasQueue]) {
    for (const entry of list) {
      if (left <= 0) break;
      const take = Math.min(entry.steps, left);
      given[entry.who] += take;
      left -= take;
    }
  }

  const shares: ParticipantShare[] = sorted.map((d, i) => ({
    orderKey: d.orderKey,
    orderedSteps: sum(d.tranches),
    extraSteps: sum(d.extraTranches),
    allocatedSteps: given[i],
  }));

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
    shares,
  };
}

/** After a supplier shortfall: the same allocation, limited to what arrived. */
export function reallocateAfterShortfall(
  item: Pick<CatalogItem, 'id' | 'boxSteps' | 'minimumSteps' | 'stockSteps'>,
  demands: ItemDemand[],
  receivedSteps: Steps,
): ItemAllocation {
  return allocate(item, demands, receivedSteps);
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
