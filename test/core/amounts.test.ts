import fc from 'fast-check';
import { formatMoney, formatNumber, listOf } from '../../src/core/i18n/format';
import { LANGS } from '../../src/core/i18n/lang';
import { CURRENCIES, readAmount } from '../../src/core/money';
import { parseTypedQuantity } from '../../src/core/quantity';

const minor = (text: unknown, code: string) => {
  const r = readAmount(text, code);
  return r.ok ? r.minor : r.key;
};

describe('amounts as people type them (issue 14: the payment box refused what the add-on shows)', () => {
  test.each([
    ['2,862.17', 'CNY', 286217], // prefilled in the Chinese screen
    ['662,57 ₽', 'RUB', 66257],
    ['¥100', 'CNY', 10000],
    ['1\u00a0234,50\u00a0₽', 'RUB', 123450],
    ['1\u202f234,50 ₽', 'RUB', 123450],
    ['1 234.50', 'RUB', 123450],
    ['-$0.05', 'USD', -5],
    ['$-0.05', 'USD', -5],
    ['−1 234,50 р.', 'RUB', -123450],
    ['100 руб.', 'RUB', 10000],
    ['100р', 'RUB', 10000],
    ['RUB 99,9', 'RUB', 9990],
    ['RMB 88', 'CNY', 8800],
    ['88元', 'CNY', 8800],
    ['￥1,234.50', 'CNY', 123450],
    ['１２３，５', 'CNY', 12350],
    ["1'234.50", 'USD', 123450],
    ['1.234.567,89 €', 'EUR', 123456789],
    ['500', 'JPY', 500],
    ['¥1,000', 'JPY', 1000],
    [',5', 'RUB', 50],
    ['0,500', 'RUB', 50],
    [1234.5, 'RUB', 123450],
    [0.1 + 0.2, 'RUB', 30],
  ])('%p in %s is %p minor units', (text, code, expected) => {
    expect(minor(text, code)).toBe(expected);
  });

  test('a lone mark before three digits groups thousands in a two-decimal currency: "1,234" roubles is 1234, not 1.23', () => {
    expect(minor('1,234', 'RUB')).toBe(123400);
    expect(minor('1.234', 'RUB')).toBe(123400);
    expect(minor('1.234', 'JPY')).toBe(1234);
    expect(minor('1,23', 'RUB')).toBe(123);
  });

  test.each([
    ['', 'RUB', 'amount.empty'],
    ['two', 'RUB', 'amount.notAnAmount'],
    ['12 34', 'RUB', 'amount.grouping'],
    ['1,234,5', 'RUB', 'amount.grouping'],
    ['1 234,567', 'RUB', 'amount.tooManyDecimals'],
    ['12.345,6789', 'RUB', 'amount.tooManyDecimals'],
    ['1.5', 'JPY', 'amount.tooManyDecimals'],
    ['$5', 'RUB', 'amount.otherCurrency'],
    ['100 €', 'CNY', 'amount.otherCurrency'],
    ['¥100', 'RUB', 'amount.otherCurrency'],
    ['99999999999999999', 'RUB', 'amount.tooLarge'],
    [NaN, 'RUB', 'amount.notAnAmount'],
  ])('%p in %s is refused as %s', (text, code, key) => {
    expect(minor(text, code)).toBe(key);
  });

  test('the refusal names the other currency so the message can say which', () => {
    expect(readAmount('$5', 'RUB')).toEqual({ ok: false, key: 'amount.otherCurrency', value: '$5', named: 'USD' });
  });

  test('every amount the add-on formats, in every language and currency, reads back exactly', () => {
    const codes = Object.keys(CURRENCIES);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom(...LANGS),
        fc.oneof(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), fc.integer({ min: -999, max: 999 })),
        (code, lang, amount) => {
          const exp = CURRENCIES[code].exponent;
          expect(minor(formatMoney(amount, code, lang), code)).toBe(amount);
          expect(minor(formatNumber(amount / 10 ** exp, lang, exp), code)).toBe(amount);
          expect(minor(formatNumber(amount / 10 ** exp, lang), code)).toBe(amount);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('quantities the coordinator types when receiving', () => {
  test('grouped thousands in English and Chinese, a decimal comma and spaces in Russian', () => {
    expect(parseTypedQuantity('1,250', 'en', 1000)).toEqual({ ok: true, steps: 1250 });
    expect(parseTypedQuantity('1,250.5', 'zh-CN', 500)).toEqual({ ok: true, steps: 2501 });
    expect(parseTypedQuantity('12,5', 'ru', 500)).toEqual({ ok: true, steps: 25 });
    expect(parseTypedQuantity('1 250,5', 'ru', 500)).toEqual({ ok: true, steps: 2501 });
    expect(parseTypedQuantity('12,5', 'en', 500)).toEqual({ ok: true, steps: 25 });
    expect(parseTypedQuantity('десять', 'ru', 1000)).toEqual({ ok: false, reason: 'notANumber' });
  });
});

test('a quantity as a person types it back: the decimal separator kept, no grouping (the receiving form)', () => {
  expect(formatNumber(1.125, 'ru', 3, false)).toBe('1,125');
  expect(formatNumber(1250.5, 'ru', 3, false)).toBe('1250,5');
  expect(formatNumber(1250.5, 'en', 3, false)).toBe('1250.5');
  expect(formatNumber(1250.5, 'ru')).toBe('1\u00a0250,5');
});

test('a list as each language writes one: a comma, or 、 in Chinese', () => {
  expect(listOf(['суббота 10–12', 'Двор', 'Школа'], 'ru')).toBe('суббота 10–12, Двор, Школа');
  expect(listOf(['周六 10–12', '院子', '', '学校'], 'zh-CN')).toBe('周六 10–12、院子、学校');
});
