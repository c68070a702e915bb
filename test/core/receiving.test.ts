import fc from 'fast-check';
import { allocate, demandsByItem } from '../../src/core/allocation';
import { compareTallies } from '../../src/core/corrections';
import { tallyRound } from '../../src/core/tally';
import { catalogOf, item, order } from './fixtures';

type Rule = 'latestLoseFirst' | 'proportional';

function run(
  it: ReturnType<typeof item>,
  orders: ReturnType<typeof order>[],
  received: number | null,
  rule: Rule = 'latestLoseFirst',
) {
  const a = allocate(it, demandsByItem(orders).get(it.id) ?? [], received, rule);
  return { a, got: Object.fromEntries(a.shares.map((s) => [s.orderKey, s.allocatedSteps])) };
}

describe('less arrived than was bought: the coordinator picks who loses', () => {
  const honey = item('honey');
  const orders = [order('A', 0, [['honey', 6]]), order('B', 1, [['honey', 3]]), order('C', 2, [['honey', 1]])];

  test('latest orders lose first (the default, as Foodsoft): 7 of 10 arrive, C and then B lose', () => {
    expect(run(honey, orders, 7).got).toEqual({ A: 6, B: 1, C: 0 });
  });

  test('in proportion to what each asked: 7 of 10 is 4.2 / 2.1 / 0.7, the spare jar to the largest remainder', () => {
    const { a, got } = run(honey, orders, 7, 'proportional');
    expect(got).toEqual({ A: 4, B: 2, C: 1 });
    expect([a.unitsSteps, a.surplusSteps, a.shortfallRule]).toEqual([7, 0, 'proportional']);
  });

  test('equal claims and one jar short: the one who asked first keeps theirs, whatever the input order', () => {
    const three = [order('Z', 0, [['honey', 1]]), order('Y', 1, [['honey', 1]]), order('X', 2, [['honey', 1]])];
    expect(run(honey, three, 2, 'proportional').got).toEqual({ X: 0, Y: 1, Z: 1 });
    expect(run(honey, [...three].reverse(), 2, 'proportional').got).toEqual({ X: 0, Y: 1, Z: 1 });
  });

  test('in proportion, extras give way before anyone loses what they asked for', () => {
    // Box of 3: A 3 + 2 extra, B 1 + 3 extra, C 1 → two boxes: A 4 (one extra), B 1, C 1. Five arrive.
    const rice = item('rice', { boxSteps: 3 });
    const asked = [order('A', 0, [['rice', 3, 2]]), order('B', 1, [['rice', 1, 3]]), order('C', 2, [['rice', 1]])];
    expect(run(rice, asked, null).got).toEqual({ A: 4, B: 1, C: 1 });
    expect(run(rice, asked, 5, 'proportional').got).toEqual({ A: 3, B: 1, C: 1 });
    expect(run(rice, asked, 5).got).toEqual({ A: 3, B: 1, C: 1 });
    expect(run(rice, asked, 2, 'latestLoseFirst').got).toEqual({ A: 2, B: 0, C: 0 });
  });
});

describe('more arrived than was bought', () => {
  const rice = item('rice', { boxSteps: 3 });
  const asked = [order('A', 0, [['rice', 3, 2]]), order('B', 1, [['rice', 1, 3]]), order('C', 2, [['rice', 1]])];

  test('the surplus goes to extras in order of asking, never beyond what each asked', () => {
    // 9 arrive for 6 bought: A's 2 extras first (asked first), then 2 of B's 3.
    expect(run(rice, asked, 9).got).toEqual({ A: 5, B: 3, C: 1 });
  });

  test('what nobody asked for is leftover stock, a figure per item', () => {
    const { a, got } = run(rice, asked, 12);
    expect(got).toEqual({ A: 5, B: 4, C: 1 });
    expect([a.boughtSteps, a.receivedSteps, a.unitsSteps, a.surplusSteps]).toEqual([6, 12, 10, 2]);
  });

  test('a quantity a box could not cover is served before anyone’s extra', () => {
    // A asks 4 (box of 3): one box bought, A gets 3. A fourth unit arrives: it is A's, not B's extra.
    const two = [order('A', 0, [['rice', 4]]), order('B', 1, [['rice', 0, 1]])];
    expect(run(rice, two, 3).got).toEqual({ A: 3, B: 0 });
    expect(run(rice, two, 4).got).toEqual({ A: 4, B: 0 });
  });

  test('never beyond the per-person limit', () => {
    const limited = item('rice', { boxSteps: 3, limitSteps: 4 });
    expect(run(limited, asked, 12).got).toEqual({ A: 4, B: 4, C: 1 });
    expect(run(limited, asked, 12).a.surplusSteps).toBe(3);
  });
});

describe('bills follow what arrived, and the correction says why', () => {
  const oil = item('oil', { priceMinor: 200_00 });
  const salt = item('salt', { priceMinor: 50_00 });
  const catalog = catalogOf(oil, salt);
  const round = {
    itemIds: ['oil', 'salt'],
    deliveryMinor: 300_00,
    deliverySplit: 'byValue' as const,
    feeBasisPoints: 500,
    rounding: 'halfUp' as const,
  };
  const orders = [order('A', 0, [['oil', 2]]), order('B', 1, [['oil', 1]]), order('C', 2, [['salt', 2]])];

  test('a shortfall of oil: B loses it; A and C keep their items but their delivery and fee shares move', () => {
    const before = tallyRound(round, catalog, orders);
    const after = tallyRound(round, catalog, orders, { oil: 2 });
    const changes = compareTallies(before, after);
    expect(changes.map((c) => [c.orderKey, c.reasons])).toEqual([
      ['A', ['deliveryShare']],
      ['B', ['items', 'deliveryShare', 'feeShare']],
      ['C', ['deliveryShare']],
    ]);
    expect(changes[1].items).toEqual([{ itemId: 'oil', beforeSteps: 1, afterSteps: 0, reason: 'shortfall' }]);
    expect(changes[1].after.totalMinor).toBe(0);
    // The whole delivery is still shared, to the kopeck, among those who get something.
    expect(after.money.bills.reduce((s, b) => s + b.deliveryMinor, 0)).toBe(300_00);
    expect(changes.reduce((s, c) => s + c.differenceMinor, 0)).toBe(after.money.totalMinor - before.money.totalMinor);
  });

  test('the rule is passed through the tally', () => {
    const honey = item('honey');
    const t = tallyRound(
      { ...round, itemIds: ['honey'] },
      catalogOf(honey),
      [order('A', 0, [['honey', 6]]), order('B', 1, [['honey', 4]])],
      { honey: 5 },
      { shortfallRule: 'proportional' },
    );
    expect(t.participants.map((p) => p.items.honey.allocatedSteps)).toEqual([3, 2]);
  });

  test('nothing recorded as arrived: no change, no correction', () => {
    const t = tallyRound(round, catalog, orders);
    expect(compareTallies(t, tallyRound(round, catalog, orders, {}))).toEqual([]);
  });
});

const demandArb = fc.record({
  box: fc.integer({ min: 1, max: 6 }),
  minimum: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  limit: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  orders: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat(10), fc.nat(6)), { maxLength: 12 }),
  received: fc.nat(60),
  rule: fc.constantFrom<Rule>('latestLoseFirst', 'proportional'),
});

describe('receiving, over random rounds', () => {
  test('never more than arrived, never beyond what each asked; a shortfall takes, a surplus gives', () => {
    fc.assert(
      fc.property(demandArb, (r) => {
        const it = item('x', { boxSteps: r.box, minimumSteps: r.minimum, limitSteps: r.limit });
        const orders = r.orders.map(([minute, q, e], i) => order(`P${String(i).padStart(2, '0')}`, minute, [['x', q, e]]));
        const demands = demandsByItem(orders).get('x') ?? [];
        const plan = allocate(it, demands);
        const got = allocate(it, demands, r.received, r.rule);
        const handed = got.shares.reduce((s, x) => s + x.allocatedSteps, 0);
        expect(handed).toBe(got.unitsSteps);
        expect(handed + got.surplusSteps).toBe(Math.max(handed, r.received));
        expect(handed).toBeLessThanOrEqual(r.received);
        got.shares.forEach((s, i) => {
          expect(s.allocatedSteps).toBeLessThanOrEqual(s.orderedSteps + s.extraSteps);
          const was = plan.shares[i].allocatedSteps;
          if (r.received <= plan.unitsSteps) expect(s.allocatedSteps).toBeLessThanOrEqual(was);
          else {
            expect(s.allocatedSteps).toBeGreaterThanOrEqual(was);
            if (r.limit !== null) expect(s.allocatedSteps).toBeLessThanOrEqual(Math.max(r.limit, was));
          }
        });
        // Whatever arrived is handed out unless nobody may take more.
        if (r.received <= plan.unitsSteps) expect(handed).toBe(r.received);
      }),
      { numRuns: 500 },
    );
  });

  test('bills after receiving still add up exactly, and the corrections account for every kopeck of change', () => {
    fc.assert(
      fc.property(demandArb, fc.integer({ min: 0, max: 1000_00 }), fc.integer({ min: 0, max: 1500 }), (r, delivery, fee) => {
        const it = item('x', { boxSteps: r.box, minimumSteps: r.minimum, limitSteps: r.limit, priceMinor: 123_45 });
        const orders = r.orders.map(([minute, q, e], i) => order(`P${String(i).padStart(2, '0')}`, minute, [['x', q, e]]));
        const round = {
          itemIds: ['x'],
          deliveryMinor: delivery,
          deliverySplit: 'byValue' as const,
          feeBasisPoints: fee,
          rounding: 'halfEven' as const,
        };
        const before = tallyRound(round, catalogOf(it), orders);
        const after = tallyRound(round, catalogOf(it), orders, { x: r.received }, { shortfallRule: r.rule });
        const m = after.money;
        expect(m.bills.reduce((s, b) => s + b.totalMinor, 0)).toBe(m.goodsMinor + m.deliveryMinor + m.feeMinor);
        expect(m.deliveryMinor + m.deliveryUnassignedMinor).toBe(delivery);
        const changes = compareTallies(before, after);
        expect(changes.reduce((s, c) => s + c.differenceMinor, 0)).toBe(m.totalMinor - before.money.totalMinor);
      }),
      { numRuns: 300 },
    );
  });
});
