import { FrameLocator, Locator } from 'playwright-core';
import { Session, actAs, menu, openSidebarTab, run, runConfirmed, sheet, snapshot, start, stop } from './harness';

/**
 * Building volunteers, in the browser: their own sidebar ("My building"), and the phone — the Google
 * Sheets mobile app at 390 × 844, which runs no add-on, where they tick pickups and type a neighbour's
 * order into their building's tab (the edit trigger does the rest).
 */

let s: Session;
afterEach(() => expect(s.errors).toEqual([]));

/** The demo after its stop: R1 being handed out, R2 open for orders, the buildings' tabs written. */
async function handingOut(): Promise<void> {
  await runConfirmed(s, 'closeRound', ['R1'], 1);
  const deadline = new Date(Date.parse('2026-11-20T07:00:00Z') + 96 * 3600_000).toISOString();
  const next = await run<{ id: string }>(s, 'createRound', [
    { title: 'Декабрь', deadline, itemIds: ['BUCK', 'EGGS', 'TEA'], pickupTime: 'вс 12:00' },
  ]);
  await run(s, 'openRound', [next.id]);
  await run(s, 'refreshBuildingTabs');
}

function phone(): Locator {
  return s.page.getByTestId('phone');
}

async function openPhone(tab: string): Promise<Locator> {
  await s.page.getByRole('button', { name: 'Phone' }).click();
  await phone().getByRole('tab', { name: tab }).click();
  await phone().getByTestId('phone-grid').waitFor();
  return phone();
}

/** The first blank row of a tab's "neighbours' orders" area (read from the sheet itself). */
async function blankEntryRow(tab: string): Promise<number> {
  const { values } = await sheet(s, tab);
  const at = values.findIndex((r) => String(r[9]).startsWith('new|') && !r[0] && !r[1] && !r[2]);
  if (at < 0) throw new Error('no blank entry row');
  return at + 1;
}

/** Types into a cell on the phone: tap it, type in the edit bar, tick ✓. */
async function typeCell(cell: string, value: string, pick = false): Promise<void> {
  await phone().locator(`td[data-cell="${cell}"]`).click();
  const bar = phone().locator('.phone-edit');
  if (pick) await bar.locator('select').selectOption(value);
  else await bar.locator('input').fill(value);
  await bar.getByRole('button', { name: '✓' }).click();
  await phone().locator('.phone-note').waitFor();
}

async function journalKinds(): Promise<string[][]> {
  return (await sheet(s, 'Касса')).values.slice(1).map((r) => [r[1], r[5], r[8]]);
}

describe('a volunteer in Russian', () => {
  beforeAll(async () => {
    s = await start();
    await handingOut();
  });
  afterAll(async () => stop(s, 'volunteer-ru-end'));

  test('the sidebar shows "My building": its residents, pickups and payments — not rounds or settings', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await actAs(s, 'olga@example.org', 'ru_RU');
    await menu(s, 'Открыть панель организатора');
    const side = await openSidebarTab(s, 'Мой дом');
    // Their building's chat and the messages to post there are theirs too; rounds, money and settings are not.
    expect(await side.getByRole('tab').allTextContents()).toEqual([
      'Мой дом',
      'Заказ за соседа',
      'Из чата',
      'Сообщения',
      'Жалобы',
    ]);
    await side.getByText('С телефона: откройте эту таблицу в приложении Google Таблицы, вкладку 🏠 Дом 1').waitFor();
    const names = await side.locator('.person .title').allTextContents();
    expect(names.map((n) => n.split(' · ')[0]).sort()).toEqual(['Alice', 'Анна', '张敏']);
    const anna = side.locator('.person', { hasText: 'Анна' });
    await anna.getByRole('checkbox').check();
    // The message is on Анна's card, next to what was pressed.
    await anna.getByText('Анна: выдано.').waitFor();
    await anna.getByRole('button', { name: 'Записать оплату' }).click();
    await anna.getByText('Анна: оплата записана.').waitFor();
    await side.getByText('Выдано: 1 из 3').waitFor();
    await snapshot(s, 'volunteer-sidebar-ru-1366x768', { width: 1366, height: 768 });
    // Her printable list holds her building only.
    await side.getByRole('button', { name: 'Распечатать мой список' }).click();
    const print = s.page.frameLocator('#dialog-frame');
    await print.getByText('Анна').first().waitFor();
    expect(await print.getByText('Борис').count()).toBe(0);
    await s.page.locator('#dialog-close').click();
  });

  test("a neighbour's order from the sidebar: the form clears, and the same order again asks first", async () => {
    let side = await openSidebarTab(s, 'Заказ за соседа');
    await side.getByLabel('Закупка').selectOption('R2');
    side = await openSidebarTab(s, 'Заказ за соседа');
    const fill = async () => {
      await side.getByLabel('Имя', { exact: true }).fill('Клавдия Ивановна');
      await side.getByLabel('Квартира').fill('4');
      await side.getByLabel('Гречка, кг').fill('2');
      await side.getByRole('button', { name: 'Сохранить заказ' }).click();
    };
    await fill();
    await side.getByText('Заказ сохранён: Клавдия Ивановна.').waitFor();
    expect(await side.getByLabel('Дом / подъезд').inputValue()).toBe('Дом 1');
    await fill();
    await side.getByText(/^Клавдия Ивановна: такой же заказ уже сохранён \d+ минут/).waitFor();
    await snapshot(s, 'volunteer-again-ru-1366x768', { width: 1366, height: 768 });
    await side.getByRole('button', { name: 'Нет' }).click();
    const orders = (await sheet(s, 'Заказы')).values.filter((r) => r.includes('Клавдия Ивановна'));
    expect(orders).toHaveLength(1);
  });

  test('the phone at 390 × 844: ticking a pickup and typing an order in the building’s tab', async () => {
    await s.page.setViewportSize({ width: 390, height: 844 });
    await openPhone('🏠 Дом 1');
    // No add-on on a phone: no sidebar, no menu.
    expect(await s.page.locator('aside#panel').isVisible()).toBe(false);
    const alice = phone().locator('tr', { hasText: 'Alice' });
    await alice.getByRole('checkbox').first().check();
    await alice.getByText(/^✓ \d+:\d\d выдано$/).waitFor();
    expect((await journalKinds()).filter((j) => j[1] === 'выдано')).toEqual([
      ['R1', 'выдано', 'olga@example.org'],
      ['R1', 'выдано', 'волонтёр: Дом 1'],
    ]);
    const row = await blankEntryRow('🏠 Дом 1');
    await typeCell(`A${row}`, '9');
    await typeCell(`B${row}`, 'Зинаида Павловна');
    await typeCell(`C${row}`, 'Гречка', true);
    await typeCell(`D${row}`, '1,5');
    await phone()
      .getByText(/^✓ Сохранено в \d+:\d\d: 1 товар\.$/)
      .waitFor();
    const order = (await sheet(s, 'Заказы')).values.filter((r) => r.includes('Зинаида Павловна'));
    expect(order.map((r) => [r[0], r[15], r[17], r[14], r[10]])).toEqual([['R2', 'BUCK', '1,5', 'волонтёр: Дом 1', 'Дом 1']]);
    await snapshot(s, 'phone-ru-390x844', { width: 390, height: 844 });
  });

  test('on the phone, another building’s tab is protected: Sheets refuses the tick', async () => {
    await openPhone('🏠 Дом 2');
    await phone().locator('tr', { hasText: 'Борис' }).getByRole('checkbox').first().check();
    await phone().getByRole('alert').filter({ hasText: 'protected cell' }).waitFor();
    expect((await journalKinds()).filter((j) => j[1] === 'выдано')).toHaveLength(2);
  });
});

describe('a volunteer in Chinese', () => {
  beforeAll(async () => {
    s = await start();
    await handingOut();
  });
  afterAll(async () => stop(s, 'volunteer-zh-end'));

  test('"我的楼组" in the sidebar and the tab on the phone, both in Chinese', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await actAs(s, 'wei@example.org', 'zh_CN');
    await menu(s, '打开团长面板');
    const side: FrameLocator = await openSidebarTab(s, '我的楼组');
    await side.getByText('已领取：0/4').waitFor();
    const wang = side.locator('.person', { hasText: '王芳' });
    await wang
      .getByText(/牛奶|酸奶/)
      .first()
      .waitFor();
    await snapshot(s, 'volunteer-sidebar-zh-1366x768', { width: 1366, height: 768 });
    await s.page.setViewportSize({ width: 390, height: 844 });
    await openPhone('🏠 Дом 3');
    await phone().getByText('Дом 3：志愿者名单', { exact: true }).waitFor();
    const row = phone().locator('tr', { hasText: '王芳' });
    await row.getByRole('checkbox').nth(1).check();
    await row.getByText(/^✓ \d+:\d\d 已付$/).waitFor();
    await snapshot(s, 'phone-zh-390x844', { width: 390, height: 844 });
    await snapshot(s, 'phone-zh-1366x768', { width: 1366, height: 768 });
  });
});

describe('the coordinator closes a round', () => {
  beforeAll(async () => (s = await start()));
  afterAll(async () => stop(s, 'coordinator-confirm-end'));

  test('"Stop now" asks first, saying how many bills go out; "No" changes nothing', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await menu(s, 'Открыть панель организатора');
    const side = await openSidebarTab(s, 'Закупки');
    const card = side.locator('.card', { hasText: 'R1 · Ноябрьская закупка' });
    await card.getByRole('button', { name: 'Стоп сейчас' }).click();
    await card.getByText(/^Закрыть закупку «Ноябрьская закупка» сейчас и разослать \d+ итоговых сч/).waitFor();
    await snapshot(s, 'coordinator-close-question-ru-1366x768', { width: 1366, height: 768 });
    await card.getByRole('button', { name: 'Нет' }).click();
    expect((await sheet(s, 'Закупки')).values[1][2]).toBe('сбор заказов');
  });
});
