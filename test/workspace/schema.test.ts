import fc from 'fast-check';
import { toDecimalString } from '../../src/core/money';
import {
  cellAddress,
  columnLetter,
  columnNumber,
  moneyNumber,
  row,
  span,
  wholeColumn,
  width,
} from '../../src/workspace/sheets/schema';
import { textCell } from '../../src/workspace/sheets/text';

describe('the sheet schema', () => {
  test('column letters go on past Z the way Sheets counts them', () => {
    expect([1, 26, 27, 28, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  test('a column is found by name wherever it stands', () => {
    expect(columnNumber('orders', 'orderKey')).toBe(2);
    expect(wholeColumn('orders', 'orderKey')).toBe('B:B');
    expect(cellAddress('catalog', 'price', 5)).toBe('G5');
  });

  test('a row is written by column name and kind: residents’ text inert, money from minor units, blanks blank', () => {
    const r = row(
      'journal',
      { at: Date.UTC(2026, 10, 20), who: '=IMPORTDATA("http://x")', kind: 'payment', amount: 123_45, note: null },
      'RUB',
    );
    expect(r).toHaveLength(width('journal'));
    expect(r[columnNumber('journal', 'who') - 1]).toBe(`'=IMPORTDATA("http://x")`);
    expect(r[columnNumber('journal', 'kind') - 1]).toBe('payment');
    expect(r[columnNumber('journal', 'amount') - 1]).toBe(123.45);
    expect(r[columnNumber('journal', 'note') - 1]).toBe('');
    expect((r[columnNumber('journal', 'at') - 1] as Date).toISOString()).toBe('2026-11-20T00:00:00.000Z');
  });

  test('yen have no minor unit: 500 is written as 500', () => {
    expect(row('journal', { amount: 500 }, 'JPY')[columnNumber('journal', 'amount') - 1]).toBe(500);
  });

  test('a money column without its currency is a bug, not a guess', () => {
    expect(() => row('journal', { amount: 100 })).toThrow(/currency/);
  });

  test('a span writes adjacent columns only, and says so when they are not', () => {
    const account = span('bills', ['credit', 'paid', 'balance', 'pickedUp']);
    expect(account.cells({ credit: 0, paid: 10_00, balance: -5_00, pickedUp: true }, 'RUB')).toEqual([0, 10, -5, true]);
    expect(() => span('bills', ['credit', 'balance'])).toThrow(/adjacent/);
  });

  test('text is written through one function: an apostrophe keeps it text, a blank stays blank', () => {
    expect(textCell('+7 900 123-45-67')).toBe(`'+7 900 123-45-67`);
    expect(textCell('')).toBe('');
    expect(textCell(null)).toBe('');
  });
});

describe('money cells', () => {
  test('a money cell holds exactly the number its decimal text reads as (1234 kopecks → 12.34), for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 3 }), (minor, exponent) => {
        expect(Object.is(moneyNumber(minor, exponent), Number(toDecimalString(minor, exponent)))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(moneyNumber(1234, 2)).toBe(12.34);
    expect(moneyNumber(-5, 2)).toBe(-0.05);
    expect(moneyNumber(7, 0)).toBe(7);
  });
});
