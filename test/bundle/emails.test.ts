import { DEPLOYMENTS, HOUR, NOW, openCommunity, submit, typeRows, yes } from '../harness/community';
import { loadAddOn } from '../harness/bundle';

function outboxStates(c: ReturnType<typeof openCommunity>): Record<string, number> {
  const sheet = c.ws.spreadsheet.sheet('Письма')!;
  const out: Record<string, number> = {};
  for (let r = 2; r <= sheet.dataExtent().rows; r++) {
    const s = String(sheet.read(r, 8));
    if (s) out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}

describe('receipts', () => {
  test("right after a submission, in the resident's language, with the edit link, cost and deadline", () => {
    const c = openCommunity();
    submit(c, { name: 'Li Wei', email: 'li@example.org', lang: '中文', items: { RICE: '2,5', OIL: '1' }, extras: { OIL: '2' } });
    const [mail] = c.ws.mail.sent;
    expect(mail.to).toBe('li@example.org');
    expect(mail.subject).toBe('Ноябрь：您的订单已记录');
    // Units in the resident's language as well (core/units.ts).
    expect(mail.body).toContain('大米 — 数量：2.5公斤；金额：');
    expect(mail.body).toContain('预计金额 ¥'.replace('¥', '₽'));
    expect(mail.htmlBody).toContain('viewform?edit2=');
    expect(mail.body).toContain('可能少于订购量');
    expect(outboxStates(c)).toEqual({ SENDING: 1 });
    // Confirmed in document properties: the Emails screen already counts it as sent, not stuck.
    const screen = c.ws.run<{ counts: Record<string, number>; stuck: unknown[] }>('emailsScreen', [c.roundId]);
    expect([screen.counts.SENT, screen.stuck]).toEqual([1, []]);
    c.ws.run('sendQueuedEmails');
    expect(outboxStates(c)).toEqual({ SENT: 1 });
    expect(c.ws.mail.sent).toHaveLength(1);
  });

  test('a name with HTML stays escaped in the HTML body', () => {
    const c = openCommunity();
    submit(c, { name: '<img src=x onerror=alert(1)>', items: { RICE: '1' } });
    expect(c.ws.mail.sent[0].htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(c.ws.mail.sent[0].htmlBody).not.toContain('<img');
  });
});

// In a published add-on the tick may run without its spreadsheet and works from a plan the owner's executions
// leave (src/workspace/tickPlan.ts), so the members a coordinator types are there before the round opens.
describe.each(DEPLOYMENTS)('reminders before the stop (%s)', (deployment) => {
  test('at 24 h and 2 h, only to members who opted in and have not ordered, never after the deadline', () => {
    const c = openCommunity({
      deadlineInHours: 30,
      deployment,
      before: (ws) =>
        typeRows(ws, 'Участники', [
          ['anna@example.org', 'Анна', '', 'Дом 1', '1', 'ru', false],
          ['li@example.org', 'Li', '', 'Дом 2', '2', 'zh-CN', false],
          ['boris@example.org', 'Борис', '', 'Дом 3', '3', 'ru', true],
          ['ordered@example.org', 'Вера', '', 'Дом 1', '4', 'en', false],
        ]),
    });
    submit(c, { name: 'Вера', email: 'ordered@example.org', items: { RICE: '1' } });
    const sent = () => c.ws.mail.sent.filter((m) => /скоро стоп|即将截单|close soon/.test(m.subject));
    c.ws.advance(4 * HOUR);
    expect(sent()).toHaveLength(0);
    c.ws.advance(4 * HOUR); // the 24-hour mark (deadline - 24 h = NOW + 6 h) has passed
    expect(
      sent()
        .map((m) => m.to)
        .sort(),
    ).toEqual(['anna@example.org', 'li@example.org']);
    expect(sent().find((m) => m.to === 'li@example.org')?.subject).toBe('Ноябрь：即将截单');
    c.ws.advance(16 * HOUR);
    expect(sent()).toHaveLength(2);
    c.ws.advance(5 * HOUR); // past deadline - 2 h, still before the stop
    expect(sent()).toHaveLength(4);
    c.ws.advance(10 * HOUR); // past the deadline: the round closes, no more reminders
    expect(sent()).toHaveLength(4);
  });
});

describe.each(DEPLOYMENTS)('"you can still change your order" (%s)', (deployment) => {
  test('when the coordinator turns it on, those who ordered get a reminder with their own edit link', () => {
    const c = openCommunity({
      deadlineInHours: 30,
      deployment,
      before: (ws) => typeRows(ws, 'Настройки', [['remindOrdered', 'да']], 5),
    });
    const result = submit(c, { name: 'Вера', email: 'vera@example.org', items: { RICE: '1' } });
    if (!result.ok) throw new Error('submit failed');
    c.ws.advance(8 * HOUR);
    const reminders = c.ws.mail.sent.filter((m) => m.subject.includes('скоро стоп'));
    expect(reminders.map((m) => m.to)).toEqual(['vera@example.org']);
    expect(reminders[0].body).toContain('Заказ ещё можно изменить.');
    expect(reminders[0].body).toContain(result.editUrl);
  });
});

describe('final bills', () => {
  function twoOrders(deployment: 'bound' | 'addon') {
    const c = openCommunity({ deadlineInHours: 2, deployment });
    submit(c, { name: 'Анна', email: 'anna@example.org', items: { OIL: '4', EGGS: '2' }, extras: { OIL: '2' } });
    submit(c, { name: 'Борис', email: 'boris@example.org', items: { OIL: '1', EGGS: '1' } });
    return c;
  }
  const billsOf = (c: ReturnType<typeof openCommunity>) => c.ws.mail.sent.filter((m) => m.subject.includes('ваш счёт'));

  test("match the core's allocation and money, and go out on the next tick after the stop (a bound script's tick has its file)", () => {
    const c = twoOrders('bound');
    c.ws.advance(3 * HOUR);
    const bills = billsOf(c);
    expect(bills.map((m) => m.to).sort()).toEqual(['anna@example.org', 'boris@example.org']);
    const screen = c.ws.run<{ participants: { email: string; dueMinor: number }[] }>('participantsScreen', [c.roundId]);
    for (const p of screen.participants) {
      const due = (p.dueMinor / 100).toFixed(2).replace('.', ',');
      expect(bills.find((m) => m.to === p.email)?.subject.replace(/[\s\u00a0]/g, '')).toContain(due);
    }
    // Box of 6: 5 ordered + Anna's 2 extras complete it; Anna gets 5, Boris 1.
    const anna = bills.find((m) => m.to === 'anna@example.org')!.body;
    expect(anna).toMatch(/Масло подсолнечное — Заказано: 4\u00a0бут\.; Вы получите: 5\u00a0бут\./);
  });

  test('in a published add-on whose tick has no file: the tick closes the form, the first visit closes the round, Send sends', () => {
    const c = twoOrders('addon');
    c.ws.advance(3 * HOUR);
    expect(c.ws.forms.byId(c.formId)!.isAcceptingResponses()).toBe(false);
    expect(billsOf(c)).toEqual([]);
    expect(c.ws.run<{ state: string }[]>('listRounds')[0].state).toBe('closed');
    c.ws.run('sendQueuedEmails');
    expect(
      billsOf(c)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['anna@example.org', 'boris@example.org']);
  });

  test('in a published add-on, a submission that finds the stop passed closes the round and sends the bills', () => {
    const c = twoOrders('addon');
    c.ws.clock.advance(2 * HOUR + 60_000); // past the stop, before any tick
    submit(c, { name: 'Поздний', email: 'late@example.org', items: { EGGS: '1' } });
    expect(
      billsOf(c)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['anna@example.org', 'boris@example.org']);
  });
});

describe('a round reopened after its stop', () => {
  test('is tallied again at the next close, and everyone gets the updated bill', () => {
    const c = openCommunity({ deadlineInHours: 2 });
    submit(c, { name: 'Анна', email: 'anna@example.org', items: { EGGS: '1' } });
    c.ws.advance(3 * HOUR); // the tick closes the round and bills Анна
    yes(c.ws, 'extendDeadline', [c.roundId, new Date(c.ws.clock.now() + 2 * HOUR).toISOString()]);
    submit(c, { name: 'Борис', email: 'boris@example.org', items: { EGGS: '2' } });
    const closed = yes<{ participants: number; alreadyClosed: boolean }>(c.ws, 'closeRound', [c.roundId]);
    expect([closed.participants, closed.alreadyClosed]).toEqual([2, false]);
    c.ws.run('sendQueuedEmails');
    const bills = c.ws.mail.sent.filter((m) => m.subject.includes('ваш счёт')).map((m) => m.to);
    expect(bills).toEqual(['anna@example.org', 'anna@example.org', 'boris@example.org']);
  });
});

describe('delivery guarantees on a free account (100 recipients a day)', () => {
  // Days of quota renewals, sent by the hourly tick: a tick that has its spreadsheet (bound).
  function queued(n: number) {
    const { workspace: ws } = loadAddOn({ now: NOW, mailQuota: 100, deployment: 'bound' });
    ws.session.locales.set(ws.owner, 'ru');
    ws.run('setUpCommunity');
    typeRows(ws, 'Каталог', [['EGGS', 'Яйца', '', '', '', 'дес.', 110]]);
    const r = ws.run<{ id: string }>('createRound', [
      { title: 'Яйца', deadline: new Date(NOW + 30 * 24 * HOUR).toISOString(), itemIds: ['EGGS'] },
    ]);
    ws.run('openRound', [r.id]);
    ws.mail.dailyQuota = 10_000; // receipts are not what is being tested here
    for (let i = 0; i < n; i++)
      ws.run('saveOfflineOrder', [{ roundId: r.id, name: `Житель ${i}`, email: `p${i}@example.org`, quantities: { EGGS: '1' } }]);
    ws.mail.sent.length = 0;
    ws.mail.dailyQuota = 100;
    ws.advance(24 * HOUR); // quota window of the receipts passes
    return { ws, roundId: r.id };
  }

  test('300 bills complete over days, each exactly once, and the sidebar says how many wait for the quota', () => {
    const { ws, roundId } = queued(300);
    yes(ws, 'closeRound', [roundId]);
    ws.run('sendQueuedEmails');
    const screen = ws.run<{ counts: Record<string, number>; lastDrain: { waitingForQuota: number }; quota: number }>(
      'emailsScreen',
      [roundId],
    );
    expect(ws.mail.sent).toHaveLength(100);
    expect(screen.lastDrain.waitingForQuota).toBe(200);
    expect(screen.counts.QUEUED).toBe(200);
    expect(screen.quota).toBe(0);
    ws.advance(3 * 24 * HOUR);
    const bills = ws.mail.sent.filter((m) => m.subject.includes('счёт'));
    expect(bills).toHaveLength(300);
    expect(new Set(bills.map((m) => m.to)).size).toBe(300);
  });

  test('a batch killed by the 6-minute limit loses nothing and sends nothing twice; stuck rows wait for the coordinator', () => {
    const { ws, roundId } = queued(40);
    yes(ws, 'closeRound', [roundId]);
    ws.runtime.latency['MailApp.sendEmail'] = { kind: 'write', ms: 40_000 };
    expect(() => ws.run('sendQueuedEmails')).toThrow('Exceeded maximum execution time');
    const after = ws.run<{ counts: Record<string, number>; stuck: { key: string }[] }>('emailsScreen', [roundId]);
    expect(after.stuck.length).toBeGreaterThan(0);
    // 40 receipts sent earlier + 40 bills, none lost
    expect(after.counts.SENT + after.counts.SENDING + after.counts.QUEUED).toBe(80);
    ws.runtime.latency['MailApp.sendEmail'] = { kind: 'write', ms: 250 };
    ws.advance(2 * HOUR);
    const mid = ws.run<{ counts: Record<string, number> }>('emailsScreen', [roundId]);
    expect(mid.counts.QUEUED).toBe(0);
    expect(mid.counts.SENDING).toBe(after.stuck.length);
    ws.run('resolveStuckEmails', [after.stuck.map((s) => s.key), 'markSent']);
    const bills = ws.mail.sent.filter((m) => m.subject.includes('счёт'));
    expect(new Set(bills.map((m) => m.to)).size).toBe(bills.length);
    expect(ws.run<{ counts: Record<string, number> }>('emailsScreen', [roundId]).counts.SENT).toBe(80);
  });

  test('1,000 emails cost a constant number of sheet calls per chunk, not per email', () => {
    const { ws, roundId } = queued(1000);
    ws.mail.dailyQuota = 1500;
    yes(ws, 'closeRound', [roundId]);
    let sent = 0;
    let calls = 0;
    for (let run = 0; run < 3 && sent < 1000; run++) {
      ws.calls.reset();
      const before = ws.mail.sent.length;
      ws.run('sendQueuedEmails');
      sent += ws.mail.sent.length - before;
      calls += ws.calls.roundTrips('spreadsheet');
    }
    expect(sent).toBe(1000);
    const chunks = Math.ceil(1000 / 20);
    // a read per lock hold, and per chunk: mark SENDING, flush, mark SENT
    expect(calls / chunks).toBeLessThanOrEqual(4);
    expect(new Set(ws.mail.sent.map((m) => m.to)).size).toBe(1000);
  });
});
