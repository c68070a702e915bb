import { lineTotal } from '../../src/core/billing';
import { CatalogItem } from '../../src/core/catalog';
import { supplierLines } from '../../src/core/supplierOrder';
import { RoundTally } from '../../src/core/tally';

const item = (priceMinor: number, stepMilli: number): CatalogItem => ({
  id: 'X',
  name: { default: 'Сыр' },
  unit: 'кг',
  priceMinor,
  stepMilli,
  boxSteps: 1,
  minimumSteps: 0,
  limitSteps: null,
  stockSteps: null,
  retailMinor: null,
  supplier: 'Сыроварня',
  supplierCode: 'S1',
});
const total = (it: CatalogItem, rule: 'halfUp' | 'halfEven' | 'up') =>
  supplierLines(
    { items: [{ itemId: 'X', boughtSteps: 1, boxes: 0 }] } as unknown as RoundTally,
    new Map([['X', it]]),
    'ru',
    rule,
  )[0].totalMinor;

test("the supplier order prices each line as the bills do, under the round's rounding rule", () => {
  // 1,25 ₽/kg × 0,5 kg = 62,5 kopecks: half even gives 62, as on the bills (not 63).
  expect(total(item(125, 500), 'halfEven')).toBe(62);
  // 100,01 ₽/kg × 0,125 kg = 12,50125 ₽: rounding up gives 12,51 ₽ (not 12,50).
  expect(total(item(100_01, 125), 'up')).toBe(12_51);
  for (const rule of ['halfUp', 'halfEven', 'up'] as const)
    for (const it of [item(125, 500), item(100_01, 125), item(333_33, 375)]) expect(total(it, rule)).toBe(lineTotal(it, 1, rule));
});
