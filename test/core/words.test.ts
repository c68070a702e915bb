import { CURRENCY_WORDS, ROUND_STATE_WORDS, SPLIT_WORDS, codeOf, langOf, wordOf } from '../../src/core/i18n/words';
import { parseSettings, settingCell, settingName } from '../../src/core/settings';
import { quantityText, unitIn } from '../../src/core/units';

describe('the add-on’s own words in cells', () => {
  test('a state, a split and a currency read in the sheet’s language, never as a code', () => {
    expect(wordOf(ROUND_STATE_WORDS, 'closed', 'ru')).toBe('стоп');
    expect(wordOf(SPLIT_WORDS, 'byValue', 'zh-CN')).not.toMatch(/byValue/);
    expect(wordOf(CURRENCY_WORDS, 'RUB', 'ru')).toBe('рубли (₽)');
  });

  test('read back from any language’s word or from an older sheet’s code', () => {
    for (const lang of ['ru', 'zh-CN', 'en'] as const)
      expect(codeOf(SPLIT_WORDS, wordOf(SPLIT_WORDS, 'byQuantity', lang))).toBe('byQuantity');
    expect(codeOf(SPLIT_WORDS, 'byValue')).toBe('byValue');
    expect(codeOf(SPLIT_WORDS, 'как получится')).toBeNull();
    expect(langOf('китайский', 'ru')).toBe('zh-CN');
    expect(langOf('中文', 'ru')).toBe('zh-CN');
    expect(langOf('', 'en')).toBe('en');
  });

  test('a Settings sheet written in Chinese reads the same as one with the old codes', () => {
    const rows = (lang: 'zh-CN' | 'ru') =>
      (['currency', 'deliverySplit', 'rounding', 'remindOrdered', 'defaultLang'] as const).map((k) => [
        settingName(k, lang),
        settingCell(
          k,
          { currency: 'CNY', deliverySplit: 'byValue', rounding: 'up', remindOrdered: 'yes', defaultLang: 'zh-CN' }[k],
          lang,
        ),
      ]);
    const old = [
      ['currency', 'CNY'],
      ['deliverySplit', 'byValue'],
      ['rounding', 'up'],
      ['remindOrdered', 'yes'],
      ['defaultLang', 'zh-CN'],
    ];
    expect(rows('zh-CN').flat().join(' ')).not.toMatch(/[A-Za-z]{2,}/);
    expect(parseSettings(rows('zh-CN'))).toEqual(parseSettings(old));
    expect(parseSettings(rows('ru'))).toEqual(parseSettings(old));
    expect(parseSettings(old)).toMatchObject({ currency: 'CNY', deliverySplit: 'byValue', rounding: 'up', remindOrdered: true });
  });
});

describe('one source of unit names', () => {
  test('a unit typed in Russian reads in Chinese and English, and a Russian reader keeps it as typed', () => {
    expect(quantityText(2, '2', 'кг', 'zh-CN')).toBe('2公斤');
    expect(quantityText(6, '6', 'бут.', 'en')).toBe('6\u00a0bottles');
    expect(quantityText(2, '2', 'бут.', 'ru')).toBe('2\u00a0бут.');
  });

  test('a Russian десяток is ten, not a dozen', () => {
    expect(unitIn('дес.', 'zh-CN')).toBe('盒（10个）');
    expect(unitIn('дес.', 'en', 3)).toBe('packs of 10');
  });
});
