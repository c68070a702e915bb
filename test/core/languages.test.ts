import { parseCatalogItem } from '../../src/core/catalog';
import { roundFacts } from '../../src/core/emailContent';
import { EmailData, renderEmail } from '../../src/core/emails';
import { quantityHelp } from '../../src/core/formRules';
import { inEach, textIn } from '../../src/core/i18n/texts';
import {
  communityLanguages,
  parseLanguages,
  parseSettings,
  settingCell,
  settingName,
  settingPair,
} from '../../src/core/settings';
import { quantityText, unitIn } from '../../src/core/units';

/** Issue 16: a community of several languages — its texts, units and form, each reader in theirs. */

describe('the community’s languages (Settings)', () => {
  test('typed as words in any language, own names or codes, with any list separator', () => {
    expect(parseLanguages('русский, китайский')).toEqual({ langs: ['ru', 'zh-CN'], unknown: [] });
    expect(parseLanguages('中文、俄文')).toEqual({ langs: ['zh-CN', 'ru'], unknown: [] });
    expect(parseLanguages('ru; zh-CN / English')).toEqual({ langs: ['ru', 'zh-CN', 'en'], unknown: [] });
    expect(parseLanguages('Русский, 中文, русский')).toEqual({ langs: ['ru', 'zh-CN'], unknown: [] });
  });

  test('a word that is no language is named, not guessed', () => {
    expect(parseLanguages('русский, клингонский, rubbish')).toEqual({ langs: ['ru'], unknown: ['клингонский', 'rubbish'] });
  });

  test('the default language comes first; an empty setting is the default alone (a one-language community)', () => {
    expect(communityLanguages('', 'ru')).toEqual(['ru']);
    expect(communityLanguages('китайский, русский', 'ru')).toEqual(['ru', 'zh-CN']);
    expect(communityLanguages('английский', 'zh-CN')).toEqual(['zh-CN', 'en']);
  });

  test('the sheet shows them as words in its language and reads them back as codes', () => {
    expect(settingCell('languages', 'ru, zh-CN', 'ru')).toBe('русский, китайский');
    expect(settingCell('languages', 'ru, zh-CN', 'zh-CN')).toBe('俄文、中文');
    expect(settingPair(settingName('languages', 'zh-CN'), '俄文、中文')).toEqual(['languages', 'ru, zh-CN']);
    // A value not understood stays as typed, so the coordinator sees what they wrote.
    expect(settingCell('languages', 'русский, эльфийский', 'ru')).toBe('русский, эльфийский');
    expect(parseSettings([[settingName('languages', 'ru'), 'русский, китайский']]).languages).toEqual(['ru', 'zh-CN']);
  });
});

describe('free texts per language, falling back to the main one', () => {
  const settings = parseSettings([
    [settingName('paymentInstructions', 'ru'), 'Переводом по СБП'],
    [settingName('paymentInstructionsZh', 'ru'), '微信转账'],
    [settingName('chatRulesEn', 'en'), 'Collect by 8 pm'],
  ]);

  test('each reader gets their own language’s text, else the main row', () => {
    expect(textIn(settings.paymentInstructions, 'zh-CN')).toBe('微信转账');
    expect(textIn(settings.paymentInstructions, 'ru')).toBe('Переводом по СБП');
    expect(textIn(settings.paymentInstructions, 'en')).toBe('Переводом по СБП');
    expect(textIn(settings.chatRules, 'en')).toBe('Collect by 8 pm');
    expect(textIn(settings.chatRules, 'ru')).toBe('');
    // A value cached before texts had languages is a plain string: its own default.
    expect(textIn('как раньше', 'zh-CN')).toBe('как раньше');
  });

  test('a Chinese reader’s bill says how to pay in Chinese; a Russian one’s in Russian', () => {
    const facts = roundFacts(
      { title: 'Ноябрь', currency: 'RUB', deadline: Date.UTC(2026, 10, 25), pickupTime: '', pickupPoints: ['Двор', 'Школа'] },
      'Europe/Moscow',
      settings,
    );
    const bill: EmailData = {
      kind: 'finalBill',
      name: 'Ли',
      lines: [],
      goodsMinor: 100,
      deliveryMinor: 0,
      feeMinor: 0,
      creditMinor: 0,
      dueMinor: 100,
    } as EmailData;
    const zh = renderEmail(bill, facts, 'zh-CN').text;
    expect(zh).toContain('微信转账');
    expect(zh).not.toContain('СБП');
    // The round's pickup points are listed the reader's way.
    expect(zh).toContain('Двор、Школа');
    expect(renderEmail(bill, facts, 'ru').text).toContain('Переводом по СБП');
    expect(renderEmail(bill, facts, 'ru').text).toContain('Двор, Школа');
  });
});

describe('a phrase in each of the form’s languages', () => {
  test('joined once each, a phrase the same in two languages said once', () => {
    const names = { ru: 'Рис', 'zh-CN': '大米', en: 'Рис' } as const;
    expect(inEach(['ru', 'zh-CN'], (l) => names[l])).toBe('Рис · 大米');
    expect(inEach(['ru', 'en'], (l) => names[l])).toBe('Рис');
    expect(inEach(['ru'], (l) => names[l])).toBe('Рис');
  });
});

describe('units per language (the Catalog’s unit columns)', () => {
  const row = { id: 'CABBAGE', name: 'Капуста', nameZh: '卷心菜', unit: 'кочан', unitZh: '棵', unitEn: 'head', price: '60' };

  test('a unit the add-on does not know reads in each reader’s words where the Catalog names it', () => {
    const { item } = parseCatalogItem(row, 2);
    expect(item!.units).toEqual({ 'zh-CN': '棵', en: 'head' });
    expect(unitIn(item!, 'zh-CN')).toBe('棵');
    expect(unitIn(item!, 'en')).toBe('head');
    expect(unitIn(item!, 'ru')).toBe('кочан');
    expect(quantityText(2, '2', item!, 'zh-CN')).toBe('2棵');
  });

  test('a catalog without the unit columns works as before: known units translated, others as typed', () => {
    const { item } = parseCatalogItem({ ...row, unitZh: '', unitEn: '', unit: 'кг' }, 2);
    expect(item!.units).toBeUndefined();
    expect(unitIn(item!, 'zh-CN')).toBe('公斤');
    const { item: cabbage } = parseCatalogItem({ id: 'C', name: 'Капуста', unit: 'кочан', price: '1' }, 2);
    expect(unitIn(cabbage!, 'zh-CN')).toBe('кочан');
  });

  test('a unit typed only in a language column still counts as the unit', () => {
    const { item, problems } = parseCatalogItem({ id: 'T', name: '茶', unitZh: '盒', price: '30' }, 2);
    expect(problems).toEqual([]);
    expect(unitIn(item!, 'zh-CN')).toBe('盒');
  });
});

describe('what may be ordered, as a sentence', () => {
  test('a half-kilo step and a limit read as words, not «×0,5 ≤ 4»', () => {
    const { item } = parseCatalogItem({ id: 'R', name: 'Рис', unit: 'кг', price: '95', step: '0,5', limit: '4' }, 2);
    expect(quantityHelp(item!, 'ru')).toBe('кратно 0,5\u00a0кг · не больше 4\u00a0кг в одни руки');
    expect(quantityHelp(item!, 'zh-CN')).toBe('须为0.5公斤的整数倍 · 每人限购4公斤');
  });
});
