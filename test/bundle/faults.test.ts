import { EXECUTION_TIME_ERROR, LoadedAddOn, Workspace, WorkspaceState, loadState, saveState } from '../../local/emulator';
import { sheetName } from '../../src/workspace/sheets/schema';
import { KEYS } from '../../src/workspace/properties/keys';
import { readStored } from '../../src/workspace/properties/store';
import { loadAddOn } from '../harness/bundle';
import { HOUR, NOW, openCommunity, orderRows, submit, yes } from '../harness/community';
import { cell, sheetValues } from '../harness/sheets';

/**
 * Crash consistency: Apps Script ends an execution at 6 minutes and a service can fail between any two
 * calls ("Script runtime: 6 min / execution", https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
 * For each operation a person or a trigger starts, a dry run counts its service calls; then, for every N, a
 * fresh copy of the community is killed at call N (local/emulator/faults.ts), the person retries what they
 * were doing (or the trigger's event is gone for good) and the hourly tick runs. Whatever N: no email is sent
 * twice, no order is lost or doubled, the Ledger adds up and the sheets agree with each other.
 */

const RU = 'ru' as const;

interface Base {
  state: WorkspaceState;
  roundId: string;
}

/** The community as each step leaves it, built once (a saved state is much quicker than replaying it). */
function openState(): Base {
  const c = openCommunity({ deployment: 'bound' });
  submit(c, { name: 'Анна', flat: '5', items: { EGGS: '2', RICE: '3' } });
  submit(c, { name: 'Борис', flat: '7', items: { EGGS: '1', OIL: '2' } });
  return { state: saveState(c.ws), roundId: c.roundId };
}

let opened: Base;
/** A minute before the stop: the next tick closes the round. */
let atStop: Base;
let closed: Base;
/** Goods arrived, everyone paid a rouble over, settled: ready to archive. */
let settled: Base;

beforeAll(() => {
  opened = openState();
  let ws = fresh(opened.state);
  ws.advanceTo(NOW + 48 * HOUR - 60_000);
  atStop = { state: saveState(ws), roundId: opened.roundId };
  ws = fresh(opened.state);
  yes(ws, 'closeRound', [opened.roundId]);
  ws.run('supplierOrder', [opened.roundId]);
  closed = { state: saveState(ws), roundId: opened.roundId };
  yes(ws, 'recordReceipt', [opened.roundId, {}]);
  const due = ws.run<{ participants: { orderKey: string; dueMinor: number }[] }>('participantsScreen', [opened.roundId]);
  for (const p of due.participants)
    ws.run('recordPayment', [
      { roundId: opened.roundId, orderKey: p.orderKey, amount: String(p.dueMinor / 100 + 1), requestId: p.orderKey },
    ]);
  yes(ws, 'settleRound', [opened.roundId]);
  settled = { state: saveState(ws), roundId: opened.roundId };
});

/** A confirmed action's question, asked unharmed: its token, for the run that may be killed. */
const question = (name: string, args: unknown[]) => (ws: Workspace) =>
  ws.run<{ confirm: { token: string } }>(name, args).confirm.token;

function fresh(state: WorkspaceState): Workspace {
  const loaded: LoadedAddOn = loadAddOn({ now: NOW, deployment: 'bound' });
  // A deep copy: loading hands the state's own objects (triggers, responses) to the emulator.
  loadState(loaded.workspace, structuredClone(state));
  return loaded.workspace;
}

// ---- what must hold after any kill, once the person retried and the tick ran ----

function noEmailTwice(ws: Workspace): void {
  const seen = ws.mail.sent.map((m) => `${m.to} | ${m.subject}`);
  expect(seen.filter((s, i) => seen.indexOf(s) !== i)).toEqual([]);
  const keys = sheetValues(ws, sheetName('outbox', RU))
    .slice(1)
    .map((r) => String(cell('outbox', r, 'key')))
    .filter(Boolean);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
}

function ordersExactlyOnce(ws: Workspace, roundId: string, people: Record<string, string[]>): void {
  const rows = orderRows(ws).filter((r) => r.round === roundId);
  const lines = rows.map((r) => `${String(r.name)}:${String(r.item)}`);
  expect(lines.filter((l, i) => lines.indexOf(l) !== i)).toEqual([]);
  const expected = Object.entries(people).flatMap(([name, items]) => items.map((i) => `${name}:${i}`));
  expect([...new Set(lines)].sort()).toEqual(expected.sort());
}

/**
 * Her receipt is in the Outbox once, and went out — or was left SENDING by a kill in the middle of sending
 * it, which the Emails screen asks the coordinator about rather than risk sending it twice.
 */
function receiptOnce(ws: Workspace, to: string): void {
  const rows = sheetValues(ws, sheetName('outbox', RU))
    .slice(1)
    .filter((r) => String(cell('outbox', r, 'to')) === to && String(cell('outbox', r, 'subject')).includes('записан'));
  expect(rows).toHaveLength(1);
  const sent = ws.mail.sent.filter((m) => m.to === to && m.subject.includes('записан')).length;
  expect([sent, sent ? 'sent' : String(cell('outbox', rows[0], 'state'))]).toEqual([sent, sent ? 'sent' : 'SENDING']);
}

const minor = (v: unknown) => Math.round(Number(v || 0) * 100);

/** Bills, Journal and Ledger tell one story: each request recorded once, what was collected is what was paid. */
function ledgerReconciles(ws: Workspace, roundId: string): void {
  const journal = sheetValues(ws, sheetName('journal', RU)).slice(1);
  const ids = journal.map((r) => String(cell('journal', r, 'requestId'))).filter(Boolean);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  const bills = ws.spreadsheet.sheet(`${roundId} · Счета`);
  if (!bills) return;
  const billRows = sheetValues(ws, `${roundId} · Счета`).slice(1);
  const paidBy = new Map<string, number>();
  for (const r of journal)
    if (cell('journal', r, 'round') === roundId && /^(payment|оплата)$/i.test(String(cell('journal', r, 'kind'))))
      paidBy.set(
        String(cell('journal', r, 'orderKey')),
        (paidBy.get(String(cell('journal', r, 'orderKey'))) ?? 0) + minor(cell('journal', r, 'amount')),
      );
  for (const b of billRows) expect(minor(cell('bills', b, 'paid'))).toBe(paidBy.get(String(cell('bills', b, 'orderKey'))) ?? 0);
  const keys = billRows.map((b) => String(cell('bills', b, 'orderKey')));
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  const ledger = sheetValues(ws, sheetName('ledger', RU))
    .slice(1)
    .filter((r) => cell('ledger', r, 'round') === roundId);
  if (billRows.length === 0) return;
  expect(ledger).toHaveLength(1);
  const billed = billRows.reduce((s, b) => s + minor(cell('bills', b, 'total')), 0);
  expect(minor(cell('ledger', ledger[0], 'billed'))).toBe(billed);
  expect(minor(cell('ledger', ledger[0], 'collected'))).toBe([...paidBy.values()].reduce((s, v) => s + v, 0));
}

// ---- the sweep ----

interface Operation {
  name: string;
  base: () => Base;
  /** The function whose execution is killed. */
  fn: string;
  /** What the person does first, unharmed (asking the question a confirmed action asks). */
  prepare?: (ws: Workspace, roundId: string) => unknown;
  /** The one execution that may be killed (a trigger's, or the person's click). */
  act: (ws: Workspace, roundId: string, prepared: unknown) => void;
  /** What the person does after seeing it fail (nothing, for a trigger's event). */
  retry: (ws: Workspace, roundId: string) => void;
  check: (ws: Workspace, roundId: string) => void;
}

/** The service calls of the execution of `fn` the operation makes, counted by a run with no fault. */
function callsOf(op: Operation): number {
  const ws = fresh(op.base().state);
  const prepared = op.prepare?.(ws, op.base().roundId);
  const before = ws.executions.length;
  op.act(ws, op.base().roundId, prepared);
  const run = ws.executions.slice(before).find((e) => e.functionName === op.fn);
  if (!run) throw new Error(`${op.name}: no execution of ${op.fn}`);
  return run.serviceCalls;
}

/** Kills `op` at call `n`, lets the person retry and the next hourly tick run. */
function killAt(op: Operation, n: number): Workspace {
  const base = op.base();
  const ws = fresh(base.state);
  const prepared = op.prepare?.(ws, base.roundId);
  ws.faults.killAt(n, 'timeout', { fn: op.fn });
  try {
    op.act(ws, base.roundId, prepared);
  } catch (err) {
    expect((err as Error).message).toContain(EXECUTION_TIME_ERROR);
  }
  expect(ws.faults.fired.map((f) => f.at)).toEqual([n]);
  op.retry(ws, base.roundId);
  nextTick(ws);
  return ws;
}

/** Runs the clock to the next hourly tick, which fires once. */
function nextTick(ws: Workspace): void {
  const tick = ws.triggers.triggers.find((t) => t.handler === 'onTick_');
  ws.advanceTo(Math.max(ws.clock.now(), Number(tick?.nextAt ?? ws.clock.now() + HOUR)));
}

function sweep(op: Operation): void {
  const total = callsOf(op);
  expect(total).toBeGreaterThan(3);
  for (let n = 1; n <= total; n++) {
    const ws = killAt(op, n);
    try {
      op.check(ws, op.base().roundId);
      noEmailTwice(ws);
      ledgerReconciles(ws, op.base().roundId);
    } catch (err) {
      if (process.env.SWEEP_DEBUG)
        console.log(
          ws.executions.map((e) => [e.functionName, e.serviceCalls, e.error, e.faultAt]),
          ws.mail.sent.map((m) => m.subject),
          ws.clock.now() - NOW,
          ws.triggers.triggers.map((t) => [t.handler, t.nextAt]),
        );
      (err as Error).message =
        `${op.name}, killed at call ${n} of ${total} (${ws.executions.find((e) => e.faultAt)?.faultAt}):\n${(err as Error).message}`;
      throw err;
    }
  }
}

const BOTH = { Анна: ['EGGS', 'RICE'], Борис: ['EGGS', 'OIL'] };
const bills = (ws: Workspace) => ws.mail.sent.filter((m) => m.subject.includes('ваш счёт'));

/**
 * Everyone's bill queued once, and sent or shown as stuck: a batch killed after marking its emails SENDING
 * never sends them blindly again (workspace/outbox.ts); the Emails screen asks the coordinator.
 */
function billedOnce(ws: Workspace): void {
  const rows = sheetValues(ws, sheetName('outbox', RU))
    .slice(1)
    .filter((r) => String(cell('outbox', r, 'subject')).includes('ваш счёт'));
  expect(rows.map((r) => String(cell('outbox', r, 'to'))).sort()).toEqual(['анна@example.org', 'борис@example.org']);
  const mailed = bills(ws).map((m) => m.to);
  for (const r of rows) {
    const [to, state] = [String(cell('outbox', r, 'to')), cell('outbox', r, 'state')];
    expect([to, state]).toEqual([to, mailed.includes(to) ? expect.stringMatching(/^(SENT|SENDING)$/) : 'SENDING']);
  }
}

describe('an execution killed at any service call, then retried: nothing lost, nothing doubled', () => {
  test('a form submission: the trigger is not fired again, the next execution records it once', () => {
    sweep({
      name: 'form submission',
      base: () => opened,
      fn: 'onFormSubmit_',
      act: (ws, roundId) => {
        submitTo(ws, roundId, { name: 'Вера', flat: '9', items: { FLOUR: '20' } });
      },
      retry: () => {},
      check: (ws, roundId) => {
        ordersExactlyOnce(ws, roundId, { ...BOTH, Вера: ['FLOUR'] });
        receiptOnce(ws, 'вера@example.org');
        // The running totals behind the receipts' estimate count her once, whatever call the kill hit.
        const soFar = readStored(Object.fromEntries(ws.properties.document.data), KEYS.roundSoFar(roundId));
        expect(soFar?.participants).toBe(3);
      },
    });
  });

  test('an offline order: the volunteer saves again with the same request', () => {
    const save = (ws: Workspace, roundId: string) =>
      ws.run('saveOfflineOrder', [
        { roundId, name: 'Нина', building: 'Дом 1', quantities: { EGGS: '1' }, requestId: 'offline-1' },
      ]);
    sweep({
      name: 'offline order',
      base: () => opened,
      fn: 'saveOfflineOrder',
      act: save,
      retry: save,
      check: (ws, roundId) => ordersExactlyOnce(ws, roundId, { ...BOTH, Нина: ['EGGS'] }),
    });
  });

  test('closing at the stop: the tick that closes dies, the next one finishes; one bill each', () => {
    sweep({
      name: 'close by the tick',
      base: () => atStop,
      fn: 'onTick_',
      act: (ws) => {
        ws.advance(HOUR);
      },
      retry: () => {},
      check: (ws, roundId) => {
        ordersExactlyOnce(ws, roundId, BOTH);
        billedOnce(ws);
      },
    });
  });

  test('closing from the sidebar: the coordinator clicks again', () => {
    sweep({
      name: 'close from the sidebar',
      base: () => opened,
      fn: 'closeRound',
      prepare: (ws, roundId) => question('closeRound', [roundId])(ws),
      act: (ws, roundId, token) => ws.run('closeRound', [roundId, token]),
      retry: (ws, roundId) => yes(ws, 'closeRound', [roundId]),
      check: (ws) => billedOnce(ws),
    });
  });

  test('sending a batch of emails: the tick sends what is left, never twice', () => {
    sweep({
      name: 'send emails',
      base: () => closed,
      fn: 'sendQueuedEmails',
      act: (ws) => ws.run('sendQueuedEmails'),
      retry: () => {},
      check: (ws) => expect(bills(ws).length).toBeLessThanOrEqual(2),
    });
  });

  test('recording what arrived (confirmed): the coordinator confirms again', () => {
    sweep({
      name: 'record receipt',
      base: () => closed,
      fn: 'recordReceipt',
      prepare: (ws, roundId) => question('recordReceipt', [roundId, {}])(ws),
      act: (ws, roundId, token) => ws.run('recordReceipt', [roundId, {}, token]),
      retry: (ws, roundId) => yes(ws, 'recordReceipt', [roundId, {}]),
      check: (ws) => {
        const arrivedMail = ws.mail.sent.filter((m) => /товар приехал/.test(m.subject));
        expect(arrivedMail.map((m) => m.to).sort()).toEqual(['анна@example.org', 'борис@example.org'].sort());
      },
    });
  });

  test('archiving a settled round: the coordinator confirms again; one row per person and item, the Ledger line once', () => {
    sweep({
      name: 'archive',
      base: () => settled,
      fn: 'archiveRound',
      prepare: (ws, roundId) => question('archiveRound', [roundId])(ws),
      act: (ws, roundId, token) => ws.run('archiveRound', [roundId, token]),
      retry: (ws, roundId) => yes(ws, 'archiveRound', [roundId]),
      check: (ws, roundId) => {
        expect(ws.spreadsheet.sheets.map((sh) => sh.name).filter((n) => n.startsWith(`${roundId} · `))).toEqual([]);
        const rows = sheetValues(ws, sheetName('archive', RU))
          .slice(1)
          .filter((r) => cell('archive', r, 'round') === roundId)
          .map((r) => `${String(cell('archive', r, 'name'))}: ${String(cell('archive', r, 'item'))}`);
        expect(rows.sort()).toEqual(['Анна: Рис', 'Анна: Яйца', 'Борис: Масло подсолнечное', 'Борис: Яйца'].sort());
        const ledger = sheetValues(ws, sheetName('ledger', RU)).filter((r) => cell('ledger', r, 'round') === roundId);
        expect(ledger).toHaveLength(1);
        expect([...ws.properties.document.data.keys()].filter((k) => k.includes(`:${roundId}`))).toEqual([]);
      },
    });
  });

  test('a resident’s complaint from the link in their bill: the tick records it once', () => {
    // The bill is sent unharmed; the execution that may die is the form-submit trigger's.
    const linkInBill = (ws: Workspace) => {
      ws.run('sendQueuedEmails');
      const bill = ws.mail.sent.find((m) => m.to === 'анна@example.org' && m.subject.includes('ваш счёт'))!;
      return /(https:\/\/docs\.google\.com\/forms\/d\/e\/\S+)/.exec(bill.body)![1];
    };
    sweep({
      name: 'complaint from the form',
      base: () => closed,
      fn: 'onFormSubmit_',
      prepare: linkInBill,
      act: (ws, _roundId, url) => {
        ws.submitPrefilled(String(url), {
          answers: { Товар: 'Яйца · 鸡蛋 · Eggs', 'Сколько (в единицах товара)': '1', 'Что не так?': 'разбиты' },
        });
      },
      retry: () => {},
      check: (ws) => {
        const rows = sheetValues(ws, sheetName('complaints', RU)).slice(1);
        expect(
          rows.map((r) => [cell('complaints', r, 'who'), cell('complaints', r, 'item'), cell('complaints', r, 'note')]),
        ).toEqual([['Анна', 'EGGS', 'разбиты']]);
      },
    });
  });

  test('recording a payment: the treasurer saves again with the same request', () => {
    const anna = (ws: Workspace, roundId: string) =>
      ws
        .run<{ participants: { orderKey: string; name: string }[] }>('participantsScreen', [roundId])
        .participants.find((p) => p.name === 'Анна')!.orderKey;
    const pay = (ws: Workspace, roundId: string, orderKey: unknown) =>
      ws.run('recordPayment', [{ roundId, orderKey, amount: '100', method: 'перевод', requestId: 'pay-1' }]);
    sweep({
      name: 'record payment',
      base: () => closed,
      fn: 'recordPayment',
      prepare: anna,
      act: pay,
      retry: (ws, roundId) => pay(ws, roundId, anna(ws, roundId)),
      check: (ws, roundId) => {
        const payments = sheetValues(ws, sheetName('journal', RU))
          .slice(1)
          .filter((r) => cell('journal', r, 'round') === roundId && cell('journal', r, 'requestId') === 'pay-1');
        expect(payments).toHaveLength(1);
      },
    });
  });
});

function submitTo(ws: Workspace, roundId: string, r: Parameters<typeof submit>[1]) {
  return submit({ ws, roundId } as Parameters<typeof submit>[0], r);
}
