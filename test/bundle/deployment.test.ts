import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEGACY_ALLOWANCES, STRICT } from '../../local/emulator';
import { Scenario, runSteps } from '../../local/scenario/steps';
import { ROOT, loadAddOn } from '../harness/bundle';
import { DEPLOYMENTS, HOUR } from '../harness/community';

// Issue 12, item 9. The add-on runs as one script per community (`deployment: 'bound'`, README "Deploy") or
// as one published Editor add-on shared by many spreadsheets (`'addon'`, Workspace.sharing): the demo round,
// from set-up to the bills, under STRICT, in both.

const demo = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'demo-community.json'), 'utf8')) as Scenario;

test('the bundle runs with no allowance: every reading is the strict one', () => {
  expect(LEGACY_ALLOWANCES).toEqual({});
  const { workspace: ws } = loadAddOn();
  expect(ws.fidelity).toEqual(STRICT);
});

describe.each(DEPLOYMENTS)('the demo round (%s)', (deployment) => {
  test('from set-up to the final bills, with no execution failing', () => {
    const o = demo.options ?? {};
    const { workspace: ws } = loadAddOn({ deployment, timeZone: o.timeZone, locale: o.locale, now: Date.parse(o.now ?? '') });
    runSteps(ws, demo.steps, { line: () => undefined });
    ws.advance(50 * HOUR); // past the stop: ticks (with or without the file) close the form
    ws.run('roundsScreen'); // the coordinator's visit closes the round if no tick could
    ws.run('sendQueuedEmails');
    const bills = ws.mail.sent.filter((m) => /счёт|账单|bill/i.test(m.subject));
    // The nine residents who ordered by form, each billed once (the two offline orders have no address).
    const residents = demo.steps
      .filter((s) => s.do === 'submit')
      .map((s) => (s as { resident: { email: string } }).resident.email);
    expect(bills.map((m) => m.to).sort()).toEqual([...new Set(residents)].sort());
    expect(ws.executions.filter((e) => e.error)).toEqual([]);
    expect(ws.run<{ state: string }[]>('listRounds')[0].state).toBe('closed');
    const ticks = ws.executions.filter((e) => e.functionName === 'onTick_');
    // A bound script's tick always has its spreadsheet; a published add-on's has none (the strict reading).
    expect(new Set(ticks.map((e) => e.document === null))).toEqual(new Set([deployment === 'addon']));
  });
});
