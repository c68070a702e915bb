import { EXECUTION_TIME_ERROR, Workspace, loadState, saveState } from '../../local/emulator';
import { loadAddOn } from '../harness/bundle';
import { sheetName } from '../../src/workspace/sheets/schema';
import { Community, HOUR, NOW, openCommunity, submit, yes } from '../harness/community';
import { cell, sheetValues } from '../harness/sheets';

/**
 * Archiving a settled round (issue 19): its own tabs are folded into one Archive sheet, its document
 * properties go, the Ledger keeps its line and the credit people carry stays usable.
 */

interface Person {
  orderKey: string;
  name: string;
  dueMinor: number;
  balanceMinor: number;
}
const people = (ws: Workspace, roundId: string) =>
  ws.run<{ participants: Person[] }>('participantsScreen', [roundId]).participants;
const pay = (ws: Workspace, roundId: string, p: Person, minor: number, id: string) =>
  ws.run('recordPayment', [{ roundId, orderKey: p.orderKey, amount: String(minor / 100), method: 'перевод', requestId: id }]);

/** A round run to the end: Анна overpays by 100 ₽, Борис pays his bill, the round is settled. */
function settledRound(): Community {
  const c = openCommunity({ deployment: 'bound' });
  submit(c, { name: 'Анна', flat: '5', items: { EGGS: '2', RICE: '3' } });
  submit(c, { name: 'Борис', flat: '7', items: { EGGS: '1' } });
  yes(c.ws, 'closeRound', [c.roundId]);
  c.ws.run('supplierOrder', [c.roundId]);
  yes(c.ws, 'recordReceipt', [c.roundId, {}]);
  for (const p of people(c.ws, c.roundId)) pay(c.ws, c.roundId, p, p.dueMinor + (p.name === 'Анна' ? 10000 : 0), `pay-${p.name}`);
  yes(c.ws, 'settleRound', [c.roundId]);
  return c;
}

const tabs = (ws: Workspace) => ws.spreadsheet.sheets.map((s) => s.name);
const propertyNames = (ws: Workspace) => [...ws.properties.document.data.keys()];

describe('archiving a settled round', () => {
  test('asks first, then folds the tabs into the Archive sheet, one row per person and item, with the bill', () => {
    const c = settledRound();
    const before = tabs(c.ws);
    const own = before.filter((n) => n.startsWith(`${c.roundId} · `));
    expect(own.length).toBeGreaterThanOrEqual(4);
    let question = '';
    yes(c.ws, 'archiveRound', [c.roundId], undefined);
    runAsking(c, (q) => (question = q));
    expect(question).toBe('');
    // The round's tabs and its form's response sheet are gone; nothing else is.
    const after = tabs(c.ws);
    expect(after.filter((n) => n.startsWith(`${c.roundId} · `))).toEqual([]);
    const responses = c.ws.forms.byId(c.formId)!;
    expect(responses.getDestinationId()).toBeNull();
    // Its tabs and the response sheet out, the Archive sheet in (created at set-up: already there).
    expect(after.length).toBe(before.length - own.length - 1);
    const rows = sheetValues(c.ws, sheetName('archive', 'ru')).slice(1);
    const mine = rows.filter((r) => cell('archive', r, 'round') === c.roundId);
    expect(mine.map((r) => `${String(cell('archive', r, 'name'))}: ${String(cell('archive', r, 'item'))}`).sort()).toEqual(
      ['Анна: Рис', 'Анна: Яйца', 'Борис: Яйца'].sort(),
    );
    // Each bill once: summing the Bill column gives what the round billed.
    const billed = mine.reduce((s, r) => s + Math.round(Number(cell('archive', r, 'total') || 0) * 100), 0);
    const ledger = sheetValues(c.ws, sheetName('ledger', 'ru'))
      .slice(1)
      .find((r) => cell('ledger', r, 'round') === c.roundId)!;
    expect(Math.round(Number(cell('ledger', ledger, 'billed')) * 100)).toBe(billed);
  });

  test('its document properties go; the Ledger keeps its line and the community line is unchanged', () => {
    const c = settledRound();
    const ledgerBefore = sheetValues(c.ws, sheetName('ledger', 'ru'));
    const bytesBefore = propertyNames(c.ws).join().length;
    yes(c.ws, 'archiveRound', [c.roundId]);
    const left = propertyNames(c.ws).filter((n) => n.includes(c.roundId) || n.startsWith('responses:') || n.startsWith('seen:'));
    expect(left).toEqual([]);
    expect(propertyNames(c.ws).join().length).toBeLessThan(bytesBefore);
    const ledgerAfter = sheetValues(c.ws, sheetName('ledger', 'ru'));
    const line = (v: unknown[][]) => v.find((r) => cell('ledger', r, 'round') === c.roundId)!.slice(0, 15);
    expect(line(ledgerAfter)).toEqual(line(ledgerBefore));
    const community = (v: unknown[][]) => v[v.length - 1];
    expect(community(ledgerAfter)).toEqual(community(ledgerBefore));
    // Once archived, the round's screens say so in the reader's language.
    expect(() => c.ws.run('participantsScreen', [c.roundId])).toThrow('в архиве');
  });

  test("credit carried out of an archived round pays the next round's bill", () => {
    const c = settledRound();
    yes(c.ws, 'archiveRound', [c.roundId]);
    const next = c.ws.run<{ id: string }>('createRound', [
      { title: 'Декабрь', deadline: new Date(NOW + 96 * HOUR).toISOString(), itemIds: ['EGGS'], pickupTime: 'вс 12:00' },
    ]);
    c.ws.run('openRound', [next.id]);
    c.ws.run('saveOfflineOrder', [
      { roundId: next.id, name: 'Анна', email: 'анна@example.org', flat: '5', building: 'Дом 1', quantities: { EGGS: '3' } },
    ]);
    const anna = people(c.ws, next.id).find((p) => p.name === 'Анна')!;
    yes(c.ws, 'closeRound', [next.id]);
    const billed = people(c.ws, next.id).find((p) => p.orderKey === anna.orderKey)!;
    expect(billed.dueMinor).toBeGreaterThan(0);
    const bills = sheetValues(c.ws, `${next.id} · Счета`).slice(1);
    const row = bills.find((r) => cell('bills', r, 'orderKey') === anna.orderKey)!;
    expect(Math.round(Number(cell('bills', row, 'credit')) * 100)).toBe(10000);
  });

  test('an archive killed half-way (nobody clicks again) is finished by the tick', () => {
    const c = settledRound();
    const asked = c.ws.run<{ confirm: { token: string } }>('archiveRound', [c.roundId]);
    // A dry run on a copy counts the archive's calls; the real one is killed a few before the end, with
    // its rows written and its Ledger line moved but its tabs and keys not all gone.
    const dry = loadAddOn({ now: NOW, deployment: 'bound' }).workspace;
    loadState(dry, structuredClone(saveState(c.ws)));
    dry.run('archiveRound', [c.roundId, asked.confirm.token]);
    const total = dry.executions[dry.executions.length - 1].serviceCalls;
    c.ws.faults.killAt(total - 3, 'timeout', { fn: 'archiveRound' });
    expect(() => c.ws.run('archiveRound', [c.roundId, asked.confirm.token])).toThrow(EXECUTION_TIME_ERROR);
    expect(propertyNames(c.ws).some((n) => n.startsWith(`archiving:${c.roundId}`))).toBe(true);
    c.ws.advance(2 * HOUR);
    expect(tabs(c.ws).filter((n) => n.startsWith(`${c.roundId} · `))).toEqual([]);
    expect(propertyNames(c.ws).filter((n) => n.includes(`:${c.roundId}`))).toEqual([]);
    const rows = sheetValues(c.ws, sheetName('archive', 'ru')).filter((r) => cell('archive', r, 'round') === c.roundId);
    expect(rows).toHaveLength(3);
  });

  test("an archived round's people can still be purged: the Archive rows keep quantities and money, not names", () => {
    const c = settledRound();
    yes(c.ws, 'archiveRound', [c.roundId]);
    const result = yes<{ done: boolean; people: number }>(c.ws, 'purgePersonalData', [c.roundId]);
    expect(result).toMatchObject({ done: true, people: 2 });
    const rows = sheetValues(c.ws, sheetName('archive', 'ru'))
      .slice(1)
      .filter((r) => cell('archive', r, 'round') === c.roundId);
    expect([...new Set(rows.map((r) => String(cell('archive', r, 'name'))))].sort()).toEqual(['Участник 1', 'Участник 2']);
    expect(rows.every((r) => cell('archive', r, 'flat') === '')).toBe(true);
    expect(rows.some((r) => Number(cell('archive', r, 'total')) > 0)).toBe(true);
  });

  test("a round not settled yet is refused, in the coordinator's language", () => {
    const c = openCommunity({ deployment: 'bound' });
    expect(() => c.ws.run('archiveRound', [c.roundId])).toThrow('рассчитались');
  });
});

describe('a cancelled round is archived too', () => {
  test('two weeks after the cancel, by the tick: its tabs go, the Archive keeps what people ordered with nothing due, the Ledger its line', () => {
    const c = openCommunity({ deployment: 'bound' });
    submit(c, { name: 'Анна', flat: '5', items: { EGGS: '2', RICE: '3' } });
    submit(c, { name: 'Борис', flat: '7', items: { EGGS: '1' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    yes(c.ws, 'cancelRound', [c.roundId, 'поставщик закрылся']);
    c.ws.advance(13 * 24 * HOUR);
    expect(tabs(c.ws).some((n) => n.startsWith(`${c.roundId} · `))).toBe(true);
    c.ws.advance(2 * 24 * HOUR);
    expect(tabs(c.ws).filter((n) => n.startsWith(`${c.roundId} · `))).toEqual([]);
    expect(propertyNames(c.ws).filter((n) => n.includes(`:${c.roundId}`))).toEqual([]);
    const rows = sheetValues(c.ws, sheetName('archive', 'ru'))
      .slice(1)
      .filter((r) => cell('archive', r, 'round') === c.roundId);
    expect(rows.map((r) => `${String(cell('archive', r, 'name'))}: ${String(cell('archive', r, 'item'))}`).sort()).toEqual(
      ['Анна: Рис', 'Анна: Яйца', 'Борис: Яйца'].sort(),
    );
    expect(rows.every((r) => Number(cell('archive', r, 'total') || 0) === 0)).toBe(true);
    const ledger = sheetValues(c.ws, sheetName('ledger', 'ru')).slice(1);
    const line = ledger.find((r) => cell('ledger', r, 'round') === c.roundId)!;
    expect(String(cell('ledger', line, 'state'))).toMatch(/отмен/i);
    expect(Number(cell('ledger', line, 'billed') || 0)).toBe(0);
  });

  test('the coordinator may archive a cancelled round at once', () => {
    const c = openCommunity({ deployment: 'bound' });
    submit(c, { name: 'Анна', flat: '5', items: { EGGS: '2' } });
    yes(c.ws, 'cancelRound', [c.roundId, 'поставщик закрылся']);
    const done = yes<{ done: boolean; people: number }>(c.ws, 'archiveRound', [c.roundId]);
    expect(done).toMatchObject({ done: true, people: 1 });
    expect(() => c.ws.run('participantsScreen', [c.roundId])).toThrow('в архиве');
    const ledger = sheetValues(c.ws, sheetName('ledger', 'ru')).slice(1);
    expect(ledger.some((r) => cell('ledger', r, 'round') === c.roundId)).toBe(true);
  });
});

function runAsking(c: Community, onQuestion: (q: string) => void): void {
  // Archiving again asks nothing and changes nothing.
  const again = c.ws.run<{ done: boolean; confirm?: { question: string } }>('archiveRound', [c.roundId]);
  if (again.confirm) onQuestion(again.confirm.question);
  expect(again.done).toBe(true);
}
