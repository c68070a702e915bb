import { ChatItem, ChatLine, ChatReason, confirmedOrderOf, describeReason, readChat, sureOrders } from '../../../src/core/chat';
import { en } from '../../../src/core/i18n/en';
import { LANGS, Lang } from '../../../src/core/i18n/lang';
import { catalogs } from '../../../src/core/i18n/translate';
import { BUILDINGS, chatCatalog } from '../chat-corpus/catalog';
import { item } from '../fixtures';

const zh = { items: chatCatalog('zh-CN'), buildings: BUILDINGS['zh-CN'] };
const ru = { items: chatCatalog('ru'), buildings: BUILDINGS.ru };
const enCtx = { items: chatCatalog('en'), buildings: BUILDINGS.en };
const slice = (paste: string, span: { start: number; end: number } | null) => (span ? paste.slice(span.start, span.end) : null);

describe('the catalog as the reader takes it', () => {
  test('a catalog item with its aliases column is a chat item; an alias without letters is ignored', () => {
    const rice: ChatItem = { ...item('RICE', { name: { default: 'Рис' } }), aliases: ['5', 'рисик'] };
    const [line] = readChat('Иванова д.1 кв.4 рисик 5', { items: [rice], buildings: ['Дом 1'] }).lines;
    expect([line.confidence, line.order!.items.map((i) => [i.itemId, i.steps])]).toEqual(['sure', [['RICE', 5]]]);
  });
});

describe('what a line was read from', () => {
  test('a 接龙 entry: every part points at the characters it came from', () => {
    const paste = '#接龙\n例 3号楼502 王阿姨 大米×2 鸡蛋1\n12. 3号楼502 王阿姨 大米×2 鸡蛋1';
    const line = readChat(paste, zh).lines[2];
    const { person, items, mode } = line.order!;
    expect([line.kind, line.confidence, line.entry, line.lineNo, mode]).toEqual(['order', 'sure', 12, 3, 'whole']);
    expect([slice(paste, person.buildingSpan), slice(paste, person.flatSpan), slice(paste, person.nameSpan)]).toEqual([
      '3号楼',
      '502',
      '王阿姨',
    ]);
    expect(items.map((i) => [i.itemId, i.steps, slice(paste, i.itemSpan), slice(paste, i.amountSpan)])).toEqual([
      ['RICE', 2, '大米', '2'],
      ['EGGS', 1, '鸡蛋', '1'],
    ]);
  });

  test('a chat message sets only the items it names; a numbered entry is the whole order', () => {
    const [chat, entry] = readChat('Иванова д.1 кв.45 — рис 2\n1. Иванова д.1 кв.45 — рис 2', ru).lines;
    expect([chat.order!.mode, entry.order!.mode]).toEqual(['partial', 'whole']);
  });

  test('a name that contains an item word stays a name: Рисовая Анна, 蛋蛋妈妈, Tom Rice', () => {
    const names = [
      readChat('Рисовая Анна, д.1 кв.3 — гречка 2', ru),
      readChat('3. 3栋201 蛋蛋妈妈 鸡蛋2', zh),
      readChat('Tom Rice, building 2 apt 12: rice 1', enCtx),
    ].map((r) => [r.lines[0].order!.person.name, r.lines[0].order!.items.map((i) => i.itemId)]);
    expect(names).toEqual([
      ['Рисовая Анна', ['BUCK']],
      ['蛋蛋妈妈', ['EGGS']],
      ['Tom Rice', ['RICE']],
    ]);
  });

  test('a Telegram header names the sender of the lines below it, for lines that name no one', () => {
    const lines = readChat('Анна Петрова, [20.11.2026 14:40]\nи ещё чай 2 пожалуйста', ru).lines;
    expect(lines.map((l) => [l.kind, l.sender])).toEqual([
      ['header', 'Анна Петрова'],
      ['edit', 'Анна Петрова'],
    ]);
    expect(lines[1].order!.person).toMatchObject({ name: 'Анна Петрова', nameFrom: 'sender', nameSpan: null });
  });

  test('"各2", "по 2 кг": one amount for each item listed before it', () => {
    const items = (line: string, ctx: typeof zh) => readChat(line, ctx).lines[0].order!.items.map((i) => [i.itemId, i.steps]);
    expect(items('3号楼502 王阿姨 大米、鸡蛋各2', zh)).toEqual([
      ['RICE', 2],
      ['EGGS', 2],
    ]);
    expect(items('Иванова д.1 кв.45 — рис и гречка по 2 кг', ru)).toEqual([
      ['RICE', 2],
      ['BUCK', 4],
    ]);
    // Rice comes in packs, so "2 кг" of it is kept as 2 and put to a person.
    const [line] = readChat('Иванова д.1 кв.45 — рис и гречка по 2 кг', ru).lines;
    expect([line.confidence, line.reasons.map((r) => [r.key, r.itemId])]).toEqual([
      'check',
      [['chat.reason.unitMismatch', 'RICE']],
    ]);
  });

  test('in one building’s group, a bare number opening the line is the flat', () => {
    const [line] = readChat('502 王阿姨 大米2', { ...zh, defaultBuilding: '3号楼' }).lines;
    expect([line.confidence, line.order!.person.building, line.order!.person.flat, line.order!.person.name]).toEqual([
      'sure',
      '3号楼',
      '502',
      '王阿姨',
    ]);
  });

  test('"好的 18:00" is a reply, not a sender header whose name later lines would borrow', () => {
    const lines = readChat('好的 18:00\n3号楼502 大米2', zh).lines;
    expect(lines.map((l) => [l.kind, l.sender])).toEqual([
      ['chatter', ''],
      ['order', ''],
    ]);
    expect(lines[1].order!.person.name).toBe('');
  });

  test('WeChat 接龙 heading lines are headings, not orders, even when they name items', () => {
    const lines = readChat('#接龙\n天山三村 本周团购：大米、鸡蛋\n例 3号楼502 王阿姨 大米×2\n\n1. 3号楼301 李 大米1', zh).lines;
    expect(lines.map((l) => l.kind)).toEqual(['header', 'header', 'header', 'order']);
  });
});

describe('nothing dropped, nothing guessed silently', () => {
  const paste = ['谢谢团长', '+1', '3号楼503 黄 香蕉2', 'Зайцева д.1 кв.30 масло 2', '5. 王阿姨', '大米还有吗？'].join('\n');
  const lines = readChat(paste, { items: chatCatalog('ru'), buildings: ['Дом 1', '3号楼'] }).lines;
  const view = (l: ChatLine) => [l.kind, l.confidence, l.reasons.map((r) => r.key.replace('chat.reason.', ''))];

  test('every line comes back with what it is and why', () => {
    expect(lines.map(view)).toEqual([
      ['chatter', 'sure', ['notAnOrder']],
      ['chatter', 'check', ['plusOne']],
      ['order', 'notUnderstood', ['itemUnknown']],
      ['order', 'check', ['itemAmbiguous']],
      ['order', 'notUnderstood', ['itemMissing']],
      ['chatter', 'sure', ['notAnOrder']],
    ]);
  });

  test('a line not understood still says whom it is about', () => {
    expect(lines[2].order!.person).toMatchObject({ name: '黄', building: '3号楼', flat: '503' });
    expect(lines[2].order!.items.map((i) => [i.itemId, i.typed, i.milli])).toEqual([[null, '香蕉', 2000]]);
    expect(confirmedOrderOf(lines[2])).toBeNull();
  });

  test('two households on one line are not merged into one order', () => {
    const [line] = readChat('3号楼502 大米 2 3号楼503 鸡蛋 1', zh).lines;
    expect([line.confidence, line.reasons.map((r) => r.key)]).toEqual(['check', ['chat.reason.severalPeople']]);
    const [houses] = readChat('Иванова дом 1 кв 4, Петрова дом 3 кв 5: рис 2', ru).lines;
    expect(houses.reasons.map((r) => r.key)).toContain('chat.reason.severalPeople');
  });

  test('"ой", "哎呀" are not names: the sender is', () => {
    const names = [
      readChat('Ирина Соколова, [20.11.2026 10:15]\nой, рис не 2, а 3', ru),
      readChat('王阿姨 10:32\n哎呀，大米改成3', zh),
    ].map((r) => [r.lines[1].order!.person.name, r.lines[1].order!.person.nameFrom]);
    expect(names).toEqual([
      ['Ирина Соколова', 'sender'],
      ['王阿姨', 'sender'],
    ]);
  });

  test('"тел.", "电话" before a phone are not part of the name', () => {
    expect(readChat('Иванова д.1 кв.4 тел. 8-916-123-45-67 рис 2', ru).lines[0].order!.person).toMatchObject({
      name: 'Иванова',
      phone: '89161234567',
    });
    expect(readChat('王阿姨 大米2 3号楼502 电话13812345678', zh).lines[0]).toMatchObject({
      confidence: 'sure',
      order: { person: { name: '王阿姨', phone: '13812345678' } },
    });
  });

  test('an ambiguous item offers its candidates and cannot be imported until someone chooses', () => {
    const oil = lines[3];
    expect(oil.order!.items.map((i) => [i.itemId, i.candidates, i.steps])).toEqual([[null, ['OIL', 'BUTTER'], null]]);
    expect(confirmedOrderOf(oil)).toBeNull();
    expect(sureOrders({ lines })).toEqual([]);
  });
});

describe('reasons in the reader’s language', () => {
  const items = chatCatalog('ru');
  const ambiguous: ChatReason = { key: 'chat.reason.itemAmbiguous', value: 'масло', candidates: ['OIL', 'BUTTER'] };
  const notStep: ChatReason = { key: 'chat.reason.notStep', itemId: 'PORK', value: '1,3 кг' };

  test('item ids become item names, lists are joined as each language joins them', () => {
    expect(describeReason(ambiguous, 'ru', items)).toBe('«масло» может означать: Масло подсолнечное, Масло сливочное.');
    expect(describeReason(ambiguous, 'zh-CN', items)).toBe('“масло”可能是：葵花籽油、黄油。');
    expect(describeReason(ambiguous, 'en', items)).toBe('"масло" could be: Sunflower oil, Butter.');
  });

  test('the step is written with the reader’s decimal mark', () => {
    expect(describeReason(notStep, 'ru', items)).toBe('Свинина: «1,3 кг» не делится на шаг товара — 0,5\u00a0кг');
    expect(describeReason(notStep, 'en', items)).toBe('Pork belly: "1,3 кг" does not fit the item\'s step of 0.5\u00a0кг');
  });

  test.each(LANGS)('every chat message in %s fills all its placeholders', (lang: Lang) => {
    const keys = Object.keys(en).filter((k) => k.startsWith('chat.reason.')) as (keyof typeof en)[];
    for (const key of keys) {
      const text = describeReason(
        { key: key as never, itemId: 'RICE', value: 'x', candidates: ['RICE'], line: 3, amount: 1.5 },
        lang,
        items,
      );
      expect([key, text]).not.toEqual([key, expect.stringMatching(/\{\w+\}/)]);
    }
  });

  test('Chinese chat messages use full-width punctuation', () => {
    const chat = Object.entries(catalogs['zh-CN']).filter(([k]) => k.startsWith('chat.') && k !== 'chat.export.group');
    for (const [key, message] of chat) expect([key, String(message)]).not.toEqual([key, expect.stringMatching(/[,:;()?!]|\.$/)]);
  });
});
