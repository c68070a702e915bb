import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/bundle';
import { Locator } from 'playwright-core';
import { Session, actAs, menu, openSidebarTab, sheet, sidebar, start, stop } from './harness';

/**
 * The money screens in a real browser: receiving (supplier file, what arrived, check, confirm), a
 * payment typed as it was copied from a bill in Russian, Chinese and English, and screenshots of the
 * new screens in Russian and Chinese at a laptop's and a phone's size.
 */
let s: Session;
const RESULTS = join(ROOT, 'test-results');

afterEach(() => {
  expect(s.errors).toEqual([]);
});

/** Screenshots at a laptop's and a phone's size, the sidebar scrolled to what the step is about. */
async function shoot(name: string, focus?: Locator): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ]) {
    await s.page.setViewportSize({ width: w, height: h });
    await s.page.waitForTimeout(200);
    if (focus) await focus.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await s.page.screenshot({ path: join(RESULTS, `${name}-${w}x${h}.png`) });
  }
  await s.page.setViewportSize({ width: 1400, height: 900 });
}

async function owner(): Promise<string> {
  const state = (await (await fetch(`${s.launched.url}api/state`)).json()) as { users: string[] };
  return state.users[0];
}

async function closeDemoRound(panel: string, roundsTab: string, closeLabel: string): Promise<void> {
  await menu(s, panel);
  const side = await openSidebarTab(s, roundsTab);
  await side.getByRole('button', { name: closeLabel }).first().click();
  // Closing early asks first ("Закрыть закупку … и разослать N итоговых счетов?"): the answer is yes.
  await side.getByRole('alertdialog').getByRole('button').first().click();
  await side.locator('#screen[aria-busy="false"]').waitFor();
  await s.page.waitForTimeout(300);
}

describe('receiving through the sidebar', () => {
  beforeAll(async () => (s = await start()));
  afterAll(async () => stop(s, 'receiving-ru'));

  test('supplier file in Russian conventions, then fewer eggs than bought: check shows whom it emails, confirm records it', async () => {
    await closeDemoRound('Открыть панель организатора', 'Закупки', 'Стоп сейчас');
    let side = await openSidebarTab(s, 'Приёмка');
    await side.getByText('Сначала сформируйте заказ поставщику').waitFor();
    await side.getByRole('button', { name: 'Сформировать заказ поставщику' }).click();
    const link = side.getByRole('link', { name: /Скачать файл CSV/ });
    await link.waitFor();
    const downloading = s.page.waitForEvent('download');
    await link.click();
    const file = await downloading;
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffПоставщик;Артикул;Товар;Ед. изм.;Коробок;Количество;Цена;Сумма');
    expect(file.suggestedFilename()).toMatch(/^R1-.*\.csv$/);
    await side.getByText(/тот же заказ есть на листе «R1 · Заказ поставщику»/).waitFor();

    // The receiving form appears under the order: one field per item bought, as the coordinator types numbers.
    const eggs = side.getByLabel(/^Яйца С1: привезли/);
    const bought = await eggs.inputValue();
    const less = String(Number(bought.replace(',', '.')) - 1).replace('.', ',');
    await eggs.fill(less);
    await side.getByRole('button', { name: 'Проверить, что изменится' }).click();
    await side.getByText(/Яйца С1: не хватает 1\u00a0дес\./).waitFor();
    await side.getByText(/письм(о|а) получ/).waitFor();
    await shoot('receiving-check-ru', side.locator('.plan'));
    await side.getByRole('button', { name: /^Подтвердить и написать/ }).click();
    side = sidebar(s);
    await side
      .locator('[data-flash="receive"]')
      .getByText(/Записано: товар приехал\. В очереди \d+ пис/)
      .waitFor();
    await shoot('receiving-done-ru', side.locator('[data-flash="receive"]'));
    const tally = await sheet(s, 'R1 · Итоги');
    const header = tally.values[0];
    const row = tally.values.find((r) => r[1] === 'Яйца С1')!;
    expect(row[header.indexOf('Получено')]).toBe(less);
  });

  test('the money screen in Russian: what the round owes out, refunds, settling checked first', async () => {
    const side = await openSidebarTab(s, 'Касса');
    await side.getByRole('heading', { name: 'Оплата поставщику' }).waitFor();
    await side.getByRole('button', { name: 'Рассчитать…' }).click();
    await side.getByText('После расчёта закупку уже не изменить.').waitFor();
    await shoot('money-ru', side.getByText('После расчёта закупку уже не изменить.'));
    await side.getByRole('button', { name: 'Рассчитать', exact: true }).click();
    // Settled: the thank-you for the chat (with a copy button) and erasing personal data, checked first.
    const settled = sidebar(s);
    await settled.locator('[data-flash="thanks"]').getByText('Закупка рассчитана.').waitFor();
    expect(await settled.getByLabel('Для чата').inputValue()).toMatch(/^Ноябрьская закупка: спасибо, соседи!\n• \d+ сосед/);
    await settled.getByRole('button', { name: 'Скопировать' }).click();
    await settled.getByText('Скопировано.').waitFor();
    await settled.getByRole('button', { name: 'Удалить…' }).click();
    await settled.getByText(/Будут удалены имена, почта, телефоны/).waitFor();
    await shoot('money-settled-ru', settled.getByText(/Будут удалены имена/));
  });

  test('the statement screen in Russian reads pasted lines', async () => {
    const side = await openSidebarTab(s, 'Выписка');
    await side
      .getByLabel(/Вставьте строки выписки/)
      .fill('Перевод по СБП от Анна +500,00 ₽. Сообщение: за рис\nСписание 1 200,00 ₽');
    await side.getByRole('button', { name: 'Разобрать и сверить' }).click();
    await side.getByText('Деньги ушли, это не оплата счёта.').or(side.locator('.line.unknown').first()).first().waitFor();
    await shoot('statement-ru');
  });
});

describe('the new screens in Chinese', () => {
  beforeAll(async () => (s = await start()));
  afterAll(async () => stop(s, 'money-zh'));

  test('receiving, money and statement read in Chinese at 300 px, nothing cut', async () => {
    await actAs(s, await owner(), 'zh_CN');
    await closeDemoRound('打开团长面板', '团购', '立即截单');
    let side = await openSidebarTab(s, '到货');
    await side.getByRole('button', { name: '生成供应商订单' }).click();
    await side.getByLabel(/^鸡蛋：实到/).waitFor();
    await side.getByRole('button', { name: '查看会有什么变化' }).click();
    await side.getByText(/将给\d+人发邮件/).waitFor();
    await shoot('receiving-zh', side.locator('.plan'));
    side = await openSidebarTab(s, '收支');
    await side.getByRole('heading', { name: '付款给供应商' }).waitFor();
    await shoot('money-zh');
    side = await openSidebarTab(s, '对账');
    await side.getByLabel(/粘贴账单内容/).fill('收款 +500.00 ₽ 来自 李伟 备注：R1-2-20\n收款 +300.00 ₽ 来自 王*');
    await side.getByRole('button', { name: '识别并核对' }).click();
    await side.locator('.line').first().waitFor();
    await shoot('statement-zh');
    // Nothing wider than the panel: every element fits in the 300 px frame.
    const overflow = await sidebar(s)
      .locator('#screen *')
      .evaluateAll(
        (els: { getBoundingClientRect(): { right: number } }[]) =>
          els.filter((e) => e.getBoundingClientRect().right > 301).length,
      );
    expect(overflow).toBe(0);
  });
});

describe('a payment typed as copied from a bill, in each language', () => {
  beforeAll(async () => (s = await start()));
  afterAll(async () => stop(s, 'payments-three-languages'));

  const BILL: Record<
    string,
    { locale: string; panel: string; tab: string; pay: string; recorded: string; zero: string; subject: RegExp }
  > = {
    ru: {
      locale: 'ru_RU',
      panel: 'Открыть панель организатора',
      tab: 'Участники',
      pay: 'Записать оплату',
      recorded: 'оплата записана',
      zero: '0,00\u00a0₽',
      subject: /: ваш счёт, (.+)$/,
    },
    zh: {
      locale: 'zh_CN',
      panel: '打开团长面板',
      tab: '居民',
      pay: '登记付款',
      recorded: '付款已登记',
      zero: '₽0.00',
      subject: /：您的账单，应付(.+)$/,
    },
    en: {
      locale: 'en_US',
      panel: 'Open coordinator panel',
      tab: 'Participants',
      pay: 'Record payment',
      recorded: 'payment recorded',
      zero: '₽0.00',
      subject: /: your bill, (.+)$/,
    },
  };

  test('"1 234,50 ₽", "₽1,234.50": each paid in full', async () => {
    await closeDemoRound('Открыть панель организатора', 'Закупки', 'Стоп сейчас');
    await fetch(`${s.launched.url}api/run`, { method: 'POST', body: JSON.stringify({ fn: 'sendQueuedEmails', args: [] }) });
    const outbox = (await (await fetch(`${s.launched.url}api/outbox`)).json()) as {
      sent: { i: number; to: string; subject: string }[];
    };
    const me = await owner();
    for (const [lang, b] of Object.entries(BILL)) {
      const bill = outbox.sent.find((m) => b.subject.test(m.subject))!;
      const due = b.subject.exec(bill.subject)![1];
      const text = await (await fetch(`${s.launched.url}mail/${bill.i}.txt`)).text();
      const name =
        lang === 'zh'
          ? text.split('，')[0]
          : text
              .split('\n')[0]
              .replace(/^(Здравствуйте|Hello), /, '')
              .replace(/!$/, '');
      await actAs(s, me, b.locale);
      await menu(s, b.panel);
      const side = await openSidebarTab(s, b.tab);
      const card = side.locator('.person', { hasText: name });
      await card.locator('.pay input').first().fill(due);
      await card.getByRole('button', { name: b.pay }).click();
      await side.getByText(`${name}${lang === 'zh' ? '：' : ': '}${b.recorded}`).waitFor();
      await card.locator('.money').getByText(b.zero, { exact: true }).waitFor();
    }
  });
});
