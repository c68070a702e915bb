import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace, loadBundle } from '../../local/emulator';
import { displayValue } from '../../local/emulator/spreadsheet/values';
import { Scenario, Step, runSteps } from '../../local/scenario/steps';
import { DIST, ROOT, ensureBuilt } from '../harness/bundle';
import { Community, HOUR, openCommunity, orderRows, submit, yes } from '../harness/community';

/**
 * Issue 16: the demo round, run to the end in a Russian and in a Chinese community, read as its people
 * read it — every cell a coordinator or volunteer sees and every email a resident gets — looking for an
 * internal code (a state, a split, a kind, a currency code, an ISO timestamp) or for words in a language
 * other than the reader's. What people typed themselves (their names, the catalog's item names, places,
 * the round's title, emails and links) is theirs and is allowed as typed.
 */

type Lang = 'ru' | 'zh-CN' | 'en';

const demo = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'demo-community.json'), 'utf8')) as Scenario & {
  options: { now: string };
};

/** The rest of the round after the demo's open round: the stop, a short delivery, bills, hand-out, money. */
const rest = (payer: string): Step[] =>
  [
    { do: 'advance', hours: 49 },
    { do: 'call', fn: 'sendQueuedEmails' },
    { do: 'call', fn: 'supplierOrder', args: ['${round.id}'] },
    { do: 'call', fn: 'recordReceipt', args: ['${round.id}', { received: { MILK: '10', EGGS: '7' } }] },
    { do: 'call', fn: 'distributionLists', args: ['${round.id}'] },
    { do: 'call', fn: 'sendVolunteerLists', args: ['${round.id}'] },
    {
      do: 'call',
      fn: 'recordPayment',
      args: [{ roundId: '${round.id}', orderKey: payer, amount: '500', method: 'СБП', requestId: 'p1' }],
    },
    { do: 'call', fn: 'setPickedUp', args: [{ roundId: '${round.id}', orderKey: payer, pickedUp: true, requestId: 'p2' }] },
    { do: 'advance', hours: 1 },
    { do: 'call', fn: 'sendQueuedEmails' },
    { do: 'call', fn: 'refreshBuildingTabs' },
  ] as Step[];

interface Result {
  ws: Workspace;
  typed: string[];
}

function run(locale: 'ru_RU' | 'zh_CN'): Result {
  ensureBuilt();
  const timeZone = locale === 'zh_CN' ? 'Asia/Shanghai' : 'Europe/Moscow';
  const { workspace: ws } = loadBundle(DIST, { timeZone, locale, now: Date.parse(demo.options.now), mailQuota: 200 });
  const steps = demo.steps.map((s) => (s.do === 'locale' ? { ...s, locale } : s));
  const saved = runSteps(ws, steps, { line: () => undefined });
  runSteps(ws, rest('form:R1:2'), { line: () => undefined }, saved);
  return { ws, typed: typedTexts(rest('')) };
}

/** Everything the people of the demo typed themselves, longest first (so "Дом 1" goes before "Дом"). */
function typedTexts(more: Step[]): string[] {
  const texts = new Set<string>();
  const take = (v: unknown) => {
    if (typeof v === 'string' && v.trim()) texts.add(v.trim());
    else if (Array.isArray(v)) v.forEach(take);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => k !== 'lang' && take(x));
  };
  for (const s of [...demo.steps, ...more]) {
    // A catalog row's unit (column F) and chat aliases (P) are the add-on's to translate, not names.
    if (s.do === 'type') take(s.sheet === 'catalog' ? s.rows.map((r) => r.filter((_, i) => i !== 5 && i !== 15)) : s.rows);
    if (s.do === 'submit') take(s.resident);
    if (s.do === 'call' && s.fn !== 'setUpCommunity') take(s.args);
  }
  // A catalog cell holds "a, b" aliases and "x; y" pickup points; their parts are typed words too.
  for (const text of [...texts]) for (const part of text.split(/[;,]\s*/)) if (part.trim()) texts.add(part.trim());
  return [...texts].sort((a, b) => b.length - a.length);
}

/**
 * Columns that hold what the add-on keeps for itself (ids, links, keys, the raw email) rather than words.
 * One more is other work's, named so it stays visible: the Outbox's delivery state (the outbox's queue's
 * own states).
 */
const MACHINE_HEADERS =
  /^(Код|Код заказа|Товар \(код\)|ID формы|Ссылка на форму|Редактировать форму|Лист ответов|Ключ|HTML|QR-код оплаты|ID запроса|Ссылка для правки|Кто \(для переплат\)|Почта|Кому|Закупка|Текст|Очередь|编号|订单编号|商品编号|表单 ID|表单链接|编辑表单|回复表|键|付款二维码|请求 ID|修改链接|身份（用于余额）|邮箱|收件人|期数|正文|排队|Назначение платежа|付款备注码|Создал|创建人|Записал|记录人)$/;
/** Per sheet: the Rounds' item ids, the Outbox's subject (an email's copy, read with the emails) and the one above. */
const MACHINE_BY_SHEET: [RegExp, RegExp][] = [
  [/^(Закупки|团购期数)$/, /^(Товары|商品)$/],
  [/^(Письма|邮件队列)$/, /^(Тема|主题|Состояние|状态)$/],
];
const isMachine = (sheet: string, header: string) =>
  MACHINE_HEADERS.test(header) || MACHINE_BY_SHEET.some(([s, h]) => s.test(sheet) && h.test(header));

const CODE_WORDS =
  /\b(byValue|byQuantity|equal|halfUp|halfEven|latestLoseFirst|creditEarned|supplierPayment|deliveryPayment|feePayout|unpickup|thankYou|finalBill|payment|pickup|refund|credit|correction|receipt|reminder|arrived|collecting|open|closed|settled|distributed|cancelled|draft|form|chat|paper|volunteer|RUB|CNY|USD|zh-CN|true|false|TRUE|FALSE|SENT|PENDING|FAILED|null|undefined|NaN)\b/;
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
/** Latin words a Russian or Chinese reader meets in their own language's text. */
const SHARED_LATIN = /\b(INN|KPP|BIC|QR|CSV|PDF|Google|Sheets|Forms|Gmail|WeChat|Alipay|SBP|HTML|ID|OK|WhatsApp|Telegram|VK)\b/g;
const FOREIGN: Record<Lang, RegExp> = {
  ru: /[\u3400-\u9fff]|[A-Za-z]{2,}/,
  'zh-CN': /[\u0400-\u04ff]|[A-Za-z]{2,}/,
  en: /[\u0400-\u04ff\u3400-\u9fff]/,
};

/** What is left of a text once people's own words, addresses and links are taken out. */
function strip(text: string, typed: string[]): string {
  let s = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/\bR\d+(-[\w\d]+)*\b/g, ' ');
  for (const t of typed) s = s.split(t).join(' ');
  return s.replace(SHARED_LATIN, ' ');
}

function problems(text: string, lang: Lang, typed: string[]): string[] {
  const found: string[] = [];
  const left = strip(text, typed);
  const code = left.match(CODE_WORDS);
  // English text uses "open" and "payment" as words; a code there is a camelCase one or an ISO date.
  if (code && (lang !== 'en' || /[a-z][A-Z]|^[A-Z]{3}$|zh-CN/.test(code[1]))) found.push(`code "${code[1]}"`);
  if (ISO.test(left)) found.push('ISO timestamp');
  const foreign = left.match(FOREIGN[lang]);
  if (foreign) found.push(`foreign "${foreign[0]}"`);
  return found;
}

/** The language a sheet is read in: a building tab in its volunteer's, every other sheet in the community's. */
function sheetLang(name: string, community: Lang, ws: Workspace): Lang {
  const volunteers = ws.spreadsheet.sheets.find((s) => /Волонтёры|志愿者|Volunteers/.test(s.name))!;
  const { rows } = volunteers.dataExtent();
  for (let r = 2; r <= rows; r++) {
    const building = String(volunteers.read(r, 4));
    const lang = String(volunteers.read(r, 5));
    if (building && name.includes(building) && /zh|中文/.test(lang)) return 'zh-CN';
  }
  return community;
}

function workbookProblems({ ws, typed }: Result, community: Lang): string[] {
  const out: string[] = [];
  const host = ws.spreadsheet;
  for (const sheet of host.sheets) {
    // The form's response sheet is Google Forms' own, headed by the form's questions.
    if (sheet.hidden || /^(Ответы|回复|Form Responses|Sheet1)/.test(sheet.name)) continue;
    const lang = sheetLang(sheet.name, community, ws);
    const { rows, columns } = sheet.dataExtent();
    const headers = Array.from({ length: columns }, (_, c) => String(sheet.read(1, c + 1)));
    for (let c = 1; c <= columns; c++) {
      if (sheet.hiddenColumns.has(c) || isMachine(sheet.name, headers[c - 1])) continue;
      for (let r = 1; r <= rows; r++) {
        // The catalog is the coordinator's own typing; only its headings are the add-on's.
        if (r > 1 && /^(Каталог|商品目录|Catalog)$/.test(sheet.name)) continue;
        const cell = sheet.cell(r, c);
        if (!cell || cell.value === '') continue;
        const rule = sheet.validations.get(sheet.key(r, c));
        if (typeof cell.value === 'boolean' && rule?.kind === 'checkbox') continue;
        const shown = displayValue(cell, sheet.formats.get(sheet.key(r, c)), host.locale(), host.timeZone());
        for (const p of problems(shown, lang, typed))
          out.push(`${sheet.name}!${String.fromCharCode(64 + c)}${r} "${shown.slice(0, 60)}": ${p}`);
      }
    }
  }
  return out;
}

/** Each email in the language its <html lang> declares, which must be its reader's. */
function emailProblems({ ws, typed }: Result): string[] {
  const out: string[] = [];
  for (const m of ws.mail.sent) {
    const lang = (/<html lang="([^"]+)"/.exec(m.htmlBody ?? '')?.[1] ?? 'ru') as Lang;
    const html = (m.htmlBody ?? '')
      .replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ');
    for (const [part, text] of [
      ['subject', m.subject],
      ['text', m.body],
      ['html', html],
    ] as const)
      for (const line of String(text).split('\n'))
        for (const p of problems(line, lang, typed)) out.push(`${m.to} [${lang}] ${part}: "${line.trim().slice(0, 80)}": ${p}`);
  }
  return out;
}

/** The language each demo person reads in, as they chose it (Olga chose none: she reads the community's). */
const READS: Record<string, Lang> = {
  'anna@example.org': 'ru',
  'liwei@example.org': 'zh-CN',
  'alice@example.org': 'en',
  'wei@example.org': 'zh-CN',
};

describe.each([
  ['ru_RU', 'ru'],
  ['zh_CN', 'zh-CN'],
] as const)('the demo round in a %s community', (locale, community) => {
  let result: Result;
  beforeAll(() => {
    result = run(locale);
  }, 120_000);

  test('the round went all the way: bills, lists and a payment were sent and recorded', () => {
    const to = new Set(result.ws.mail.sent.map((m) => m.to));
    for (const who of Object.keys(READS)) expect(to).toContain(who);
  });

  test('every email is in its reader’s language', () => {
    for (const m of result.ws.mail.sent)
      if (READS[m.to] || m.to === 'olga@example.org')
        expect([m.to, /<html lang="([^"]+)"/.exec(m.htmlBody ?? '')?.[1]]).toEqual([m.to, READS[m.to] ?? community]);
  });

  test('no email shows an internal code or words in another language', () => {
    expect(emailProblems(result)).toEqual([]);
  });

  test('a Chinese reader’s bill says how to pay in Chinese, never the Russian text (Settings per language)', () => {
    const bills = result.ws.mail.sent.filter((m) => /您的账单|ваш счёт|your bill/.test(m.subject));
    const zh = bills.filter((m) => READS[m.to] === 'zh-CN');
    expect(zh.length).toBeGreaterThan(0);
    for (const m of zh)
      expect([m.to, m.body.includes('请转账给伊琳娜'), m.body.includes('Перевод Ирине')]).toEqual([m.to, true, false]);
    for (const m of bills.filter((b) => READS[b.to] === 'ru')) expect(m.body).toContain('Перевод Ирине');
  });

  test('the pickup time typed once in Russian reads in each reader’s words (周六 10:00–12:00, Saturday 10:00–12:00)', () => {
    const bills = result.ws.mail.sent.filter((m) => /您的账单|ваш счёт|your bill/.test(m.subject));
    const said = { ru: 'суббота 10:00–12:00', 'zh-CN': '周六 10:00–12:00', en: 'Saturday 10:00–12:00' } as const;
    for (const lang of ['ru', 'zh-CN', 'en'] as const) {
      const theirs = bills.filter((m) => READS[m.to] === lang);
      expect(theirs.length).toBeGreaterThan(0);
      for (const m of theirs) expect([m.to, m.body.includes(said[lang])]).toEqual([m.to, true]);
    }
  });

  test('the Emails screen tells what went out and when, and names who has no email', () => {
    const screen = result.ws.run<{ story: string[]; noEmailNames: string[] }>('emailsScreen', ['R1']);
    const bills = screen.story.find((l) => /итоговый счёт|最终账单/.test(l));
    // The stop came at 07:00 UTC on 22.11: 10:00 in Moscow, 15:00 in Shanghai; bills went out on the tick after.
    expect(bills).toMatch(
      community === 'ru'
        ? /^«итоговый счёт»: отправлено \d+ писем, последнее — 22\.11 в \d+:\d\d$/
        : /^“最终账单”：已发送\d+封，最近一封在11月22日 \d+:\d\d$/,
    );
    expect(screen.noEmailNames.sort()).toEqual(['Нина Петровна', '王奶奶'].sort());
  });

  test('no cell of the workbook shows an internal code or words in another language', () => {
    expect(workbookProblems(result, community)).toEqual([]);
  });
});

/** A Russian community just set up: its sheets, nothing typed in them yet. */
function russianCommunitySetUp(): Workspace {
  ensureBuilt();
  const { workspace: ws } = loadBundle(DIST, { timeZone: 'Europe/Moscow', locale: 'ru_RU', now: Date.parse(demo.options.now) });
  runSteps(
    ws,
    [
      { do: 'locale', locale: 'ru_RU' },
      { do: 'menu', fn: 'setUpCommunity' },
    ] as Step[],
    { line: () => undefined },
  );
  return ws;
}

describe('catalog mistakes are named by item and cell', () => {
  test('a row without a price or a unit, and an empty Catalog sheet', () => {
    const ws = russianCommunitySetUp();
    const empty = ws.run<{ catalogEmpty: boolean }>('roundsScreen');
    expect(empty.catalogEmpty).toBe(true);
    expect(() =>
      ws.run('createRound', [
        { title: 'Декабрь', deadline: new Date(Date.parse(demo.options.now) + 86400000).toISOString(), itemIds: [] },
      ]),
    ).toThrow('Лист «Каталог» пуст: впишите товары — код, название, единицу и цену.');
    runSteps(
      ws,
      [
        {
          do: 'type',
          sheet: 'catalog',
          rows: [
            ['RICE', 'Рис', '', '', '', 'кг', '95'],
            ['TEA', 'Чай', '', '', '', 'уп.', ''],
            ['SOAP', 'Мыло', '', '', '', '', '40'],
          ],
        },
      ] as Step[],
      { line: () => undefined },
    );
    const screen = ws.run<{ catalog: { id: string; name: string; problem: string }[] }>('roundsScreen');
    expect(screen.catalog.map((i) => [i.name, i.problem])).toEqual([
      ['Рис', ''],
      ['Чай', 'Чай: нет цены (G3)'],
      ['Мыло', 'Мыло: нет единицы измерения (кг, шт., уп.…) (F4)'],
    ]);
  });
});

describe('the Settings sheet speaks words with dropdowns', () => {
  test('yes/no is a dropdown of «да» / «нет»: "maybe" is refused as typed, «да» is read as yes', () => {
    const ws = russianCommunitySetUp();
    const sheet = ws.spreadsheet.sheet('Настройки')!;
    // remindOrdered is the fourth setting: row 5.
    expect([sheet.read(5, 1), sheet.read(5, 2)]).toEqual(['Напоминать и тем, кто заказал', 'нет']);
    expect(ws.paste(ws.owner, 'Настройки', [5, 2], [['может быть']]).ok).toBe(false);
    expect(ws.paste(ws.owner, 'Настройки', [5, 2], [['да']]).ok).toBe(true);
    const screen = ws.run<{ settings: Record<string, string> }>('settingsScreen');
    expect(screen.settings.remindOrdered).toBe('yes');
  });
});

/**
 * A Russian block with Chinese neighbours (README "The form and the community's languages"): one form,
 * every question in both languages; each email in its reader's language with that language's texts.
 */
describe('a community that speaks Russian and Chinese', () => {
  const SETTINGS = {
    languages: 'русский, китайский',
    paymentInstructions: 'Переводом по СБП на +7 900 000-00-00',
    paymentInstructionsZh: '请用微信转账给团长',
    chatRules: 'Забирать заказ до 20:00 в день выдачи',
    chatRulesZh: '请在发货当天20点前取货',
  };
  let c: Community;
  beforeAll(() => {
    c = openCommunity({
      settings: SETTINGS,
      // Oil comes in a unit the add-on does not know: named per language in the Catalog's unit columns (F, Q–S).
      before: (ws) => {
        expect(ws.paste(ws.owner, 'Каталог', [3, 6], [['флакон']]).ok).toBe(true);
        expect(ws.paste(ws.owner, 'Каталог', [3, 17], [['флакон', '瓶装', 'flask']]).ok).toBe(true);
      },
    });
    // Eggs need no box: each gets a bill whatever the oil's box does.
    submit(c, { name: 'Ван Фан', email: 'wang@example.org', lang: '中文', items: { OIL: '2', EGGS: '1' } });
    submit(c, { name: 'Анна', email: 'anna@example.org', lang: 'Русский', items: { OIL: '1', EGGS: '1' } });
  }, 120_000);
  const form = () => c.ws.forms.byId(c.formId)!;

  test('the Settings sheet and the sidebar name the languages in words, never codes', () => {
    const row = rowWhere(c.ws, 'Настройки', 'Языки сообщества');
    expect(c.ws.spreadsheet.sheet('Настройки')!.read(row, 2)).toBe('русский, китайский');
    const screen = c.ws.run<{ settings: Record<string, string> }>('settingsScreen');
    expect(screen.settings.languages).toBe('русский, китайский');
  });

  test('every question of the form is asked in both languages, with names, prices and units in each', () => {
    const titles = form().items.map((i) => i.title);
    expect(titles).toContain('Ваше имя · 您的姓名');
    expect(titles).toContain('Квартира · 房号');
    expect(titles).toContain('Рис — 95,50\u00a0₽ за кг · 大米（每公斤₽95.50）');
    expect(titles).toContain('Масло подсолнечное — 180,00\u00a0₽ за флакон · 葵花籽油（每瓶装₽180.00）');
    const rice = form().items.find((i) => i.title.startsWith('Рис'))!;
    expect(rice.helpText).toContain('кратно 0,5\u00a0кг');
    expect(rice.helpText).toContain('须为0.5公斤的整数倍');
    // Nothing a resident reads on the form is in one language only.
    for (const item of form().items)
      expect([item.title, /[\u0400-\u04ff]/.test(item.title) && /[\u3400-\u9fff]/.test(item.title)]).toEqual([item.title, true]);
  });

  test('the description and the confirmation say it in both languages, with the rules of each', () => {
    expect(form().description).toContain('Стоп заказа:');
    expect(form().description).toContain('截单时间：');
    expect(form().description).toContain('Правила сообщества: Забирать заказ до 20:00 в день выдачи');
    expect(form().description).toContain('群规：请在发货当天20点前取货');
    expect(form().confirmation).toContain('Спасибо!');
    expect(form().confirmation).toContain('谢谢！');
  });

  test('answers to the two-language questions are the order, and an edit replaces it', () => {
    const first = submit(c, { name: 'Ли Вэй', email: 'li@example.org', lang: '中文', items: { RICE: '2,5' } });
    if (!first.ok) throw new Error(`refused: ${JSON.stringify(first.errors)}`);
    c.ws.advance(HOUR);
    submit(
      c,
      { name: 'Ли Вэй', email: 'li@example.org', lang: '中文', items: { RICE: '1', OIL: '2' } },
      { edit: first.responseId },
    );
    const mine = orderRows(c.ws).filter((r) => r.email === 'li@example.org');
    expect(mine.map((r) => [r.item, r.quantity]).sort()).toEqual([
      ['OIL', 2],
      ['RICE', 1],
    ]);
  });

  test('a Chinese reader gets the Chinese rules and unit, a Russian reader the Russian ones', () => {
    const receipt = (to: string) => c.ws.mail.sent.filter((m) => m.to === to).at(-1)!;
    expect(receipt('wang@example.org').body).toContain('群规：请在发货当天20点前取货');
    expect(receipt('wang@example.org').body).toContain('2瓶装');
    expect(receipt('wang@example.org').body).not.toContain('Забирать');
    expect(receipt('anna@example.org').body).toContain('Правила сообщества: Забирать заказ до 20:00 в день выдачи');
    expect(receipt('anna@example.org').body).toContain('1\u00a0флакон');
  });

  test('the final bill of a Chinese reader says how to pay in Chinese, never the Russian text', () => {
    yes(c.ws, 'closeRound', [c.roundId]);
    c.ws.run('sendQueuedEmails');
    const bill = (to: string) => c.ws.mail.sent.filter((m) => m.to === to && /您的账单|ваш счёт/.test(m.subject)).at(-1)!;
    const zh = bill('wang@example.org');
    expect(zh.body).toContain('请用微信转账给团长');
    expect(zh.body).not.toContain('СБП');
    expect(bill('anna@example.org').body).toContain('Переводом по СБП на +7 900 000-00-00');
    expect(bill('anna@example.org').body).not.toContain('微信');
  });

  test('the closed form tells residents in both languages', () => {
    // The round was closed by the test above; a resident opening the link reads the form's closed message.
    expect(form().accepting).toBe(false);
    expect(form().closedMessage).toContain('Приём заказов в эту закупку закрыт.');
    expect(form().closedMessage).toContain('本期团购已截单。');
  });

  test('a language the add-on does not know is refused, naming it, and nothing is saved', () => {
    expect(() => c.ws.run('saveSettings', [{ settings: { ...SETTINGS, languages: 'русский, клингонский' } }])).toThrow(
      '«клингонский» — язык, которого дополнение не знает. Перечислите через запятую: русский, китайский, английский.',
    );
    const row = rowWhere(c.ws, 'Настройки', 'Языки сообщества');
    expect(c.ws.spreadsheet.sheet('Настройки')!.read(row, 2)).toBe('русский, китайский');
  });
});

describe('a two-language community’s form closed by the hourly tick of a published add-on', () => {
  test('the tick, working from its plan without the spreadsheet, closes the form with both languages’ message', () => {
    const c = openCommunity({ deployment: 'addon', deadlineInHours: 2, settings: { languages: 'русский, китайский' } });
    c.ws.advance(3 * HOUR);
    const form = c.ws.forms.byId(c.formId)!;
    expect(form.accepting).toBe(false);
    expect(form.closedMessage).toContain('Приём заказов в эту закупку закрыт.');
    expect(form.closedMessage).toContain('本期团购已截单。');
  });
});

describe('a community of one language', () => {
  test('its form is in that language alone, as before', () => {
    const c = openCommunity();
    const titles = c.ws.forms.byId(c.formId)!.items.map((i) => i.title);
    expect(titles).toContain('Ваше имя');
    expect(titles).toContain('Рис — 95,50\u00a0₽ за кг');
    expect(titles.some((t) => /[\u3400-\u9fff]/.test(t))).toBe(false);
  });
});

describe('the volunteer’s order form', () => {
  test('says what may be ordered of each item as a sentence, in the volunteer’s words', () => {
    const c = openCommunity();
    const screen = c.ws.run<{ items: { id: string; unit: string; hint: string }[] }>('offlineScreen', [c.roundId]);
    const rice = screen.items.find((i) => i.id === 'RICE')!;
    expect(rice.hint).toBe(
      'кратно 0,5\u00a0кг · продаётся коробками по 25\u00a0кг · не больше 10\u00a0кг в одни руки вместе с допуском',
    );
    expect(screen.items.find((i) => i.id === 'EGGS')!.hint).toBe('не больше 3\u00a0дес. в одни руки');
  });
});

describe('a languages row typed by hand', () => {
  test('a word that is no language is left out of the form, and opening the round says which', () => {
    const c = openCommunity({
      before: (ws) => {
        const row = rowWhere(ws, 'Настройки', 'Языки сообщества');
        expect(ws.paste(ws.owner, 'Настройки', [row, 2], [['русский, эльфийский, китайский']]).ok).toBe(true);
      },
    });
    const reopened = c.ws.run<{ warning?: string }>('openRound', [c.roundId]);
    expect(reopened.warning).toContain('«эльфийский» — язык, которого дополнение не знает');
    const titles = c.ws.forms.byId(c.snapshot().formId)!.items.map((i) => i.title);
    expect(titles).toContain('Ваше имя · 您的姓名');
  });
});

function rowWhere(ws: Workspace, sheet: string, key: string): number {
  const s = ws.spreadsheet.sheet(sheet)!;
  for (let r = 2; r <= s.dataExtent().rows; r++) if (s.read(r, 1) === key) return r;
  throw new Error(`no row ${key} in ${sheet}`);
}
