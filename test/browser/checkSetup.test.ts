import { Session, actAs, menu, settled, start, stop } from './harness';

// Issue 12, item 10: "Check set-up" shown in the playground, from the add-on menu, at a laptop's 1366×768,
// in Russian and in Chinese (screenshots in test-results/).

let s: Session;
afterEach(async () => {
  expect(s.errors).toEqual([]);
});

describe.each([
  ['ru_RU', 'Проверить настройку', 'в порядке', 'addon'],
  ['zh_CN', '检查设置', '正常', 'bound'],
] as const)('Check set-up in %s', (locale, caption, ok, deployment) => {
  beforeAll(async () => (s = await start({ viewport: { width: 1366, height: 768 }, deployment })));
  afterAll(async () => stop(s, `check-setup-${locale.slice(0, 2)}`));

  test('opens from the add-on menu; every line says its state in words, with what to fix', async () => {
    await actAs(s, 'coordinator@example.org', locale);
    await menu(s, caption);
    const side = await settled(s);
    const cards = side.locator('.card.check');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(7);
    expect(await side.locator('.card.check .state', { hasText: ok }).count()).toBeGreaterThanOrEqual(5);
    await side.getByRole('tab', { name: caption === '检查设置' ? '检查' : 'Проверка', selected: true }).waitFor();
  });
});
