import fc from 'fast-check';
import { computeBills, estimateBill } from '../../src/core/billing';
import { item, order } from './fixtures';

const rice = item('rice', { priceMinor: 99_99, stepMilli: 500 });
const oil = item('oil', { priceMinor: 150_00 });
const items = new Map([
  ['rice', rice],
  ['oil', oil],
]);
const rules = { deliveryMinor: 900_00, deliverySplit: 'equal' as const, feeBasisPoints: 500, rounding: 'halfUp' as const };

describe('receipts estimate the final bill', () => {
  const orders = [order('A', 0, [['oil', 2]]), order('B', 1, [['rice', 4, 2]]), order('C', 2, [['oil', 1]])];

  test('goods as asked, plus a third of the delivery and 5% fee: marked as an estimate', () => {
    expect(estimateBill('A', orders, items, rules)).toEqual({
      estimate: true,
      goodsMinor: 300_00,
      deliveryMinor: 300_00,
      feeMinor: 15_00,
      totalMinor: 615_00,
    });
  });

  test('extras are not counted: they may never come', () => {
    expect(estimateBill('B', orders, items, rules)?.goodsMinor).toBe(199_98); // 2 kg at 99.99, not 3
  });

  test('a later order lowers everyone’s share of the delivery', () => {
    const more = [...orders, order('D', 3, [['oil', 1]])];
    expect(estimateBill('A', more, items, rules)?.deliveryMinor).toBe(225_00);
  });

  test('an order not among the orders has no estimate', () => {
    expect(estimateBill('Z', orders, items, rules)).toBeNull();
  });

  test('when every box fills, the estimate is within a kopeck per share of the final bill', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('equal', 'byValue', 'byQuantity') as fc.Arbitrary<'equal' | 'byValue' | 'byQuantity'>,
        fc.integer({ min: 0, max: 2000 }),
        (lines, split, fee) => {
          const os = lines.map(([r, o], i) =>
            order(
              `P${i}`,
              i,
              [
                ['rice', r],
                ['oil', o],
              ].filter(([, s]) => s) as [string, number][],
            ),
          );
          const r = { ...rules, deliverySplit: split, feeBasisPoints: fee };
          const alloc = new Map(os.map((o) => [o.key, new Map(o.lines.map((l) => [l.itemId, l.steps]))]));
          const final = computeBills(alloc, items, r);
          for (const b of final.bills) {
            const e = estimateBill(b.orderKey, os, items, r)!;
            expect(e.goodsMinor).toBe(b.goodsMinor);
            expect(Math.abs(e.deliveryMinor - b.deliveryMinor)).toBeLessThanOrEqual(1);
            expect(Math.abs(e.feeMinor - b.feeMinor)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
