import fc from 'fast-check';
import { tallyRound } from '../../src/core/tally';
import { catalogOf, item, order } from './fixtures';

const itemArb = fc.record({
  box: fc.integer({ min: 1, max: 12 }),
  minimum: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })),
  stock: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  price: fc.integer({ min: 1, max: 500_00 }),
  step: fc.constantFrom(1000, 500, 100),
});

const roundArb = fc.record({
  items: fc.array(itemArb, { minLength: 1, maxLength: 4 }),
  orders: fc.array(
    fc.record({
      minute: fc.integer({ min: 0, max: 5 }),
      lines: fc.array(fc.tuple(fc.nat(3), fc.nat(15), fc.nat(10)), { maxLength: 4 }),
      building: fc.constantFrom('1', '2', '3'),
    }),
    { maxLength: 25 },
  ),
  delivery: fc.integer({ min: 0, max: 5000_00 }),
  split: fc.constantFrom('equal', 'byValue', 'byQuantity') as fc.Arbitrary<'equal' | 'byValue' | 'byQuantity'>,
  fee: fc.integer({ min: 0, max: 2000 }),
  rounding: fc.constantFrom('halfUp', 'halfEven', 'up') as fc.Arbitrary<'halfUp' | 'halfEven' | 'up'>,
});

type RandomRound = typeof roundArb extends fc.Arbitrary<infer T> ? T : never;

function build(r: RandomRound) {
  const items = r.items.map((x, i) =>
    item(`i${i}`, { boxSteps: x.box, minimumSteps: x.minimum, stockSteps: x.stock, priceMinor: x.price, stepMilli: x.step }),
  );
  const orders = r.orders.map((o, n) => {
    const lines = new Map<string, [string, number, number]>();
    for (const [idx, q, e] of o.lines) if (idx < items.length) lines.set(`i${idx}`, [`i${idx}`, q, e]);
    return order(`P${String(n).padStart(2, '0')}`, o.minute, [...lines.values()], { building: o.building });
  });
  const round = {
    itemIds: items.map((i) => i.id),
    deliveryMinor: r.delivery,
    deliverySplit: r.split,
    feeBasisPoints: r.fee,
    rounding: r.rounding,
  };
  return { items, orders, round, catalog: catalogOf(...items) };
}

describe('invariants over random rounds', () => {
  test('nobody gets more than quantity + extra; allocated = bought ≤ asked; bought boxes are full', () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const { round, catalog, orders } = build(r);
        for (const a of tallyRound(round, catalog, orders).items) {
          const box = catalog.get(a.itemId)!.boxSteps;
          const allocated = a.shares.reduce((s, x) => s + x.allocatedSteps, 0);
          for (const s of a.shares) expect(s.allocatedSteps).toBeLessThanOrEqual(s.orderedSteps + s.extraSteps);
          expect(allocated).toBe(a.unitsSteps);
          expect(a.unitsSteps).toBeLessThanOrEqual(a.orderedSteps + a.extraSteps);
          if (box > 1) expect(a.unitsSteps % box).toBe(0);
          const stock = catalog.get(a.itemId)!.stockSteps;
          if (stock !== null) expect(a.unitsSteps).toBeLessThanOrEqual(stock);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('delivery shares sum exactly to the cost and the bill reconciles to the kopeck', () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const { round, catalog, orders } = build(r);
        const m = tallyRound(round, catalog, orders).money;
        const sum = (f: (b: (typeof m.bills)[number]) => number) => m.bills.reduce((s, b) => s + f(b), 0);
        expect(sum((b) => b.deliveryMinor) + m.deliveryUnassignedMinor).toBe(round.deliveryMinor);
        expect(sum((b) => b.feeMinor)).toBe(m.feeMinor);
        expect(sum((b) => b.totalMinor)).toBe(m.goodsMinor + m.deliveryMinor + m.feeMinor);
        for (const b of m.bills) expect(Number.isInteger(b.totalMinor) && b.totalMinor >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('the result is the same whatever the order of the input', () => {
    fc.assert(
      fc.property(roundArb, fc.infiniteStream(fc.nat()), (r, seeds) => {
        const { round, catalog, orders } = build(r);
        const shuffled = [...orders].sort(() => (seeds.next().value % 3) - 1);
        expect(JSON.stringify(tallyRound(round, catalog, shuffled))).toBe(JSON.stringify(tallyRound(round, catalog, orders)));
      }),
      { numRuns: 200 },
    );
  });

  test('a shortfall never gives anyone more, a surplus never less, and at most what arrived is handed out', () => {
    fc.assert(
      fc.property(roundArb, fc.nat(40), (r, received) => {
        const { round, catalog, orders } = build(r);
        const full = tallyRound(round, catalog, orders);
        const short = tallyRound(round, catalog, orders, Object.fromEntries(round.itemIds.map((id) => [id, received])));
        short.items.forEach((a, i) => {
          expect(a.unitsSteps).toBeLessThanOrEqual(received);
          const bought = full.items[i].unitsSteps;
          a.shares.forEach((s, j) => {
            const planned = full.items[i].shares[j].allocatedSteps;
            if (received <= bought) expect(s.allocatedSteps).toBeLessThanOrEqual(planned);
            else expect(s.allocatedSteps).toBeGreaterThanOrEqual(planned);
          });
        });
      }),
      { numRuns: 200 },
    );
  });
});
