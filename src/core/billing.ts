import { CatalogItem } from './catalog';
import { Minor, RoundingRule, roundDiv, splitByWeights } from './money';
import { MILLI, Steps } from './quantity';
import { DeliverySplit } from './round';

export interface BillLine {
  itemId: string;
  allocatedSteps: Steps;
  lineMinor: Minor;
  /** What the same goods cost at retail, minus what they cost here; 0 when retail is unknown. */
  savingMinor: Minor;
}

export interface Bill {
  orderKey: string;
  lines: BillLine[];
  goodsMinor: Minor;
  deliveryMinor: Minor;
  feeMinor: Minor;
  totalMinor: Minor;
  savingMinor: Minor;
}

export interface RoundBill {
  bills: Bill[];
  goodsMinor: Minor;
  deliveryMinor: Minor;
  feeMinor: Minor;
  totalMinor: Minor;
  savingMinor: Minor;
  /** Delivery cost nobody shares because nobody gets anything (the round bought nothing). */
  deliveryUnassignedMinor: Minor;
}

export interface MoneyRules {
  deliveryMinor: Minor;
  deliverySplit: DeliverySplit;
  feeBasisPoints: number;
  rounding: RoundingRule;
}

type PricedItem = Pick<CatalogItem, 'id' | 'priceMinor' | 'stepMilli' | 'retailMinor'>;

/** Price × quantity for one line, rounded once to the minor unit by the round's rule. */
export function lineTotal(item: PricedItem, steps: Steps, rounding: RoundingRule): Minor {
  return roundDiv(item.priceMinor * steps * item.stepMilli, MILLI, rounding);
}

/**
 * Every participant's bill. Goods are priced line by line; the organiser fee is computed once on the
 * round's goods value and the delivery cost is taken as given, and both are split with the largest
 * remainder method so that the shares add up exactly: the sum of the bills is goods + delivery + fee,
 * to the kopeck, with no rounding line.
 *
 * `allocations` maps order key → item id → allocated steps; pass order keys in a stable order.
 */
export function computeBills(
  allocations: ReadonlyMap<string, ReadonlyMap<string, Steps>>,
  items: ReadonlyMap<string, PricedItem>,
  rules: MoneyRules,
): RoundBill {
  const keys = [...allocations.keys()].sort();
  const bills: Bill[] = keys.map((orderKey) => {
    const lines: BillLine[] = [];
    for (const [itemId, steps] of allocations.get(orderKey) ?? []) {
      if (steps <= 0) continue;
      const item = items.get(itemId);
      if (!item) continue;
      const lineMinor = lineTotal(item, steps, rules.rounding);
      const retail =
        item.retailMinor === null ? lineMinor : lineTotal({ ...item, priceMinor: item.retailMinor }, steps, rules.rounding);
      lines.push({ itemId, allocatedSteps: steps, lineMinor, savingMinor: Math.max(0, retail - lineMinor) });
    }
    const goodsMinor = lines.reduce((s, l) => s + l.lineMinor, 0);
    const savingMinor = lines.reduce((s, l) => s + l.savingMinor, 0);
    return { orderKey, lines, goodsMinor, deliveryMinor: 0, feeMinor: 0, totalMinor: goodsMinor, savingMinor };
  });

  const goodsMinor = bills.reduce((s, b) => s + b.goodsMinor, 0);
  const feeMinor = roundDiv(goodsMinor * rules.feeBasisPoints, 10000, rules.rounding);
  const feeShares = splitByWeights(
    feeMinor,
    bills.map((b) => b.goodsMinor),
  );
  bills.forEach((b, i) => (b.feeMinor = feeShares[i]));

  const receiving = bills.filter((b) => b.lines.length > 0);
  let deliveryUnassignedMinor = 0;
  if (receiving.length === 0) {
    deliveryUnassignedMinor = rules.deliveryMinor;
  } else {
    const weights = receiving.map((b) =>
      rules.deliverySplit === 'equal'
        ? 1
        : rules.deliverySplit === 'byValue'
          ? b.goodsMinor
          : b.lines.reduce((s, l) => s + l.allocatedSteps * (items.get(l.itemId)?.stepMilli ?? MILLI), 0),
    );
    const shares = splitByWeights(rules.deliveryMinor, weights);
    receiving.forEach((b, i) => (b.deliveryMinor = shares[i]));
  }

  for (const b of bills) b.totalMinor = b.goodsMinor + b.deliveryMinor + b.feeMinor;
  return {
    bills,
    goodsMinor,
    deliveryMinor: rules.deliveryMinor - deliveryUnassignedMinor,
    feeMinor,
    totalMinor: bills.reduce((s, b) => s + b.totalMinor, 0),
    savingMinor: bills.reduce((s, b) => s + b.savingMinor, 0),
    deliveryUnassignedMinor,
  };
}

/** What a receipt shows as the likely final bill: marked as an estimate wherever it is printed. */
export interface BillEstimate {
  estimate: true;
  goodsMinor: Minor;
  deliveryMinor: Minor;
  feeMinor: Minor;
  totalMinor: Minor;
}

/** One order's weight in the shares: its goods value and its quantity in thousandths of units. */
export interface OrderWeight {
  goodsMinor: Minor;
  quantityMilli: number;
}

/** The round so far: how many orders ask for something, their goods and quantity. */
export interface RoundSoFar extends OrderWeight {
  participants: number;
}

/**
 * The final bill as it looks with the orders so far: the person's goods, plus the delivery cost and
 * organiser fee shared as they would be if the round closed now — by the round's split rule, with
 * everyone getting what they asked. Boxes not yet full, a shortfall, and later orders (which lower
 * everyone's share of the delivery) all change it, so it is only ever shown as an estimate.
 * `round` includes the person's own order. Cheap: the intake can keep `round` as running totals.
 */
export function estimateShare(mine: OrderWeight, round: RoundSoFar, rules: MoneyRules): BillEstimate {
  const goods = mine.goodsMinor;
  const totalFee = roundDiv(round.goodsMinor * rules.feeBasisPoints, 10000, rules.rounding);
  const fee = round.goodsMinor > 0 ? roundDiv(totalFee * goods, round.goodsMinor, rules.rounding) : 0;
  let delivery = 0;
  if (goods > 0 && round.participants > 0) {
    const [part, whole] =
      rules.deliverySplit === 'equal'
        ? [1, round.participants]
        : rules.deliverySplit === 'byValue'
          ? [goods, round.goodsMinor]
          : [mine.quantityMilli, round.quantityMilli];
    delivery = whole > 0 ? roundDiv(rules.deliveryMinor * part, whole, rules.rounding) : 0;
  }
  return { estimate: true, goodsMinor: goods, deliveryMinor: delivery, feeMinor: fee, totalMinor: goods + delivery + fee };
}

/** An order's weight: price × what they asked for (extras not counted: they may never come). */
export function orderWeight(
  lines: readonly { itemId: string; steps: Steps }[],
  items: ReadonlyMap<string, PricedItem>,
  rounding: RoundingRule,
): OrderWeight {
  let goodsMinor = 0;
  let quantityMilli = 0;
  for (const l of lines) {
    const item = items.get(l.itemId);
    if (!item || l.steps <= 0) continue;
    goodsMinor += lineTotal(item, l.steps, rounding);
    quantityMilli += l.steps * item.stepMilli;
  }
  return { goodsMinor, quantityMilli };
}

/**
 * The estimate for one order among all orders so far (each with its lines): what a receipt shows.
 * Returns null when `orderKey` is not among `orders`.
 */
export function estimateBill(
  orderKey: string,
  orders: readonly { key: string; lines: readonly { itemId: string; steps: Steps }[] }[],
  items: ReadonlyMap<string, PricedItem>,
  rules: MoneyRules,
): BillEstimate | null {
  const round: RoundSoFar = { participants: 0, goodsMinor: 0, quantityMilli: 0 };
  let mine: OrderWeight | null = null;
  for (const order of orders) {
    const w = orderWeight(order.lines, items, rules.rounding);
    if (order.key === orderKey) mine = w;
    if (w.goodsMinor <= 0 && w.quantityMilli <= 0) continue;
    round.participants += 1;
    round.goodsMinor += w.goodsMinor;
    round.quantityMilli += w.quantityMilli;
  }
  return mine ? estimateShare(mine, round, rules) : null;
}
