/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FrameLocator, Page } from 'playwright-core';
import { ROOT } from '../harness/bundle';
import { Session, actAs, menu, openSidebarTab, sheet, start, stop } from './harness';

/**
 * Chats and paper (issue 17) in the browser: a 接龙 pasted into the sidebar, an ambiguous line fixed, the
 * orders in the tally; the messages copied from the sandboxed frame; a paper slip typed in at typing
 * speed; the slips printed to PDF by Chromium. Screenshots of the chat screens land in test-results/.
 */
const RESULTS = join(ROOT, 'test-results');
let s: Session;

const RU_PASTE = [
  'Ноябрьская закупка — пишемся тут',
  '1. Дом 1, кв. 5, Анна: гречка 2, молоко 1',
  '2. Дом 2, кв. 12, Борис: яйца 2',
  '3. Дом 3, кв. 7, Вера: крупа 2',
  'Спасибо!',
].join('\n');

const ZH_PASTE = ['#接龙', '1. 3号楼502 王阿姨 牛奶2 鸡蛋1', '2. 1号楼 12室 李老师 荞麦1', '3. 2号楼301 张 米2', '谢谢团长'].join(
  '\n',
);

type Surface = Page | FrameLocator;

/** Waits until a condition about the page holds (a textarea's value is not text Playwright can wait for). */
async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
  throw new Error(`still not so after ${ms} ms: ${check.toString()}`);
}

/** The sidebar page served on its own, at a phone's or a narrow window's size. */
async function sidebarAlone(viewport: { width: number; height: number }): Promise<Page> {
  const src = await s.page.locator('[data-testid=sidebar]').getAttribute('src');
  const page = await s.browser.newPage({ viewport });
  page.on('pageerror', (e) => s.errors.push(e.message));
  await page.goto(new URL(src!, s.launched.url).href);
  await page.locator('#screen[aria-busy="false"]').waitFor();
  return page;
}

async function tab(on: Surface, name: string): Promise<void> {
  await on.getByRole('tab', { name }).click();
  await on.locator('#screen[aria-busy="false"]').waitFor();
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: false });
}

afterEach(() => expect(s.errors).toEqual([]));

describe('a 接龙 pasted into the sidebar becomes orders', () => {
  beforeAll(async () => {
    s = await start();
    await actAs(s, s.launched.playground.ws.owner, 'ru_RU');
    await menu(s, 'Открыть панель организатора');
  });
  afterAll(async () => stop(s, 'chat-import-ru-after'));

  test('paste, fix the ambiguous line, import, and the tally counts the three neighbours', async () => {
    let side = await openSidebarTab(s, 'Итоги');
    const before = Number(
      (
        await side
          .getByText(/участник/)
          .first()
          .textContent()
      )?.match(/\d+/)?.[0],
    );

    side = await openSidebarTab(s, 'Из чата');
    await side.getByLabel('Текст из чата').fill(RU_PASTE);
    await side.getByRole('button', { name: 'Разобрать' }).click();
    await side.getByText('Понятно: 2. Проверьте: 1. Не понято: 0. Уже внесено: 0.').waitFor();
    expect(await side.locator('.chat-line').count()).toBe(5);
    const vera = side.locator('[data-line="4"]');
    await vera.getByText('«крупа» может означать: Рис длиннозёрный, Гречка.').waitFor();
    expect(await vera.getByRole('checkbox').isChecked()).toBe(false);
    await vera.getByLabel('Товар: крупа').selectOption({ label: 'Гречка, кг' });
    await vera.getByLabel('Количество: крупа').fill('2');
    expect(await vera.getByRole('checkbox').isChecked()).toBe(true);
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await shot(s.page, 'chat-import-ru-1366');

    await side.getByRole('button', { name: 'Внести отмеченные строки: 3' }).click();
    await side.getByText('Внесено: новых 3, изменено 0, отменено 0; без изменений 0.').waitFor();
    await side.getByText('Понятно: 2. Проверьте: 1. Не понято: 0. Уже внесено: 2.').waitFor();

    const orders = (await sheet(s, 'Заказы')).values.filter((r) => r[2] === 'из чата');
    expect(orders.map((r) => [r[7], r[10], r[15], r[17]])).toEqual([
      ['Анна', 'Дом 1', 'BUCK', '2'],
      ['Анна', 'Дом 1', 'MILK', '1'],
      ['Борис', 'Дом 2', 'EGGS', '2'],
      ['Вера', 'Дом 3', 'BUCK', '2'],
    ]);
    side = await openSidebarTab(s, 'Итоги');
    await side
      .getByText(`${before + 3} участник`, { exact: false })
      .first()
      .waitFor();
  });

  test('the review at a phone width and in a 300 px sidebar: nothing cut, text at least 13 px', async () => {
    const phone = await sidebarAlone({ width: 390, height: 844 });
    await tab(phone, 'Из чата');
    await phone.getByLabel('Текст из чата').fill(RU_PASTE);
    await phone.getByRole('button', { name: 'Разобрать' }).click();
    await phone.locator('[data-line="4"]').scrollIntoViewIfNeeded();
    await shot(phone, 'chat-import-ru-390');
    const overflow = await phone.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#screen *')]
        .filter((e) => e.getBoundingClientRect().right > document.body.getBoundingClientRect().right + 1)
        .map((e) => e.tagName + '.' + e.className),
    );
    expect(overflow).toEqual([]);
    const small = await phone.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#screen *')]
        .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 13)
        .map((e) => `${e.tagName}: ${e.textContent}`),
    );
    expect(small).toEqual([]);
    await phone.close();
  });
});

/** Reads the text the last copy put on the system clipboard (the top page may read it; the sidebar may not). */
async function clipboardText(): Promise<string> {
  await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.launched.url });
  return s.page.evaluate(() => navigator.clipboard.readText());
}

describe('messages for the chats, copied from the sandboxed sidebar', () => {
  beforeAll(async () => {
    s = await start();
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await actAs(s, s.launched.playground.ws.owner, 'ru_RU');
    await menu(s, 'Открыть панель организатора');
  });
  afterAll(async () => stop(s, 'chat-messages-after'));

  test('the announcement in Russian: Copy works though the frame may not use the Clipboard API', async () => {
    const side = await openSidebarTab(s, 'Сообщения');
    const card = side.locator('.card[data-kind="announcement"]');
    const text = await card.getByRole('textbox').inputValue();
    expect(text).toMatch(/^📣 Ноябрьская закупка\n⏰ Стоп: вс, 22 ноября 2026, 10:00 \(МСК\)/);
    await shot(s.page, 'chat-messages-ru-1366');
    // The frame's permissions policy blocks navigator.clipboard; the fallback copies the selection.
    const frame = s.page.frames().find((f) => f.url().includes('/page/'))!;
    expect(
      await frame.evaluate(() =>
        navigator.clipboard.writeText('x').then(
          () => 'allowed',
          (e: Error) => e.name,
        ),
      ),
    ).toBe('NotAllowedError');
    await card.getByRole('button', { name: 'Скопировать' }).click();
    await card.getByText('Скопировано — вставьте в чат.').waitFor();
    expect(await clipboardText()).toBe(text);
  });

  test('when the browser refuses every way to copy, the text is selected and the coordinator is told to press Ctrl+C', async () => {
    const side = await openSidebarTab(s, 'Сообщения');
    const frame = s.page.frames().find((f) => f.url().includes('/page/'))!;
    await frame.evaluate(() => (document.execCommand = () => false));
    const card = side.locator('.card[data-kind="lastCall"]');
    await card.getByRole('button', { name: 'Скопировать' }).click();
    await card.getByText('Текст выделен — нажмите Ctrl+C (на Mac — ⌘C), чтобы скопировать.').waitFor();
    const selection = await frame.evaluate(() => {
      const a = document.activeElement as HTMLTextAreaElement;
      return [a.tagName, a.selectionStart, a.selectionEnd === a.value.length];
    });
    expect(selection).toEqual(['TEXTAREA', 0, true]);
  });

  test('in Chinese: the language and emoji choices re-render the texts', async () => {
    const side = await openSidebarTab(s, 'Сообщения');
    const announcement = side.locator('.card[data-kind="announcement"] textarea');
    await side.getByLabel('Язык сообщений').selectOption('zh-CN');
    await until(async () => (await announcement.inputValue()).includes('⏰ 截单时间：2026年11月22日（周日）10:00（莫斯科时间）'));
    await side.getByLabel('Эмодзи в начале строк').uncheck();
    await until(async () => (await announcement.inputValue()).startsWith('Ноябрьская закупка\n截单时间：'));
    expect(await announcement.inputValue()).toContain('• 长粒米：₽95.50/公斤；每份0.5公斤；每箱25公斤；每人限购10公斤');
  });

  test('the screens in Chinese at 1366×768 and 390×844', async () => {
    await actAs(s, s.launched.playground.ws.owner, 'zh_CN');
    await menu(s, '打开团长面板');
    let side = await openSidebarTab(s, '群消息');
    await side.locator('.card[data-kind="announcement"] textarea').waitFor();
    await shot(s.page, 'chat-messages-zh-1366');
    side = await openSidebarTab(s, '导入接龙');
    await side.getByLabel('聊天内容').fill(ZH_PASTE);
    await side.getByRole('button', { name: '识别' }).click();
    await side.getByText(/已识别：\d+。/).waitFor();
    await side.locator('[data-line="2"]').scrollIntoViewIfNeeded();
    await shot(s.page, 'chat-import-zh-1366');
    for (const [screen, name] of [
      ['群消息', 'chat-messages-zh-390'],
      ['导入接龙', 'chat-import-zh-390'],
    ]) {
      const phone = await sidebarAlone({ width: 390, height: 844 });
      await tab(phone, screen);
      if (screen === '导入接龙') {
        await phone.getByLabel('聊天内容').fill(ZH_PASTE);
        await phone.getByRole('button', { name: '识别' }).click();
        await phone.getByText(/已识别：\d+。/).waitFor();
      }
      await shot(phone, name);
      await phone.close();
    }
    await actAs(s, s.launched.playground.ws.owner, 'ru_RU');
    await menu(s, 'Открыть панель организатора');
    const phone = await sidebarAlone({ width: 390, height: 844 });
    await tab(phone, 'Сообщения');
    await shot(phone, 'chat-messages-ru-390');
    await phone.close();
  });
});

describe('paper slips: printed for a door-to-door round, typed back in at typing speed', () => {
  beforeAll(async () => {
    s = await start();
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await actAs(s, 'olga@example.org', 'ru_RU');
    await menu(s, 'Открыть панель организатора');
  });
  afterAll(async () => stop(s, 'paper-slips-after'));

  test('Chromium prints the slips to A4: two a page for 15 items, every item with its price and unit, her building filled in', async () => {
    const side = await openSidebarTab(s, 'Заказ за соседа');
    await side.getByRole('button', { name: 'Бланки для печати' }).click();
    await s.page.locator('#dialog:not([hidden])').waitFor();
    const src = await s.page.locator('#dialog-frame').getAttribute('src');
    const print = await s.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await print.goto(new URL(src!, s.launched.url).href);
    await print.locator('body[data-ready="true"]').waitFor();
    expect(await print.locator('.slip').count()).toBe(6);
    await shot(print, 'order-slips-screen');
    const dir = join(RESULTS, 'order-slips');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pdf = join(dir, 'slips.pdf');
    await print.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    await print.close();
    await s.page.locator('#dialog-close').click();

    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      expect(page.match(/Ноябрьская закупка/g)).toHaveLength(2);
      for (const words of [
        'Рис длиннозёрный',
        '95,50 ₽ за кг',
        'Бумага туалетная',
        '320,00 ₽ за уп.',
        'Стоп: вс, 22 ноября 2026, 10:00 (МСК)',
        'Дом 1',
        'Впишите количество в клетку.',
      ])
        expect([words, page.includes(words)]).toEqual([words, true]);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(3);
  });

  test('Tab follows the slip, Enter saves it as a paper order and starts the next with the building kept', async () => {
    const side = await openSidebarTab(s, 'Заказ за соседа');
    const frame = s.page.frames().find((f) => f.url().includes('/page/'))!;
    const focused = () =>
      frame.evaluate(() => {
        const a = document.activeElement as HTMLInputElement;
        return a.labels?.[0]?.textContent || a.getAttribute('aria-label') || a.tagName;
      });
    await side.getByLabel('С бумажного бланка').check();
    await side.getByLabel('Имя', { exact: true }).focus();
    await s.page.keyboard.type('Клавдия Ивановна');
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await s.page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['Дом / подъезд', 'Квартира', 'Телефон', 'Рис длиннозёрный, кг', 'Гречка, кг']);
    await side.getByLabel('Дом / подъезд').selectOption('Дом 1');
    await side.getByLabel('Квартира').fill('4');
    await side.getByLabel('Рис длиннозёрный, кг').fill('2');
    await side.getByLabel('Гречка, кг').fill('1,5');
    await side.getByLabel('Гречка, кг').press('Enter');
    const saved = side.locator('form .notice.ok');
    await saved.getByText('Сохранено: Клавдия Ивановна. Следующий бланк.').waitFor();
    // The message sits right under the Save button, where the volunteer is looking.
    const [button, message] = await Promise.all([
      side.getByRole('button', { name: 'Сохранить заказ' }).boundingBox(),
      saved.boundingBox(),
    ]);
    expect(message!.y - (button!.y + button!.height)).toBeLessThan(24);
    expect(await focused()).toBe('Имя');
    expect(await side.getByLabel('Имя', { exact: true }).inputValue()).toBe('');
    expect(await side.getByLabel('Дом / подъезд').inputValue()).toBe('Дом 1');
    expect(await side.getByLabel('Рис длиннозёрный, кг').inputValue()).toBe('');
    await side.getByRole('button', { name: 'Сохранить заказ' }).scrollIntoViewIfNeeded();
    await shot(s.page, 'paper-slip-typed-ru-1366');

    await s.page.keyboard.type('Нина Петровна');
    await side.getByLabel('Яйца С1, дес.').fill('1');
    await side.getByLabel('Яйца С1, дес.').press('Enter');
    await side.getByText('Сохранено: Нина Петровна. Следующий бланк.').waitFor();
    const rows = (await sheet(s, 'Заказы')).values.filter((r) => r[2] === 'бумажный бланк');
    expect(rows.map((r) => [r[7], r[10], r[11], r[15], r[17], r[14]])).toEqual([
      ['Клавдия Ивановна', 'Дом 1', '4', 'BUCK', '1,5', 'olga@example.org'],
      ['Клавдия Ивановна', 'Дом 1', '4', 'RICE', '2', 'olga@example.org'],
      ['Нина Петровна', 'Дом 1', '', 'EGGS', '1', 'olga@example.org'],
    ]);
  });
});
