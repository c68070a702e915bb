import { en } from '../../src/core/i18n/en';
import { formatDateTime, formatNumber } from '../../src/core/i18n/format';
import { LANGS, resolveLang } from '../../src/core/i18n/lang';
import { pluralCategory } from '../../src/core/i18n/plural';
import { catalogs, t } from '../../src/core/i18n/translate';

const placeholders = (m: unknown) => new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? []);

describe('message catalogs', () => {
  test.each(LANGS)('%s has every key, none empty, with the same placeholders as English', (lang) => {
    const catalog = catalogs[lang] as Record<string, unknown>;
    const missing = Object.keys(en).filter((k) => !catalog[k]);
    expect(missing).toEqual([]);
    for (const [key, message] of Object.entries(en))
      expect([key, placeholders(catalog[key])]).toEqual([key, placeholders(message)]);
  });

  test('Russian has three plural forms: 1 товар, 2 товара, 5 товаров', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 112].map((count) => t('ru', 'count.items', { count }))).toEqual([
      '1 товар',
      '2 товара',
      '5 товаров',
      '11 товаров',
      '21 товар',
      '22 товара',
      '25 товаров',
      '112 товаров',
    ]);
    expect(t('en', 'count.items', { count: 1 })).toBe('1 item');
    expect(t('zh-CN', 'count.items', { count: 3 })).toBe('3件商品');
    expect(pluralCategory('ru', 1.5)).toBe('other');
  });

  test('locale tags map to our languages', () => {
    expect(['ru_RU', 'zh-TW', 'zh_CN', 'en-GB', 'de', ''].map((tag) => resolveLang(tag))).toEqual([
      'ru',
      'zh-CN',
      'zh-CN',
      'en',
      'en',
      'en',
    ]);
  });

  test('numbers and dates read as each community writes them, in the sheet time zone', () => {
    const at = Date.UTC(2026, 10, 25, 15, 0);
    expect(formatDateTime(at, 'Europe/Moscow', 'ru')).toBe('ср, 25 ноября 2026, 18:00');
    expect(formatDateTime(at, 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月25日（周三）23:00');
    expect(formatDateTime(at, 'UTC', 'en')).toBe('Wed, 25 Nov 2026, 15:00');
    expect(formatNumber(1234.5, 'ru')).toBe('1\u00a0234,5');
  });
});
