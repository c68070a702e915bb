import { Session, actAs, form, menu, openSidebarTab, sheet, snapshot, start, stop } from './harness';

let s: Session;

/** A resident fills in the demo round's form: email, name, building, pickup point and quantities by question title. */
async function fillForm(
  f: ReturnType<typeof form>,
  r: { email: string; name: string; building: string; pickup: string; items: Record<string, string> },
): Promise<void> {
  await f.getByLabel('Email').fill(r.email);
  await f.getByLabel('Ваше имя').fill(r.name);
  await f.getByLabel('Дом / подъезд').selectOption(r.building);
  await f.getByLabel('Пункт выдачи').selectOption(r.pickup);
  for (const [title, value] of Object.entries(r.items)) await f.getByLabel(title).fill(value);
}
afterEach(async () => {
  expect(s.errors).toEqual([]);
});

describe('a resident orders through the form', () => {
  beforeAll(async () => (s = await start()));
  afterAll(async () => stop(s, 'resident-form-ru'));

  test('fills the form in Russian, then edits the response through the edit link', async () => {
    await s.page.getByRole('button', { name: 'Form' }).click();
    const f = form(s);
    await fillForm(f, {
      email: 'nina@example.org',
      name: 'Нина Сергеевна',
      building: 'Дом 2',
      pickup: 'Школа №5',
      items: { 'Гречка — 88,00 ₽ за кг': '2,5', 'Чай чёрный — 210,00 ₽ за уп.': '1' },
    });
    await f.getByRole('button', { name: 'Submit' }).click();
    await f.getByText('Спасибо! Заказ записан').waitFor();
    let orders = await sheet(s, 'Заказы');
    expect(orders.values.filter((r) => r.includes('Нина Сергеевна')).map((r) => [r[15], r[17]])).toEqual([
      ['BUCK', '2,5'],
      ['TEA', '1'],
    ]);
    await f.getByRole('link', { name: 'Edit your response' }).click();
    await f.getByLabel('Гречка — 88,00 ₽ за кг').fill('4');
    await f.getByLabel('Чай чёрный — 210,00 ₽ за уп.').fill('');
    await f.getByRole('button', { name: 'Submit changes' }).click();
    await f.getByText('Спасибо! Заказ записан').waitFor();
    orders = await sheet(s, 'Заказы');
    expect(orders.values.filter((r) => r.includes('Нина Сергеевна')).map((r) => [r[15], r[17], r[3]])).toEqual([
      ['BUCK', '4', '2'],
    ]);
  });

  test('a quantity the form does not accept is refused with its message and nothing is recorded', async () => {
    await s.page.getByRole('button', { name: 'Form' }).click();
    const f = form(s);
    await fillForm(f, {
      email: 'x@example.org',
      name: 'Тест',
      building: 'Дом 1',
      pickup: 'Школа №5',
      items: { 'Яйца С1 — 110,00 ₽ за дес.': 'пять' },
    });
    await f.getByRole('button', { name: 'Submit' }).click();
    await f.getByRole('alert').filter({ hasText: 'от 0 до 3' }).waitFor();
    expect((await sheet(s, 'Заказы')).values.some((r) => r.includes('Тест'))).toBe(false);
  });
});

describe('a volunteer enters an order for a neighbour without a smartphone', () => {
  beforeAll(async () => (s = await start()));
  afterAll(async () => stop(s, 'volunteer-offline-order'));

  test('from the sidebar, marked with who entered it', async () => {
    await actAs(s, 'olga@example.org', 'ru_RU');
    await menu(s, 'Открыть панель организатора');
    const side = await openSidebarTab(s, 'Заказ за соседа');
    await side.getByLabel('Имя', { exact: true }).fill('Клавдия Ивановна');
    await side.getByLabel('Дом / подъезд').selectOption('Дом 1');
    await side.getByLabel('Квартира').fill('4');
    await side.getByLabel('Гречка, кг').fill('2');
    await side.getByLabel('Молоко 3,2%, л').fill('1');
    await side.getByRole('button', { name: 'Сохранить заказ' }).click();
    // The message appears next to the button, and the form clears for the next neighbour.
    await side.getByText('Заказ сохранён: Клавдия Ивановна.').waitFor();
    expect(await side.getByLabel('Имя', { exact: true }).inputValue()).toBe('');
    const rows = (await sheet(s, 'Заказы')).values.filter((r) => r.includes('Клавдия Ивановна'));
    expect(rows.map((r) => [r[15], r[17], r[14], r[2]])).toEqual([
      ['BUCK', '2', 'olga@example.org', 'внёс волонтёр'],
      ['MILK', '1', 'olga@example.org', 'внёс волонтёр'],
    ]);
  });

  test("a bad quantity gets the same message as the form, in the volunteer's language", async () => {
    const side = await openSidebarTab(s, 'Заказ за соседа');
    await side.getByLabel('Имя', { exact: true }).fill('Пётр');
    await side.getByLabel('Яйца С1, дес.').fill('два');
    await side.getByRole('button', { name: 'Сохранить заказ' }).click();
    await side.getByRole('alert').filter({ hasText: 'Яйца С1: «два» — не число.' }).waitFor();
    expect((await sheet(s, 'Заказы')).values.some((r) => r.includes('Пётр'))).toBe(false);
  });
});

describe('the coordinator completes a round through the sidebar', () => {
  beforeAll(async () => (s = await start()));
  afterAll(async () => stop(s, 'coordinator-round'));

  test('create → open → offline order → close → box-fill bars → payment → pickup → the final bill in Chinese in the outbox', async () => {
    await menu(s, 'Новая закупка');
    let side = await openSidebarTab(s, 'Закупки');
    // The new-round form (the Rounds screen also asks what to buy next, with its own title and items).
    const create = side.locator('details.new-round');
    await create.getByLabel('Название', { exact: true }).fill('Декабрь');
    await create.getByLabel('Стоп').first().fill('2026-11-25T20:00');
    await create.getByLabel(/^Рис длиннозёрный/).check();
    await create.getByLabel(/^Яйца С1/).check();
    await create.getByLabel(/^Масло подсолнечное/).check();
    await side.getByRole('button', { name: 'Создать закупку' }).click();
    await side.getByText('Закупка R2 создана').waitFor();
    await side.locator('.card', { hasText: 'R2 · Декабрь' }).getByRole('button', { name: 'Открыть: создать форму' }).click();
    await side.getByText('Закупка открыта').waitFor();

    side = await openSidebarTab(s, 'Заказ за соседа');
    await side.getByLabel('Закупка').selectOption('R2');
    await side.getByLabel('Имя', { exact: true }).fill('王奶奶');
    await side.getByLabel('Почта (если есть)').fill('wangnainai@example.org');
    await side.getByLabel('Язык писем').selectOption('zh-CN');
    await side.getByLabel('Дом / подъезд').selectOption('Дом 3');
    await side.getByLabel('Яйца С1, дес.').fill('2');
    await side.getByLabel('Масло подсолнечное, бут.').fill('6');
    await side.getByRole('button', { name: 'Сохранить заказ' }).click();
    await side.getByText('Заказ сохранён: 王奶奶.').waitFor();

    side = await openSidebarTab(s, 'Закупки');
    const card = side.locator('.card', { hasText: 'R2 · Декабрь' });
    await card.getByRole('button', { name: 'Стоп сейчас' }).click();
    // Closing cannot be taken back: the card asks first, saying how many bills go out.
    await card.getByText('Закрыть закупку «Декабрь» сейчас и разослать 1 итоговый счёт? Приём заказов остановится.').waitFor();
    await card.getByRole('button', { name: 'Да, сделать' }).click();
    await side.getByText('Стоп: итоговые счета').waitFor();

    side = await openSidebarTab(s, 'Итоги');
    await side.getByLabel('Закупка').selectOption('R2');
    await side.getByText('Масло подсолнечное: 6 бут.').waitFor();
    await side.getByText('Покупаем 1 коробку: 6\u00a0бут.').waitFor();
    expect(await side.locator('.bar').count()).toBe(3);
    // Issue 16: one sentence per item under its bar, with the legend once above; kept for a person to look at.
    await side.getByText('заказано, товар покупаем').waitFor();
    await snapshot(s, 'coordinator-tally-ru-1366x768', { width: 1366, height: 768 });

    side = await openSidebarTab(s, 'Участники');
    const person = side.locator('.person', { hasText: '王奶奶' });
    await person.getByRole('button', { name: 'Записать оплату' }).click();
    await side.getByText('王奶奶: оплата записана.').waitFor();
    await person.getByRole('checkbox').check();
    await s.page.waitForTimeout(500);
    const journal = (await sheet(s, 'Касса')).values.slice(1);
    expect(journal.map((r) => r[5])).toEqual(['оплата', 'выдано']);

    side = await openSidebarTab(s, 'Письма');
    await side.getByRole('button', { name: 'Отправить письма из очереди' }).click();
    await side.getByText(/Отправлено: \d+, с ошибкой: 0\./).waitFor();
    await s.page.getByRole('button', { name: 'Outbox' }).click();
    await s.page
      .getByTestId('outbox')
      .getByRole('button', { name: /Декабрь：您的账单/ })
      .click();
    await s.page.locator('pre').filter({ hasText: '王奶奶，您好！' }).waitFor();
    expect(await s.page.locator('pre').textContent()).toContain('应付');
  });
});

describe('a resident named <img src=x onerror=alert(1)>', () => {
  beforeAll(async () => (s = await start()));
  afterAll(async () => stop(s, 'injection-inert'));

  test('executes nothing anywhere: the sheet, the sidebar, the outbox, the printed lists', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await s.page.getByRole('button', { name: 'Form' }).click();
    const f = form(s);
    await fillForm(f, {
      email: 'evil@example.org',
      name: evil,
      building: 'Дом 1',
      pickup: 'Двор у дома 2',
      items: { 'Чай чёрный — 210,00 ₽ за уп.': '1' },
    });
    await f.getByRole('button', { name: 'Submit' }).click();
    await f.getByText('Спасибо! Заказ записан').waitFor();

    await s.page.getByRole('button', { name: 'Spreadsheet' }).click();
    await s.page.getByRole('tab', { name: 'Заказы' }).click();
    await s.page.getByTestId('grid').getByText(evil).first().waitFor();

    await menu(s, 'Открыть панель организатора');
    let side = await openSidebarTab(s, 'Закупки');
    await side.getByRole('button', { name: 'Стоп сейчас' }).click();
    await side.getByRole('button', { name: 'Да, сделать' }).click();
    await side.getByText('Стоп: итоговые счета').waitFor();
    side = await openSidebarTab(s, 'Участники');
    await side.getByText(evil).first().waitFor();
    side = await openSidebarTab(s, 'Заказ за соседа');
    expect(await side.locator('option', { hasText: evil }).count()).toBe(1);

    await s.page.getByRole('button', { name: 'Outbox' }).click();
    await s.page.getByTestId('outbox').getByRole('button').first().click();
    await s.page.waitForTimeout(500);

    await menu(s, 'Списки выдачи (печать)');
    await s.page.frameLocator('#dialog-frame').getByText(evil).first().waitFor();
    await s.page.waitForTimeout(500);

    expect(s.dialogs).toEqual([]);
    for (const frame of s.page.frames()) expect(await frame.locator('img[src="x"]').count()).toBe(0);
  });
});
