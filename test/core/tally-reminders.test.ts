import { boxesAlmostFull, dueReminder, reminderSlots, upcomingReminders } from '../../src/core/reminders';
import { tallyRound } from '../../src/core/tally';
import { MIN, T0, catalogOf, item, order } from './fixtures';

const HOUR = 60 * MIN;

describe('tallying a round', () => {
  const catalog = catalogOf(item('rice', { boxSteps: 3, priceMinor: 100_00 }), item('oil', { priceMinor: 50_00 }));
  const round = {
    itemIds: ['rice', 'oil'],
    deliveryMinor: 300_00,
    deliverySplit: 'equal' as const,
    feeBasisPoints: 500,
    rounding: 'halfUp' as const,
  };
  const orders = [
    order(
      'A',
      0,
      [
        ['rice', 3, 2],
        ['oil', 1],
      ],
      { building: '1', pickupPoint: 'Двор' },
    ),
    order('B', 1, [['rice', 1, 3]], { building: '2', pickupPoint: 'Двор' }),
    order('C', 2, [['rice', 1]], { building: '2', pickupPoint: 'Школа' }),
  ];

  test('per item, per participant, per building and pickup point, and a bill that reconciles', () => {
    const tally = tallyRound(round, catalog, orders);
    expect(tally.items.map((i) => [i.itemId, i.boxes, i.unitsSteps])).toEqual([
      ['rice', 2, 6],
      ['oil', 1, 1],
    ]);
    expect(tally.participants.map((p) => [p.order.key, p.items.rice.allocatedSteps, p.totalMinor])).toEqual([
      // goods + 5% fee + a third of 300.00 delivery
      ['A', 4, 450_00 + 22_50 + 100_00],
      ['B', 1, 100_00 + 5_00 + 100_00],
      ['C', 1, 100_00 + 5_00 + 100_00],
    ]);
    expect(tally.byBuilding['2']).toEqual({ participants: 2, goodsMinor: 200_00, totalMinor: 410_00, items: { rice: 2 } });
    expect(Object.keys(tally.byPickupPoint)).toEqual(['Двор', 'Школа']);
    const m = tally.money;
    expect(m.totalMinor).toBe(m.goodsMinor + m.deliveryMinor + m.feeMinor);
  });

  test('a shortfall re-tallies with the latest orders losing first', () => {
    const tally = tallyRound(round, catalog, orders, { rice: 4 });
    expect(tally.participants.map((p) => p.items.rice.allocatedSteps)).toEqual([3, 1, 0]);
    expect(tally.participants[2].deliveryMinor).toBe(0);
  });
});

describe('reminders before the stop', () => {
  const deadline = T0 + 48 * HOUR;

  test('slots at 24 h and 2 h before the deadline, earliest first', () => {
    expect(reminderSlots(deadline, [2, 24, 24])).toEqual([
      { offsetHours: 24, at: deadline - 24 * HOUR },
      { offsetHours: 2, at: deadline - 2 * HOUR },
    ]);
  });

  test('a round opened 3 hours before its stop skips the 24-hour reminder', () => {
    expect(upcomingReminders(deadline, [24, 2], deadline - 3 * HOUR).map((s) => s.offsetHours)).toEqual([2]);
  });

  test('each tick sends what fell due since the last one, never after the deadline', () => {
    const tick1 = deadline - 24 * HOUR - 10 * MIN;
    const tick2 = tick1 + HOUR;
    expect(dueReminder(deadline, [24, 2], tick1 - HOUR, tick1)).toBeNull();
    expect(dueReminder(deadline, [24, 2], tick1, tick2)?.offsetHours).toBe(24);
    expect(dueReminder(deadline, [24, 2], tick2, tick2 + HOUR)).toBeNull();
    expect(dueReminder(deadline, [24, 2], deadline - HOUR, deadline + 5 * MIN)).toBeNull();
  });

  test('"2 more bags complete a box" for boxes more than half full', () => {
    const tally = tallyRound(
      { itemIds: ['rice', 'oil'], deliveryMinor: 0, deliverySplit: 'equal', feeBasisPoints: 0, rounding: 'halfUp' },
      catalogOf(item('rice', { boxSteps: 10 }), item('oil', { boxSteps: 10 })),
      [
        order('A', 0, [
          ['rice', 7],
          ['oil', 2],
        ]),
        order('B', 1, [['rice', 0, 1]]),
      ],
    );
    expect(
      boxesAlmostFull(
        tally.items,
        new Map([
          ['rice', 10],
          ['oil', 10],
        ]),
      ),
    ).toEqual([{ itemId: 'rice', missingSteps: 2, boxSteps: 10 }]);
  });
});
