import { Session, actAs, menu, openSidebarTab, run, runConfirmed, snapshot, start, stop } from './harness';

/**
 * Issue 16: the coordinator's whole sidebar read in Chinese, one tab after another, on the demo round
 * once it has closed, arrived, been paid in part and drawn a complaint and a needs poll — so every
 * screen has something to say. Each tab's text is checked for what a Chinese reader must never meet (an
 * internal code, an ISO timestamp, an ASCII colon or comma after a Chinese character), and each tab is
 * kept as a screenshot at 1366 × 768 and 390 × 844 in test-results/ (zh-<tab>-<size>.png).
 */

let s: Session;
afterEach(() => expect(s.errors).toEqual([]));

beforeAll(async () => {
  s = await start();
  await runConfirmed(s, 'closeRound', ['R1'], 1);
  await run(s, 'supplierOrder', ['R1']);
  await runConfirmed(s, 'recordReceipt', ['R1', {}], 2);
  await run(s, 'recordPayment', [{ roundId: 'R1', orderKey: 'form:R1:5', amount: '100', method: '微信', requestId: 'zh-pay' }]);
  await run(s, 'createPoll', [{ title: '十二月买什么？', itemIds: ['RICE', 'MILK'], requestId: 'zh-poll' }]);
});
afterAll(async () => stop(s, 'zh-walk-end'));

/** Words the add-on keeps for itself: states, splits, rounding, kinds, currency codes. */
const CODE_WORDS =
  /\b(byValue|byQuantity|equal|halfUp|halfEven|creditEarned|supplierPayment|payment|pickup|refund|allowance|collecting|open|closed|settled|distributed|cancelled|draft|RUB|CNY|zh-CN|true|false|undefined|null|NaN)\b/;

const TABS: [string, string][] = [
  ['rounds', '团购'],
  ['tally', '汇总'],
  ['offline', '代下单'],
  ['chat', '导入接龙'],
  ['messages', '群消息'],
  ['participants', '居民'],
  ['receive', '到货'],
  ['money', '收支'],
  ['statement', '对账'],
  ['emails', '邮件'],
  ['complaints', '投诉'],
  ['settings', '设置'],
  ['check', '检查'],
];

test('every tab of the coordinator’s sidebar reads as Chinese, at 1366 and at 390', async () => {
  await s.page.setViewportSize({ width: 1366, height: 768 });
  await actAs(s, 'coordinator@example.org', 'zh_CN');
  await menu(s, '打开团长面板');
  const found: string[] = [];
  for (const [i, [key, tab]] of TABS.entries()) {
    const side = await openSidebarTab(s, tab);
    // What the screen says, not what people typed into its fields (a name is theirs, in any script).
    const shown = await side.locator('#screen').evaluate((screen: HTMLElement) => {
      // The screen's text and what its fields show: a chosen option's words, a prefilled value.
      const fields = [...screen.querySelectorAll('select, input:not([type=checkbox]):not([type=radio])')].map((f) =>
        f instanceof HTMLSelectElement ? (f.selectedOptions[0]?.text ?? '') : (f as HTMLInputElement).value,
      );
      return [screen.innerText, ...fields].join('\n');
    });
    const text = shown.replace(/https?:\/\/\S+|[\w.+-]+@[\w.-]+|\bR\d+(-[\w\d]+)*\b/g, ' ');
    const code = text.match(CODE_WORDS);
    if (code) found.push(`${tab}: code "${code[1]}"`);
    if (/\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text)) found.push(`${tab}: ISO timestamp`);
    const ascii = text.match(/[\u3400-\u9fff][:,;?!]/);
    if (ascii) found.push(`${tab}: ASCII punctuation "${ascii[0]}"`);
    const name = `zh-${String(i + 1).padStart(2, '0')}-${key}`;
    await snapshot(s, `${name}-1366x768`, { width: 1366, height: 768 });
    await snapshot(s, `${name}-390x844`, { width: 390, height: 844 });
    await s.page.setViewportSize({ width: 1366, height: 768 });
  }
  expect(found).toEqual([]);
});
