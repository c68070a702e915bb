import { ItemAllocation, ShortfallRule, allocate, demandsByItem } from './allocation';
import { RoundBill, computeBills } from './billing';
import { CatalogItem } from './catalog';
import { Order } from './orders';
import { Steps } from './quantity';
import { Round } from './round';

export interface ParticipantResult {
  order: Order;
  /** item id → { ordered, extra, allocated } steps */
  items: Record<string, { orderedSteps: Steps; extraSteps: Steps; allocatedSteps: Steps }>;
  goodsMinor: number;
  deliveryMinor: number;
  feeMinor: number;
  totalMinor: number;
  savingMinor: number;
}

export interface GroupTotals {
  participants: number;
  goodsMinor: number;
  totalMinor: number;
  /** item id → allocated steps */
  items: Record<string, Steps>;
}

export interface RoundTally {
  items: ItemAllocation[];
  participants: ParticipantResult[];
  byBuilding: Record<string, GroupTotals>;
  byPickupPoint: Record<string, GroupTotals>;
  money: RoundBill;
}

export interface ReceivingOptions {
  /** Who loses when less arrives than was bought (default: latest orders lose first). */
  shortfallRule?: ShortfallRule;
}

/**
 * Tallies a round: allocates every item, prices every bill and sums by building and pickup point.
 * `received` (item id → steps; items not named arrived as bought) applies what the supplier actually
 * delivered — less (shared by `options.shortfallRule`) or more (extras first, the rest is each item's
 * `surplusSteps`). Bills follow: goods, and the delivery and fee shares, are recomputed from what each
 * person gets. Pure: the same inputs give the same tally, whatever the order of `orders`.
 */
export function tallyRound(
  round: Pick<Round, 'itemIds' | 'deliveryMinor' | 'deliverySplit' | 'feeBasisPoints' | 'rounding'>,
  catalog: ReadonlyMap<string, CatalogItem>,
  orders: readonly Order[],
  received: Readonly<Record<string, Steps>> = {},
  options: ReceivingOptions = {},
): RoundTally {
  const demands = demandsByItem(orders);
  const items = round.itemIds
    .map((id) => catalog.get(id))
    .filter((item): item is CatalogItem => !!item)
    .map((item) => allocate(item, demands.get(item.id) ?? [], received[item.id] ?? null, options.shortfallRule));

  const allocations = new Map<string, Map<string, Steps>>();
  for (const order of orders) allocations.set(order.key, new Map());
  for (const a of items) for (const s of a.shares) allocations.get(s.orderKey)?.set(a.itemId, s.allocatedSteps);
  const money = computeBills(allocations, catalog, round);

  const billOf = new Map(money.bills.map((b) => [b.orderKey, b]));
  const participants: ParticipantResult[] = [];
  const byKey = new Map<string, ParticipantResult>();
  // A participant is someone with at least one accepted line: a blank or withdrawn order gets no bill.
  for (const order of orders.filter((o) => o.lines.length > 0).sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const bill = billOf.get(order.key);
    const result: ParticipantResult = {
      order,
      items: {},
      goodsMinor: bill?.goodsMinor ?? 0,
      deliveryMinor: bill?.deliveryMinor ?? 0,
      feeMinor: bill?.feeMinor ?? 0,
      totalMinor: bill?.totalMinor ?? 0,
      savingMinor: bill?.savingMinor ?? 0,
    };
    participants.push(result);
    byKey.set(order.key, result);
  }
  for (const a of items) {
    for (const s of a.shares) {
      const p = byKey.get(s.orderKey);
      if (p) p.items[a.itemId] = { orderedSteps: s.orderedSteps, extraSteps: s.extraSteps, allocatedSteps: s.allocatedSteps };
    }
  }

  return {
    items,
    participants,
    byBuilding: groupBy(participants, (p) => p.order.participant.building),
    byPickupPoint: groupBy(participants, (p) => p.order.participant.pickupPoint),
    money,
  };
}

function groupBy(participants: ParticipantResult[], keyOf: (p: ParticipantResult) => string): Record<string, GroupTotals> {
  const out: Record<string, GroupTotals> = {};
  for (const p of participants) {
    const key = keyOf(p) || '';
    const g = (out[key] ??= { participants: 0, goodsMinor: 0, totalMinor: 0, items: {} });
    g.participants += 1;
    g.goodsMinor += p.goodsMinor;
    g.totalMinor += p.totalMinor;
    for (const [itemId, v] of Object.entries(p.items)) g.items[itemId] = (g.items[itemId] ?? 0) + v.allocatedSteps;
  }
  return out;
}
