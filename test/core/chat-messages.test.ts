import { CatalogItem, parseCatalogItem } from '../../src/core/catalog';
import { readChat } from '../../src/core/chat';
import { unitIn } from '../../src/core/units';
import {
  PostRound,
  almostFullPost,
  announcement,
  arrivedPost,
  deadlineWithZone,
  exampleEntry,
  lastCallPost,
  unpaidPost,
} from '../../src/core/chatMessages';

const FIELDS = ['id', 'name', 'nameRu', 'nameZh', 'nameEn', 'unit', 'price', 'step', 'box', 'minimum', 'limit'];
const ROWS = [
  ['RICE', 'Рис', '', '大米', 'Rice', 'кг', '95,50', '0,5', '25', '', '10'],
  ['OIL', 'Масло подсолнечное', '', '葵花籽油', 'Sunflower oil', 'бут.', '180', '', '6', '', ''],
  ['FLOUR', 'Мука', '', '面粉', 'Flour', 'кг', '60', '1', '', '20', ''],
];
const ITEMS: CatalogItem[] = ROWS.map((r) => parseCatalogItem(Object.fromEntries(FIELDS.map((f, i) => [f, r[i]])), 2).item!);
const BY_ID = new Map(ITEMS.map((i) => [i.id, i]));

/** Friday 20 November 2026, 18:00 in Moscow. */
const ROUND: PostRound = {
  title: 'Ноябрь',
  deadline: Date.UTC(2026, 10, 20, 15, 0),
  timeZone: 'Europe/Moscow',
  pickupTime: 'суббота 10–12',
  pickupPoints: ['Двор у дома 2', 'Школа №5'],
  currency: 'RUB',
  formUrl: 'https://docs.google.com/forms/d/e/1FAIpQLSf_x-Y/viewform',
};
const SHANGHAI: PostRound = {
  ...ROUND,
  title: '十一月第二期',
  deadline: Date.UTC(2026, 10, 20, 12, 0),
  timeZone: 'Asia/Shanghai',
  pickupTime: '周六上午10点',
  pickupPoints: ['3号楼门口'],
  currency: 'CNY',
};
const HOUR = 3600_000;
/** Characters chat apps read as formatting (Telegram's **bold**, __italic__, `code`, ~~strike~~, || spoilers ||). */
const MARKDOWN = /[*_`~|#[\]<>]/;
const withoutLinks = (text: string) => text.replace(/https:\/\/\S+/g, 'LINK');

describe('the deadline says the weekday and the time zone', () => {
  test('Moscow and Beijing by name, other zones by their offset at that date', () => {
    expect(deadlineWithZone(ROUND.deadline, 'Europe/Moscow', 'ru')).toBe('пт, 20 ноября 2026, 18:00 (МСК)');
    expect(deadlineWithZone(SHANGHAI.deadline, 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月20日（周五）20:00（北京时间）');
    expect(deadlineWithZone(ROUND.deadline, 'Asia/Yekaterinburg', 'ru')).toBe('пт, 20 ноября 2026, 20:00 (UTC+5)');
    // Newfoundland keeps half-hour time: 15:00 UTC in November is 11:30 at UTC-3:30.
    expect(deadlineWithZone(ROUND.deadline, 'America/St_Johns', 'en')).toBe('Fri, 20 Nov 2026, 11:30 (UTC-3:30)');
  });
});

describe('the announcement', () => {
  test('in Russian, without emoji: title, stop, pickup, items with price, step, box, limit and minimum, rules, both ways to order', () => {
    const text = announcement(
      ROUND,
      { items: ITEMS, rules: 'Оплата при выдаче. Не забрали до 14:00 — звоните волонтёру.', building: 'Дом 1' },
      { lang: 'ru', emoji: false },
    );
    expect(text).toBe(
      [
        'Ноябрь',
        'Стоп: пт, 20 ноября 2026, 18:00 (МСК)',
        'Выдача: суббота 10–12 — Двор у дома 2, Школа №5',
        '',
        'Что заказываем:',
        '• Рис — 95,50\u00a0₽ за кг; шаг 0,5\u00a0кг; в коробке 25\u00a0кг; не больше 10\u00a0кг в одни руки',
        '• Масло подсолнечное — 180,00\u00a0₽ за бут.; в коробке 6\u00a0бут.',
        '• Мука — 60,00\u00a0₽ за кг; закупаем, если всего наберём 20\u00a0кг',
        '',
        'Правила:',
        'Оплата при выдаче. Не забрали до 14:00 — звоните волонтёру.',
        '',
        `Заказ через форму: ${ROUND.formUrl}`,
        'Нет доступа к форме? Напишите в чат одной строкой: дом, квартиру, имя и что нужно.',
        'Пример: Дом 1, кв. 5, Анна: Рис 2',
      ].join('\n'),
    );
    expect(withoutLinks(text)).not.toMatch(MARKDOWN);
  });

  test('in Chinese, with emoji: item names and units in Chinese although the catalog units are Russian', () => {
    const text = announcement(SHANGHAI, { items: ITEMS, rules: '', building: '3号楼' }, { lang: 'zh-CN', emoji: true });
    expect(text).toBe(
      [
        '📣 十一月第二期',
        '⏰ 截单时间：2026年11月20日（周五）20:00（北京时间）',
        '📍 自提：周六上午10点，3号楼门口',
        '',
        '🛒 本期商品：',
        '• 大米：¥95.50/公斤；每份0.5公斤；每箱25公斤；每人限购10公斤',
        '• 葵花籽油：¥180.00/瓶；每箱6瓶',
        '• 面粉：¥60.00/公斤；满20公斤成团',
        '',
        `👉 表单下单：${ROUND.formUrl}`,
        '✍️ 打不开表单的邻居，请在群里接龙：楼号、房号、姓名、商品和数量。',
        '例如：3号楼 502室 王阿姨：大米 2',
      ].join('\n'),
    );
    expect(withoutLinks(text)).not.toMatch(MARKDOWN);
  });

  test('pasted back into the chat import with the chat around it, it is never taken for an order', () => {
    for (const [round, lang, building] of [
      [ROUND, 'ru', 'Дом 1'],
      [SHANGHAI, 'zh-CN', '3号楼'],
      [{ ...ROUND, pickupTime: 'Saturday 10–12', pickupPoints: ['Yard'] }, 'en', 'Building 1'],
    ] as const) {
      const text = announcement(round, { items: ITEMS, rules: '', building }, { lang, emoji: true });
      const reading = readChat(text, { items: ITEMS.map((i) => ({ ...i, aliases: [] })), buildings: [building] });
      expect([lang, reading.lines.filter((l) => l.kind === 'order' || l.kind === 'edit')]).toEqual([lang, []]);
    }
  });

  test('its example, copied and changed by a neighbour, reads as an order for their building and flat', () => {
    const chatItems = ITEMS.map((i) => ({ ...i, aliases: [] }));
    for (const [lang, building, flat] of [
      ['ru', 'Дом 1', '5'],
      ['zh-CN', '3号楼', '502'],
      ['en', 'Building 1', '5'],
    ] as const) {
      const [line] = readChat(exampleEntry(ITEMS[0], building, lang), { items: chatItems, buildings: [building, 'Дом 2'] }).lines;
      expect([lang, line.kind, line.confidence, line.order?.person.building, line.order?.person.flat, line.order?.items]).toEqual(
        [lang, 'order', 'sure', building, flat, [expect.objectContaining({ itemId: 'RICE', steps: 4 })]],
      );
    }
  });

  test('a draft round without a form yet offers only the chat, and a round without pickup details leaves that line out', () => {
    const text = announcement(
      { ...ROUND, formUrl: '', pickupTime: '', pickupPoints: [] },
      { items: ITEMS, rules: '' },
      { lang: 'en', emoji: false },
    );
    expect(text).not.toMatch(/Order with the form|Pickup/);
    expect(text).toContain('No access to the form?');
    expect(text).toContain('Example: flat 5, Anna: Rice 2');
  });
});

describe('boxes almost full, last call, arrived, unpaid', () => {
  test('"boxes almost full" names what each item still needs, in the reader\'s units; nothing when no box is close', () => {
    const almost = [
      { itemId: 'OIL', missingSteps: 1, boxSteps: 6 },
      { itemId: 'RICE', missingSteps: 6, boxSteps: 50 },
    ];
    expect(almostFullPost(ROUND, almost, BY_ID, { lang: 'ru', emoji: false })).toBe(
      [
        'Ноябрь: коробки почти собраны, не хватает совсем немного.',
        '• Масло подсолнечное — не хватает 1\u00a0бут. до полной коробки',
        '• Рис — не хватает 3\u00a0кг до полной коробки',
        'Стоп: пт, 20 ноября 2026, 18:00 (МСК)',
        `Дозаказать: ${ROUND.formUrl}`,
      ].join('\n'),
    );
    expect(almostFullPost(SHANGHAI, almost, BY_ID, { lang: 'zh-CN', emoji: false })).toBe(
      [
        '十一月第二期：有几箱快凑满了，只差一点：',
        '• 葵花籽油：还差1瓶凑满一箱',
        '• 大米：还差3公斤凑满一箱',
        '截单时间：2026年11月20日（周五）20:00（北京时间）',
        `补单：${ROUND.formUrl}`,
      ].join('\n'),
    );
    expect(almostFullPost(ROUND, [], BY_ID, { lang: 'ru', emoji: false })).toBeNull();
    expect(
      almostFullPost(ROUND, [{ itemId: 'OIL', missingSteps: 2, boxSteps: 6 }], BY_ID, { lang: 'en', emoji: false }),
    ).toContain('Sunflower oil — 2\u00a0bottles more completes a box');
  });

  test('the last call says how many hours are left, in Russian plural forms', () => {
    const at = (hours: number) => lastCallPost(ROUND, ROUND.deadline - hours * HOUR, { lang: 'ru', emoji: true });
    expect(at(2.5)).toBe(
      [
        '🔔 Ноябрь: последний звонок, скоро стоп!',
        '⏰ Стоп: пт, 20 ноября 2026, 18:00 (МСК)',
        'Осталось 3 часа.',
        `👉 Заказ через форму: ${ROUND.formUrl}`,
        '✍️ Нет доступа к форме? Напишите в чат одной строкой: дом, квартиру, имя и что нужно.',
      ].join('\n'),
    );
    expect(at(1)).toContain('Остался 1 час.');
    expect(at(5)).toContain('Осталось 5 часов.');
    expect(at(21)).toContain('Остался 21 час.');
    expect(at(-1)).not.toMatch(/Остал/);
    expect(lastCallPost(SHANGHAI, SHANGHAI.deadline - 2 * HOUR, { lang: 'zh-CN', emoji: false })).toContain('还剩2小时。');
  });

  test('"arrived" says where and when to pick up, and how to pay when the community says how', () => {
    expect(arrivedPost(ROUND, 'Перевод Ирине по номеру +7 900 000-00-00', { lang: 'ru', emoji: false })).toBe(
      [
        'Ноябрь: товар приехал!',
        'Забрать: суббота 10–12 — Двор у дома 2, Школа №5',
        'Оплата: Перевод Ирине по номеру +7 900 000-00-00',
      ].join('\n'),
    );
    expect(arrivedPost(SHANGHAI, '', { lang: 'zh-CN', emoji: true })).toBe(
      '🚚 十一月第二期：到货啦！\n📍 请到这里自提：周六上午10点，3号楼门口',
    );
  });

  const DEBTORS = [
    { name: 'Анна', building: 'Дом 2', flat: '12' },
    { name: 'Борис', building: 'Дом 1', flat: '4' },
    { name: 'Вера', building: 'Дом 2', flat: '7' },
    { name: 'Галина', building: 'Дом 2', flat: '' },
    { name: 'Дмитрий', building: '', flat: '' },
  ];
  const FACTS = { buildings: ['Дом 1', 'Дом 2', 'Дом 3'], paymentInstructions: 'Перевод Ирине' };

  test('the unpaid list names flats by default, building by building, and only counts those without a flat', () => {
    expect(unpaidPost(ROUND, DEBTORS, { ...FACTS, shows: 'flats' }, { lang: 'ru', emoji: false })).toBe(
      [
        'Ноябрь: ещё ждём оплату —',
        '• Дом 1: кв. 4',
        '• Дом 2: кв. 7, кв. 12',
        'И ещё 2 участника без номера квартиры — напишем лично.',
        'Оплата: Перевод Ирине',
      ].join('\n'),
    );
    expect(unpaidPost(SHANGHAI, DEBTORS, { ...FACTS, shows: 'flats' }, { lang: 'zh-CN', emoji: false })).toBe(
      [
        '十一月第二期：以下邻居还未付款：',
        '• Дом 1：4室',
        '• Дом 2：7室、12室',
        '另有2位邻居没写房号，我们会单独联系。',
        '付款方式：Перевод Ирине',
      ].join('\n'),
    );
  });

  test('names only when the community chose names; nothing to post when everyone has paid', () => {
    expect(unpaidPost(ROUND, DEBTORS, { ...FACTS, shows: 'names', paymentInstructions: '' }, { lang: 'ru', emoji: false })).toBe(
      ['Ноябрь: ещё ждём оплату —', '• Дом 1: Борис', '• Дом 2: Анна, Вера, Галина', '• Дом не указан: Дмитрий'].join('\n'),
    );
    expect(unpaidPost(ROUND, [], { ...FACTS, shows: 'flats' }, { lang: 'ru', emoji: false })).toBeNull();
  });
});

describe("units in the reader's words", () => {
  test("a known unit typed in another script is translated; one in the reader's own script is kept whole", () => {
    expect(unitIn('бут.', 'zh-CN')).toBe('瓶');
    expect(unitIn('袋', 'ru')).toBe('меш.');
    expect(unitIn('уп. (10 шт)', 'ru')).toBe('уп. (10 шт)');
    expect(unitIn('пучок', 'zh-CN')).toBe('пучок');
    expect([unitIn('bottle', 'en', 1), unitIn('bottle', 'en', 6), unitIn('кг', 'en', 2)]).toEqual(['bottle', 'bottles', 'kg']);
  });
});
