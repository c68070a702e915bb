import { allocate, demandsByItem } from '../../src/core/allocation';
import { CatalogItem } from '../../src/core/catalog';
import { tallySentence } from '../../src/core/tallyText';
import { item, order } from './fixtures';

/** What the coordinator reads under an item's bar, for these orders (steps, extra steps). */
function say(it: CatalogItem, lines: [number, number?][], lang: 'ru' | 'zh-CN' | 'en' = 'en'): string {
  const orders = lines.map(([steps, extra], i) => order(`o${i}`, i, [[it.id, steps, extra]]));
  return tallySentence(allocate(it, demandsByItem(orders).get(it.id) ?? []), it, lang);
}

describe('the tally says what will happen, one sentence per item', () => {
  const oil = item('oil', { unit: 'бут.', boxSteps: 6 });

  test('a box completed by extras says so, never "0 of 1 boxes" beside "buying 6"', () => {
    expect(say(oil, [[4], [1, 2]])).toBe('Buying 1 box, completed with extras: 5\u00a0bottles + 1\u00a0bottle');
    expect(say(oil, [[4], [1, 2]], 'ru')).toBe('Покупаем 1 коробку, набранную с допуском: 5\u00a0бут. + 1\u00a0бут.');
    expect(say(oil, [[4], [1, 2]], 'zh-CN')).toBe('采购1箱，最后一箱用“可多要”凑满：订购5瓶，加上可多要1瓶');
  });

  test('no box yet: how many more complete one, extras counted', () => {
    expect(say(oil, [[2, 1]])).toBe('No box yet: 3\u00a0bottles more complete one');
    expect(say(oil, [[2, 1]], 'ru')).toBe('Коробка ещё не набрана: не хватает 3\u00a0бут.');
  });

  test('full boxes and what waits for the next one', () => {
    expect(say(oil, [[6], [6]], 'ru')).toBe('Покупаем 2 коробки: 12\u00a0бут.');
    expect(say(oil, [[8]])).toBe(
      'Buying 1 box: 6\u00a0bottles. Beyond it 2\u00a0bottles are ordered; 4\u00a0bottles more complete the next box',
    );
  });

  test('loose weight never speaks of boxes; a minimum says how far it is', () => {
    const pork = item('pork', { unit: 'кг', stepMilli: 500 });
    expect(say(pork, [[515]], 'ru')).toBe('Покупаем 257,5\u00a0кг');
    const tea = item('tea', { unit: 'кг', minimumSteps: 20 });
    expect(say(tea, [[14]], 'zh-CN')).toBe('起订量20公斤，目前已订14公斤，未达到起订量不采购');
    expect(say(tea, [])).toBe('Nobody has ordered it yet');
  });
});
