import { allocate, demandsByItem, reallocateAfterShortfall } from '../../src/core/allocation';
import { item, order } from './fixtures';

function run(it: ReturnType<typeof item>, orders: ReturnType<typeof order>[], received: number | null = null) {
  const a = allocate(it, demandsByItem(orders).get(it.id) ?? [], received);
  return { a, got: Object.fromEntries(a.shares.map((s) => [s.orderKey, s.allocatedSteps])) };
}

describe('box allocation, the food-coop rule', () => {
  const box3 = item('rice', { boxSteps: 3 });
  const orders = [order('A', 0, [['rice', 3, 2]]), order('B', 1, [['rice', 1, 3]]), order('C', 2, [['rice', 1, 0]])];

  test('box of 3, A (3,2), B (1,3), C (1,0): two boxes; A 4, B 1, C 1', () => {
    const { a, got } = run(box3, orders);
    expect(a.boxes).toBe(2);
    expect(a.unitsSteps).toBe(6);
    expect(got).toEqual({ A: 4, B: 1, C: 1 });
  });

  test('the supplier delivers only 1: the earliest order keeps it (A 1, B 0, C 0)', () => {
    const { got } = run(box3, orders, 1);
    expect(got).toEqual({ A: 1, B: 0, C: 0 });
    const a = reallocateAfterShortfall(box3, demandsByItem(orders).get('rice') ?? [], 1);
    expect(a.receivedSteps).toBe(1);
  });

  test('a box is never bought on extras alone', () => {
    const { a, got } = run(box3, [order('A', 0, [['rice', 3, 5]]), order('B', 1, [['rice', 0, 3]])]);
    expect(a.boxes).toBe(1);
    expect(got).toEqual({ A: 3, B: 0 });
  });

  test('a box that extras cannot complete is not bought; the leftover and what completes it are reported', () => {
    const { a, got } = run(box3, [order('A', 0, [['rice', 4]]), order('B', 1, [['rice', 0, 1]])]);
    expect([a.boxes, a.leftoverSteps, a.toCompleteBoxSteps]).toEqual([1, 1, 2]);
    expect(got).toEqual({ A: 3, B: 0 });
    expect(a.status).toBe('bought');
  });

  test('two neighbours share the last box; extras complete it in order of asking', () => {
    const oil = item('oil', { boxSteps: 4 });
    const { got } = run(oil, [order('C', 2, [['oil', 1, 1]]), order('A', 0, [['oil', 4]]), order('B', 1, [['oil', 2, 1]])]);
    // 7 asked + 2 extras: the second box fills; quantities first (A 4, B 2, C 1), then B's extra (asked before C's).
    expect(got).toEqual({ A: 4, B: 3, C: 1 });
    const { got: noExtras } = run(oil, [order('C', 2, [['oil', 1]]), order('A', 0, [['oil', 4]]), order('B', 1, [['oil', 2]])]);
    expect(noExtras).toEqual({ A: 4, B: 0, C: 0 });
  });

  test('not even one box filled: nothing bought, status boxNotFilled', () => {
    const { a } = run(box3, [order('A', 0, [['rice', 2]])]);
    expect([a.unitsSteps, a.status]).toEqual([0, 'boxNotFilled']);
  });
});

describe('minimum total (минималка / 成团)', () => {
  const flour = item('flour', { minimumSteps: 20 });

  test('below the minimum nothing is bought and everyone gets 0', () => {
    const { a, got } = run(flour, [order('A', 0, [['flour', 10]]), order('B', 1, [['flour', 4]])]);
    expect([a.unitsSteps, a.status, a.minimumReached]).toEqual([0, 'belowMinimum', false]);
    expect(got).toEqual({ A: 0, B: 0 });
  });

  test('extras that reach the minimum of a loose item make the round buy exactly the minimum', () => {
    const { a, got } = run(flour, [order('A', 0, [['flour', 14, 3]]), order('B', 1, [['flour', 0, 5]])]);
    expect([a.unitsSteps, a.minimumReached]).toEqual([20, true]);
    expect(got).toEqual({ A: 17, B: 3 });
  });

  test('extras alone never make a purchase of a loose item, whatever its minimum', () => {
    const { a, got } = run(flour, [order('A', 0, [['flour', 0, 20]]), order('B', 1, [['flour', 0, 5]])]);
    expect([a.unitsSteps, a.status]).toEqual([0, 'nothingOrdered']);
    expect(got).toEqual({ A: 0, B: 0 });
  });

  test('a boxed item with a minimum of 2 boxes and 1.5 boxes ordered buys nothing', () => {
    const { a } = run(item('milk', { boxSteps: 12, minimumSteps: 24 }), [order('A', 0, [['milk', 18, 2]])]);
    expect(a.status).toBe('belowMinimum');
  });
});

describe('stock limit and weight items', () => {
  test('stock caps what is bought, in whole boxes, and the latest orders lose', () => {
    const { a, got } = run(item('eggs', { boxSteps: 10, stockSteps: 25 }), [
      order('A', 0, [['eggs', 20]]),
      order('B', 5, [['eggs', 10]]),
    ]);
    expect(a.unitsSteps).toBe(20);
    expect(got).toEqual({ A: 20, B: 0 });
  });

  test('kilograms in 0.5 kg steps, sold in 25 kg sacks: 50 steps a sack', () => {
    // A asks 20 kg (40 steps), B 4.5 kg (9 steps) and would take 1 kg more (2 steps): the sack fills at 50.
    const sugar = item('sugar', { unit: 'kg', stepMilli: 500, boxSteps: 50 });
    const { a, got } = run(sugar, [order('A', 0, [['sugar', 40]]), order('B', 1, [['sugar', 9, 2]])]);
    expect(a.boxes).toBe(1);
    expect(got).toEqual({ A: 40, B: 10 });
  });
});

describe('order of asking', () => {
  test('raising a quantity later queues only the raise', () => {
    const { reviseOrder } = jest.requireActual('../../src/core/orders');
    const first = order('A', 0, [['rice', 2]]);
    const raised = reviseOrder(first, {
      ...first,
      lines: [{ itemId: 'rice', steps: 3, extraSteps: 0 }],
      submittedAt: first.submittedAt + 60 * 60_000,
      revision: 2,
    });
    const b = order('B', 30, [['rice', 1]]);
    // Box of 3, 4 asked: A's first 2 and B's 1 (asked earlier than A's raise) fill the box.
    const { got } = run(item('rice', { boxSteps: 3 }), [raised, b]);
    expect(got).toEqual({ A: 2, B: 1 });
  });

  test('equal times give the same result whatever the order of the input', () => {
    const it = item('rice', { boxSteps: 3 });
    const orders = [order('X', 0, [['rice', 2]]), order('Y', 0, [['rice', 2]]), order('Z', 0, [['rice', 1, 1]])];
    expect(run(it, orders).got).toEqual(run(it, [...orders].reverse()).got);
  });
});
