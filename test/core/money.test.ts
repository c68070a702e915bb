import { computeBills, lineTotal } from '../../src/core/billing';
import { formatMoney } from '../../src/core/i18n/format';
import { currency, parseAmount, roundRatio, splitByWeights, toDecimalString } from '../../src/core/money';
import { item } from './fixtures';

describe('splitting money exactly', () => {
  test('100 kopecks among three: 34 + 33 + 33, no kopeck lost or invented', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  test('proportional shares use the largest remainder', () => {
    // 1000 split 1:2:3 → 166.67, 333.33, 500 → 167, 333, 500
    expect(splitByWeights(1000, [1, 2, 3])).toEqual([167, 333, 500]);
  });

  test('all weights zero: split equally', () => {
    expect(splitByWeights(5, [0, 0])).toEqual([3, 2]);
  });
});

describe('amounts and currencies', () => {
  test('typed amounts parse exactly into minor units', () => {
    expect(parseAmount('1 234,50', 2)).toBe(123450);
    expect(parseAmount(99.9, 2)).toBe(9990);
    expect(parseAmount('0.1', 2)).toBe(10);
    expect(parseAmount('12.345', 2)).toBeUndefined();
    expect(parseAmount('twelve', 2)).toBeUndefined();
    expect(parseAmount('500', 0)).toBe(500);
  });

  test('currency exponents: kopecks, fen, cents; yen has none', () => {
    for (const code of ['RUB', 'CNY', 'USD', 'EUR', 'UAH', 'KZT']) expect(currency(code)?.exponent).toBe(2);
    expect(currency('jpy')?.exponent).toBe(0);
    expect(toDecimalString(123405, 2)).toBe('1234.05');
  });

  test('rounding rules for half a kopeck', () => {
    expect(roundRatio(5n, 2n, 'halfUp')).toBe(3n);
    expect(roundRatio(5n, 2n, 'halfEven')).toBe(2n);
    expect(roundRatio(7n, 2n, 'halfEven')).toBe(4n);
    expect(roundRatio(41n, 10n, 'up')).toBe(5n);
  });

  test('money reads as each community writes it', () => {
    expect(formatMoney(123450, 'RUB', 'ru')).toBe('1\u00a0234,50\u00a0₽');
    expect(formatMoney(123450, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(-5, 'USD', 'en')).toBe('-$0.05');
  });
});

describe('bills', () => {
  const rice = item('rice', { priceMinor: 99_99, stepMilli: 500, unit: 'kg', retailMinor: 120_00 });
  const oil = item('oil', { priceMinor: 150_00 });
  const items = new Map([
    ['rice', rice],
    ['oil', oil],
  ]);
  const alloc = (rows: Record<string, Record<string, number>>) =>
    new Map(Object.entries(rows).map(([k, v]) => [k, new Map(Object.entries(v))]));
  const rules = { deliveryMinor: 1000_00, deliverySplit: 'equal' as const, feeBasisPoints: 0, rounding: 'halfUp' as const };

  test('price × quantity rounded once per line: 0.5 kg at 99.99 is 50.00 (half up)', () => {
    expect(lineTotal(rice, 1, 'halfUp')).toBe(5000);
    expect(lineTotal(rice, 1, 'halfEven')).toBe(5000);
    expect(lineTotal(rice, 3, 'halfEven')).toBe(14998);
  });

  test('delivery split equally among those who get something', () => {
    const b = computeBills(alloc({ A: { rice: 2 }, B: { oil: 1 }, C: { oil: 0 } }), items, rules);
    expect(b.bills.map((x) => x.deliveryMinor)).toEqual([500_00, 500_00, 0]);
  });

  test('delivery split by goods value adds up exactly', () => {
    // Goods 150.00 : 300.00 : 50.00 → 30.003, 60.006, 10.001 → the spare kopeck goes to the largest remainder.
    const b = computeBills(alloc({ A: { oil: 1 }, B: { oil: 2 }, C: { rice: 1 } }), items, {
      ...rules,
      deliveryMinor: 100_01,
      deliverySplit: 'byValue',
    });
    const shares = b.bills.map((x) => x.deliveryMinor);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(100_01);
    expect(shares).toEqual([3000, 6001, 1000]);
  });

  test('delivery split by quantity counts kilograms as kilograms', () => {
    // A: 1 piece of oil (1 unit); B: 3 kg of rice (6 steps of 0.5) → 1 : 3
    const b = computeBills(alloc({ A: { oil: 1 }, B: { rice: 6 } }), items, {
      ...rules,
      deliveryMinor: 400_00,
      deliverySplit: 'byQuantity',
    });
    expect(b.bills.map((x) => x.deliveryMinor)).toEqual([100_00, 300_00]);
  });

  test('the organiser fee is a percentage of goods, split so it reconciles', () => {
    const b = computeBills(alloc({ A: { oil: 1 }, B: { oil: 1 }, C: { oil: 1 } }), items, {
      ...rules,
      deliveryMinor: 0,
      feeBasisPoints: 333,
    });
    // 450.00 × 3.33% = 14.985 → 14.99 (half up) split 5.00 / 5.00 / 4.99
    expect(b.feeMinor).toBe(1499);
    expect(b.bills.map((x) => x.feeMinor)).toEqual([500, 500, 499]);
    expect(b.totalMinor).toBe(b.goodsMinor + b.deliveryMinor + b.feeMinor);
  });

  test('savings against retail where retail is known', () => {
    const b = computeBills(alloc({ A: { rice: 2, oil: 1 } }), items, rules);
    expect(b.savingMinor).toBe(120_00 - 99_99);
  });

  test('a round that bought nothing leaves the delivery unassigned rather than billing anyone', () => {
    const b = computeBills(alloc({ A: { rice: 0 } }), items, rules);
    expect([b.totalMinor, b.deliveryUnassignedMinor]).toEqual([0, 1000_00]);
  });
});
