import { Lang } from '../../src/core/i18n/lang';
import { MessageKey, t } from '../../src/core/i18n/translate';
import { Session, demoRoundArrived, actAs, menu, openSidebarTab, run, snapshot, start, stop } from './harness';

/**
 * Issue 16: the sidebar read tab after tab as its people read it — the coordinator in Chinese and in
 * Russian, a building volunteer in Chinese — on the demo round once it has closed, arrived, been paid in
 * part and drawn a needs poll, so every screen has something to say. Each tab's text and what its fields
 * show are checked for what a reader must never meet (an internal code, an ISO timestamp, and in Chinese
 * an ASCII colon or comma after a Chinese character); each tab is kept as a screenshot at 1366 × 768 and
 * 390 × 844 in test-results/ (walk-<who>-<lang>-NN-<screen>-<size>.png).
 */

let s: Session;
afterEach(() => expect(s.errors).toEqual([]));

beforeAll(async () => {
  s = await start();
  await demoRoundArrived(s);
  await run(s, 'recordPayment', [{ roundId: 'R1', orderKey: 'form:R1:5', amount: '100', method: '微信', requestId: 'zh-pay' }]);
  await run(s, 'createPoll', [{ title: '十二月买什么？', itemIds: ['RICE', 'MILK'], requestId: 'zh-poll' }]);
});
afterAll(async () => stop(s, 'walk-end'));

/** Words the add-on keeps for itself: states, splits, rounding, kinds, currency codes. */
const CODE_WORDS =
  /\b(byValue|byQuantity|equal|halfUp|halfEven|creditEarned|supplierPayment|payment|pickup|refund|allowance|collecting|open|closed|settled|distributed|cancelled|draft|RUB|CNY|zh-CN|true|false|undefined|null|NaN)\b/;

const COORDINATOR = [
  'rounds',
  'tally',
  'offline',
  'chat',
  'messages',
  'participants',
  'receive',
  'money',
  'statement',
  'emails',
  'complaints',
  'settings',
  'check',
];
const VOLUNTEER = ['building', 'offline', 'chat', 'messages', 'complaints'];

async function walk(who: string, user: string, lang: Lang, locale: string, tabs: string[]): Promise<string[]> {
  await s.page.setViewportSize({ width: 1366, height: 768 });
  await actAs(s, user, locale);
  await menu(s, t(lang, 'menu.openPanel'));
  const found: string[] = [];
  for (const [i, key] of tabs.entries()) {
    const tab = t(lang, `ui.tab.${key}` as MessageKey);
    const side = await openSidebarTab(s, tab);
    const shown = await side.locator('#screen').evaluate((screen: HTMLElement) => {
      // The screen's text and what its fields show: a chosen option's words, a prefilled value.
      const fields = [...screen.querySelectorAll('select, input:not([type=checkbox]):not([type=radio])')].map((f) =>
        f instanceof HTMLSelectElement ? (f.selectedOptions[0]?.text ?? '') : (f as HTMLInputElement).value,
      );
      return [screen.innerText, ...fields].join('\n');
    });
    // Links, addresses and payment references are not words.
    const text = shown.replace(/https?:\/\/\S+|[\w.+-]+@[\w.-]+|\bR\d+(-[\w\d]+)*\b/g, ' ');
    const code = text.match(CODE_WORDS);
    if (code) found.push(`${tab}: code "${code[1]}"`);
    if (/\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text)) found.push(`${tab}: ISO timestamp`);
    // "葵花籽油 2, 牛奶 4" too: a comma between a number and the next Chinese word.
    const ascii = lang === 'zh-CN' && text.match(/[\u3400-\u9fff][:,;?!]|[\u3400-\u9fff\d][,;:] ?[\u3400-\u9fff]/);
    if (ascii) found.push(`${tab}: ASCII punctuation "${ascii[0]}"`);
    const name = `walk-${who}-${lang}-${String(i + 1).padStart(2, '0')}-${key}`;
    await snapshot(s, `${name}-1366x768`, { width: 1366, height: 768 });
    await snapshot(s, `${name}-390x844`, { width: 390, height: 844 });
    await s.page.setViewportSize({ width: 1366, height: 768 });
  }
  return found;
}

test('every tab of the coordinator’s sidebar reads as Chinese, at 1366 and at 390', async () => {
  expect(await walk('coordinator', 'coordinator@example.org', 'zh-CN', 'zh_CN', COORDINATOR)).toEqual([]);
});

test('every tab of the coordinator’s sidebar reads as Russian', async () => {
  expect(await walk('coordinator', 'coordinator@example.org', 'ru', 'ru_RU', COORDINATOR)).toEqual([]);
});

test('every tab of a building volunteer’s sidebar reads as Chinese', async () => {
  expect(await walk('volunteer', 'wei@example.org', 'zh-CN', 'zh_CN', VOLUNTEER)).toEqual([]);
});
