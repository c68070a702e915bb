import { readChat } from '../../../src/core/chat';
import { chineseNumeral, decimalMilli } from '../../../src/core/chat/numerals';
import { fold } from '../../../src/core/chat/text';
import { Amount, catalogUnit, fitUnit, readAmount } from '../../../src/core/chat/units';
import { BUILDINGS, chatCatalog } from '../chat-corpus/catalog';

describe('Chinese numerals', () => {
  test.each([
    ['一', 1],
    ['两', 2],
    ['三', 3],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十五', 25],
    ['一百零五', 105],
    ['两百', 200],
    ['零', 0],
  ])('%s is %i', (text, value) => expect(chineseNumeral(text)).toBe(value));

  test.each(['', '十十', '五三', 'abc', '百十百'])('"%s" is not a number anyone writes', (text) =>
    expect(chineseNumeral(text)).toBeUndefined(),
  );
});

describe('decimals with either mark', () => {
  test.each([
    ['2', 2000],
    ['1,5', 1500],
    ['1.5', 1500],
    ['0,25', 250],
    ['12.000', 12000],
  ])('%s is %i thousandths', (text, milli) => expect(decimalMilli(text)).toBe(milli));

  test('more than three decimals is no amount anyone means', () => expect(decimalMilli('1.2345')).toBeUndefined());
});

/** The amount at the start of a folded text, as [thousandths, unit word, range?, vague?]. */
function amount(text: string): [number | null, string, boolean, boolean] | null {
  const a: Amount | null = readAmount(fold(text), 0);
  return a && [a.milli, a.unitText, a.range, a.vague];
}

describe('the quantity reader', () => {
  test.each([
    ['2', [2000, '', false, false]],
    ['２', [2000, '', false, false]],
    ['1,5 кг', [1500, 'кг', false, false]],
    ['2kg', [2000, 'kg', false, false]],
    ['2 KG', [2000, 'kg', false, false]],
    ['2L', [2000, 'l', false, false]],
    ['500 г', [500000, 'г', false, false]],
    ['一袋', [1000, '袋', false, false]],
    ['两斤', [2000, '斤', false, false]],
    ['一斤半', [1500, '斤', false, false]],
    ['半斤', [500, '斤', false, false]],
    ['十五个', [15000, '个', false, false]],
    ['1公斤', [1000, '公斤', false, false]],
    ['2 пачки', [2000, 'пачки', false, false]],
    ['две пачки', [2000, 'пачки', false, false]],
    ['полкило', [500, 'кило', false, false]],
    ['half a kilo', [500, 'kilo', false, false]],
    ['a dozen', [1000, 'dozen', false, false]],
    ['2 bags', [2000, 'bags', false, false]],
    ['2-3 уп', [2000, 'уп', true, false]],
    ['пару пачек', [null, 'пачек', false, true]],
    ['2x', [2000, '', false, false]],
  ] as const)('reads "%s"', (text, expected) => expect(amount(text)).toEqual(expected));

  test.each(['a', 'half', 'пол', '3,2%', '3а', 'b2', 'рис'])('"%s" is not an amount', (text) => expect(amount(text)).toBeNull());

  test('a number with more than three decimals is read but has no exact amount', () => {
    expect(amount('1,23456 кг')).toEqual([null, 'кг', false, false]);
  });
});

describe('units against the catalog', () => {
  const fit = (milli: number, typed: string, itemUnit: string) => {
    const unit = catalogUnit(typed)!;
    return fitUnit(milli, unit, typed, itemUnit);
  };

  test('weights convert exactly: 2斤 is 1 kg, 500 г is 0,5 kg', () => {
    expect(fit(2000, '斤', 'кг')).toEqual({ ok: true, milliInItemUnits: 1000, converted: true });
    expect(fit(500000, 'г', 'kg')).toEqual({ ok: true, milliInItemUnits: 500, converted: true });
    expect(fit(1000, 'kg', '公斤')).toEqual({ ok: true, milliInItemUnits: 1000, converted: false });
  });

  test('a package is never taken for another kind of package, nor pieces for boxes', () => {
    expect(fit(1000, '桶', '瓶').ok).toBe(false);
    expect(fit(10000, '个', '盒').ok).toBe(false);
    expect(fit(2000, 'пачки', 'кг').ok).toBe(false);
    expect(fit(2000, 'kg', 'bag').ok).toBe(false);
  });

  test('a box and a pack are both just a package; a bottle is a бут.', () => {
    expect(fit(1000, 'pack', 'box').ok).toBe(true);
    expect(fit(2000, 'бутылки', 'бут.').ok).toBe(true);
    expect(fit(1000, '盒', 'уп. (10 шт)').ok).toBe(true);
  });

  test('a unit the catalog does not know fits only itself', () => {
    expect(catalogUnit('связка')).toBeNull();
    expect(fit(1000, 'kg', 'связка').ok).toBe(false);
  });
});

describe('amounts in a line, against the item step', () => {
  const ctx = { items: chatCatalog('ru'), buildings: BUILDINGS.ru };
  const item = (line: string) => readChat(line, ctx).lines[0].order!.items[0];

  test('1,3 кг of pork sold by the half kilo is flagged, not rounded', () => {
    const pork = item('Новикова д.3 кв.23 — свинина 1,3 кг');
    expect([pork.itemId, pork.steps, pork.milli, pork.confidence]).toEqual(['PORK', null, 1300, 'check']);
    expect(pork.reasons.map((r) => r.key)).toContain('chat.reason.notStep');
  });

  test('1,5 кг of pork is three half-kilo steps', () => {
    const pork = item('Козлов д.1 кв.17 свинина 1,5 кг');
    expect([pork.steps, pork.confidence]).toEqual([3, 'sure']);
  });

  test('an item with no amount is one, and a person is asked', () => {
    const rice = item('Комарова д.3 кв.4 рис');
    expect([rice.steps, rice.amountTyped, rice.confidence]).toEqual([1, '', 'check']);
    expect(rice.reasons.map((r) => r.key)).toEqual(['chat.reason.noQuantity']);
  });

  test.each([
    ['рис×2', 2],
    ['рис x2', 2],
    ['рис X 2', 2],
    ['рис*2', 2],
    ['рис х2', 2],
    ['рис - 2', 2],
    ['рис: 2', 2],
    ['рис 2', 2],
    ['2 уп. риса', 2],
  ])('"%s" is %i packs of rice', (words, steps) => expect(item(`Попова д.3 кв.45 ${words}`).steps).toBe(steps));

  test('a huge number is too large, not an order of a billion bags', () => {
    const rice = item('Попова д.3 кв.45 рис 99999999999999999999');
    expect([rice.steps, rice.confidence]).toEqual([null, 'check']);
    expect(rice.reasons.map((r) => r.key)).toContain('chat.reason.tooLarge');
  });
});
