import { Workspace } from '../../local/emulator';
import { parseJournalKind } from '../../src/core/i18n/journalLabels';
import { columnNumber } from '../../src/workspace/sheets/schema';
import { HOUR, yes } from '../harness/community';
import { HandOutCommunity, PEOPLE, cloneOf, handOutCommunity, saveState } from '../harness/volunteers';

/**
 * The phone path: a volunteer in the Google Sheets mobile app ticks "picked up" and "paid" and types a
 * neighbour's order in their building's tab; the installable edit trigger (addon/phone.ts) brings the
 * books in line. People edit through ws.edit, which checks protections and fires the trigger with the
 * event object of developers.google.com/apps-script/guides/triggers/events#edit — `user` blank for anyone
 * but the trigger's owner under the strict reading (local/emulator/fidelity.ts editEventUser).
 */

const TAB = '🏠 Дом 1';
const PICKED = columnNumber('tabList', 'pickedUp');
const PAID = columnNumber('tabList', 'paid');
const DUE = columnNumber('tabList', 'due');
const STATUS = columnNumber('tabList', 'status');
const NOTE = columnNumber('tabList', 'note');

let base: HandOutCommunity;
let state: ReturnType<typeof saveState>;
beforeAll(() => {
  base = handOutCommunity();
  state = saveState(base.ws);
});

function community(fidelity?: { editEventUser: 'email' }): Workspace {
  const ws = cloneOf(state).workspace;
  if (fidelity) Object.assign(ws.fidelity, fidelity);
  ws.session.locales.set(ws.owner, 'ru_RU');
  return ws;
}

/** The row of a resident in a tab's hand-out list. */
function rowOf(ws: Workspace, name: string, tab = TAB): number {
  const sheet = ws.spreadsheet.sheet(tab)!;
  for (let r = 1; r <= sheet.dataExtent().rows; r++) if (sheet.read(r, 2) === name && sheet.read(r, PICKED) !== '') return r;
  throw new Error(`${name} is not in ${tab}`);
}

const cell = (ws: Workspace, row: number, column: number, tab = TAB) => ws.spreadsheet.sheet(tab)!.read(row, column);

/** The Journal's lines of the hand-out round: kind, amount, who recorded it, how. */
function journal(ws: Workspace): [string, unknown, string][] {
  const sheet = ws.spreadsheet.sheet('Касса')!;
  const out: [string, unknown, string][] = [];
  for (let r = 2; r <= sheet.dataExtent().rows; r++)
    if (sheet.read(r, 2) === base.handOutRound)
      out.push([
        parseJournalKind(String(sheet.read(r, 6))) ?? `unreadable: ${sheet.read(r, 6)}`,
        sheet.read(r, 7),
        String(sheet.read(r, 9)),
      ]);
  return out;
}

/** A person ticks or types on the phone; the edit must go through and every trigger run must succeed. */
function tap(ws: Workspace, user: string, row: number, column: number, value: unknown, tab = TAB) {
  const result = ws.edit(user, tab, [row, column], value);
  expect(result.error).toBeUndefined();
  expect(result.runs.map((r) => r.error ?? '')).toEqual(result.runs.map(() => ''));
  return result;
}

describe('ticking on the phone', () => {
  test('"picked up": one Journal line, who and when, the Bills sheet and the row agree', () => {
    const ws = community();
    const anna = rowOf(ws, 'Анна');
    const result = tap(ws, PEOPLE.olga, anna, PICKED, true);
    // The event really carries no user for a volunteer's consumer account: the trigger runs as its owner.
    expect(result.runs.map((r) => [r.functionName, r.user])).toEqual([['onSheetEdit_', PEOPLE.coordinator]]);
    expect(journal(ws)).toEqual([['pickup', 0, 'волонтёр: Дом 1']]);
    // Olga reads Chinese: the tab speaks it.
    expect(cell(ws, anna, STATUS)).toMatch(/^✓ \d+:\d\d 已领取$/);
    const bills = ws.spreadsheet.sheet('R1 · Счета')!;
    expect(bills.read(2, columnNumber('bills', 'pickedUp'))).toBe(true);
  });

  test('unticking is recorded as its own line, never by rewriting the first', () => {
    const ws = community();
    const anna = rowOf(ws, 'Анна');
    tap(ws, PEOPLE.olga, anna, PICKED, true);
    tap(ws, PEOPLE.olga, anna, PICKED, false);
    expect(journal(ws).map((j) => j[0])).toEqual(['pickup', 'unpickup']);
    expect(cell(ws, anna, STATUS)).toMatch(/已撤销领取$/);
  });

  test('the same tick twice, or the same event delivered again, is recorded once', () => {
    const ws = community();
    const anna = rowOf(ws, 'Анна');
    const first = tap(ws, PEOPLE.olga, anna, PICKED, true);
    tap(ws, PEOPLE.olga, anna, PICKED, true);
    // A retried trigger: the very same event object handed to the handler again.
    const trigger = ws.triggers.triggers.find((t) => t.handler === 'onSheetEdit_')!;
    const event = { range: ws.spreadsheet.sheet(TAB)!.proxy.getRange(anna, PICKED), value: 'TRUE', source: ws.spreadsheet.proxy };
    ws.fire(trigger, event);
    expect(first.runs).toHaveLength(1);
    expect(journal(ws)).toEqual([['pickup', 0, 'волонтёр: Дом 1']]);
  });

  test('two volunteers at once: edits made while the lock is busy wait, and still count once', () => {
    const ws = community();
    const anna = rowOf(ws, 'Анна');
    // Another execution (a coordinator closing a big round) holds the lock for a minute.
    ws.locks.holdElsewhere('script', 60_000);
    ws.locks.holdElsewhere('document', 60_000);
    tap(ws, PEOPLE.olga, anna, PICKED, true);
    tap(ws, PEOPLE.tanya, anna, PICKED, true);
    expect(journal(ws)).toEqual([]);
    // The next run with the file — the hourly tick where it has the spreadsheet (a bound script), else the
    // coordinator's next visit — records what the tab shows: picked up, once.
    ws.advance(2 * HOUR);
    ws.run('listRounds');
    expect(journal(ws)).toEqual([['pickup', 0, 'волонтёр: Дом 1']]);
    // And a later tick from the other volunteer finds nothing new to record.
    tap(ws, PEOPLE.tanya, anna, PICKED, true);
    expect(journal(ws)).toHaveLength(1);
  });

  test('"paid" records what is owed; unticking takes back only what the tab recorded', () => {
    const ws = community();
    const anna = rowOf(ws, 'Анна');
    const owed = cell(ws, anna, DUE) as number;
    expect(owed).toBeGreaterThan(0);
    tap(ws, PEOPLE.olga, anna, PAID, true);
    expect(journal(ws)).toEqual([['payment', owed, 'волонтёр: Дом 1']]);
    expect(cell(ws, anna, DUE)).toBe(0);
    tap(ws, PEOPLE.olga, anna, PAID, false);
    expect(journal(ws).map((j) => [j[0], j[1]])).toEqual([
      ['payment', owed],
      ['refund', owed],
    ]);
    expect(cell(ws, anna, DUE)).toBe(owed);
  });

  test('unticking a payment made by transfer is refused: the box is ticked back, with a note', () => {
    const ws = community();
    ws.run('recordPayment', [{ roundId: base.handOutRound, orderKey: base.orders.anna, amount: '1000', requestId: 'bank' }], {
      user: PEOPLE.finance,
    });
    const anna = rowOf(ws, 'Анна');
    // The treasurer's payment reached the tab at once.
    expect(cell(ws, anna, PAID)).toBe(true);
    tap(ws, PEOPLE.olga, anna, PAID, false);
    expect(cell(ws, anna, PAID)).toBe(true);
    expect(cell(ws, anna, STATUS)).toBe('↩ 已通过转账或在财务处付款，只有财务可以撤销。');
    expect(journal(ws).map((j) => j[0])).toEqual(['payment']);
  });

  test('a note is the volunteer’s own: kept, and nothing is recorded for it', () => {
    const ws = community();
    const anna = rowOf(ws, 'Анна');
    tap(ws, PEOPLE.olga, anna, NOTE, 'заберёт внучка');
    expect(journal(ws)).toEqual([]);
    ws.run('refreshBuildingTabs');
    expect(cell(ws, rowOf(ws, 'Анна'), NOTE)).toBe('заберёт внучка');
  });

  test('a cell the add-on fills, typed over by hand, is put back with a note', () => {
    const ws = community();
    const anna = rowOf(ws, 'Анна');
    const owed = cell(ws, anna, DUE);
    tap(ws, PEOPLE.olga, anna, DUE, 0);
    expect(cell(ws, anna, DUE)).toBe(owed);
    expect(cell(ws, anna, STATUS)).toBe('↩ 此列由插件填写；请在插件面板中修改订单，或联系团长。');
    expect(journal(ws)).toEqual([]);
  });
});

describe('who may tick', () => {
  test('only the building’s volunteers, the treasurer and the coordinators: Sheets refuses anyone else', () => {
    const ws = community();
    const anna = rowOf(ws, 'Анна');
    expect(ws.edit(PEOPLE.petr, TAB, [anna, PICKED], true).error).toMatch(/protected cell/);
    expect(ws.edit(PEOPLE.stranger, TAB, [anna, PICKED], true).error).toMatch(/protected cell/);
    expect(ws.edit(PEOPLE.finance, TAB, [anna, PICKED], true).error).toBeUndefined();
    expect(journal(ws).map((j) => j[0])).toEqual(['pickup']);
  });

  test('an edit by someone else that gets through is undone, with a note, when Google says who it was', () => {
    // Same Workspace domain: e.user carries the email. A protection widened by hand let a stranger in.
    const ws = community({ editEventUser: 'email' });
    ws.spreadsheet.sheet(TAB)!.protection!.addEditor(PEOPLE.stranger);
    const anna = rowOf(ws, 'Анна');
    tap(ws, PEOPLE.stranger, anna, PICKED, true);
    expect(cell(ws, anna, PICKED)).toBe(false);
    expect(cell(ws, anna, STATUS)).toBe('↩ Дом 1：只有本楼组的志愿者、财务和团长可以修改此名单，修改已撤销。');
    expect(journal(ws)).toEqual([]);
    const log = ws.spreadsheet.sheet('Журнал')!;
    expect(String(log.read(log.dataExtent().rows, 6))).toContain(PEOPLE.stranger);
    // The same domain names the volunteer who ticks, instead of "a volunteer of Дом 1".
    tap(ws, PEOPLE.tanya, anna, PICKED, true);
    expect(journal(ws)).toEqual([['pickup', 0, PEOPLE.tanya]]);
  });

  test('a tick in a closed and settled round is put back, with a note saying why', () => {
    const ws = community();
    yes(ws, 'settleRound', [base.handOutRound]);
    ws.run('refreshBuildingTabs');
    const anna = rowOf(ws, 'Анна');
    tap(ws, PEOPLE.olga, anna, PICKED, true);
    expect(cell(ws, anna, PICKED)).toBe(false);
    expect(cell(ws, anna, STATUS)).toBe('↩ 本期团购状态为“已结算”，此处不能再登记，请联系财务。');
    expect(journal(ws).filter((j) => j[0] === 'pickup')).toEqual([]);
  });
});

describe("a neighbour's order typed on the phone", () => {
  /** The first blank entry row of a tab's order section. */
  function entryRow(ws: Workspace, tab = TAB): number {
    const sheet = ws.spreadsheet.sheet(tab)!;
    const key = columnNumber('tabEntry', 'key');
    for (let r = 1; r <= sheet.dataExtent().rows; r++)
      if (String(sheet.read(r, key)).startsWith('new|') && !sheet.read(r, 1) && !sheet.read(r, 2) && !sheet.read(r, 3)) return r;
    throw new Error('no blank entry row');
  }
  const ITEM = columnNumber('tabEntry', 'item');
  const QTY = columnNumber('tabEntry', 'quantity');
  const NOTE_E = columnNumber('tabEntry', 'status');

  function ordersOf(ws: Workspace, name: string): unknown[][] {
    const sheet = ws.spreadsheet.sheet('Заказы')!;
    const out: unknown[][] = [];
    for (let r = 2; r <= sheet.dataExtent().rows; r++)
      if (sheet.read(r, 8) === name)
        out.push([sheet.read(r, 16), sheet.read(r, 18), sheet.read(r, 15), sheet.read(r, 11), sheet.read(r, 4)]);
    return out;
  }

  test('flat and name once, then one item a row: saved as an offline order of the building, with a note', () => {
    const ws = community();
    const at = entryRow(ws);
    tap(ws, PEOPLE.olga, at, 1, '12');
    tap(ws, PEOPLE.olga, at, 2, 'Клавдия Ивановна');
    expect(cell(ws, at, NOTE_E)).toBe('请填写商品和数量。');
    tap(ws, PEOPLE.olga, at, ITEM, '鸡蛋');
    tap(ws, PEOPLE.olga, at, QTY, '2');
    tap(ws, PEOPLE.olga, at + 1, ITEM, 'Мука');
    tap(ws, PEOPLE.olga, at + 1, QTY, '1');
    expect(ordersOf(ws, 'Клавдия Ивановна')).toEqual([
      ['EGGS', 2, 'волонтёр: Дом 1', 'Дом 1', 2],
      ['FLOUR', 1, 'волонтёр: Дом 1', 'Дом 1', 2],
    ]);
    expect(cell(ws, at, NOTE_E)).toMatch(/^✓ 已于\d+:\d\d保存：2件商品。$/);
    // Typed again the same: nothing new. Changed: a new revision of the same order.
    tap(ws, PEOPLE.olga, at + 1, QTY, '1');
    expect(ordersOf(ws, 'Клавдия Ивановна').map((r) => r[4])).toEqual([2, 2]);
    tap(ws, PEOPLE.olga, at, QTY, '3');
    expect(ordersOf(ws, 'Клавдия Ивановна').map((r) => [r[0], r[1], r[4]])).toEqual([
      ['EGGS', 3, 3],
      ['FLOUR', 1, 3],
    ]);
  });

  test('a quantity the form would refuse is refused here too, in the volunteer’s language, and nothing is saved', () => {
    const ws = community();
    const at = entryRow(ws);
    tap(ws, PEOPLE.olga, at, 2, 'Пётр Семёнович');
    tap(ws, PEOPLE.olga, at, ITEM, '鸡蛋');
    tap(ws, PEOPLE.olga, at, QTY, 'два');
    expect(cell(ws, at, NOTE_E)).toBe('鸡蛋：“два”不是数字。');
    expect(ordersOf(ws, 'Пётр Семёнович')).toEqual([]);
    tap(ws, PEOPLE.olga, at, ITEM, 'картошка');
    expect(cell(ws, at, NOTE_E)).toBe('本期团购没有商品“картошка”。');
  });

  test('emptying the quantities cancels the order; a closed round takes none', () => {
    const ws = community();
    const at = entryRow(ws);
    tap(ws, PEOPLE.olga, at, 2, 'Зина');
    tap(ws, PEOPLE.olga, at, ITEM, 'EGGS');
    tap(ws, PEOPLE.olga, at, QTY, '1');
    expect(ordersOf(ws, 'Зина').map((r) => r[1])).toEqual([1]);
    tap(ws, PEOPLE.olga, at, ITEM, '');
    tap(ws, PEOPLE.olga, at, QTY, '');
    expect(ordersOf(ws, 'Зина').map((r) => r[1])).toEqual([0]);
    expect(cell(ws, at, NOTE_E)).toMatch(/^已于\d+:\d\d取消：没有商品了。$/);
    yes(ws, 'closeRound', [base.openRound]);
    tap(ws, PEOPLE.olga, at + 2, 2, 'Опоздавший');
    tap(ws, PEOPLE.olga, at + 2, ITEM, 'EGGS');
    tap(ws, PEOPLE.olga, at + 2, QTY, '1');
    expect(cell(ws, at + 2, NOTE_E)).toBe('本期团购已截单，不再接受订单。');
    expect(ordersOf(ws, 'Опоздавший')).toEqual([]);
  });
});

describe("a building's tab, rewritten", () => {
  const KEY = columnNumber('tabList', 'key');
  const ITEM = columnNumber('tabEntry', 'item');

  test('each kind of format is one write over the whole tab, however many rounds and residents it shows', () => {
    const ws = community();
    const tabs = ws.spreadsheet.sheets.filter((s) => s.name.startsWith('🏠 ')).length;
    expect(tabs).toBeGreaterThan(1);
    ws.calls.reset();
    ws.run('refreshBuildingTabs');
    for (const grid of [
      'Range.setValues',
      'Range.setNumberFormats',
      'Range.setFontWeights',
      'Range.setBackgrounds',
      'Range.setDataValidations',
    ])
      expect([grid, ws.calls.get(grid)]).toEqual([grid, tabs]);
    for (const single of ['Range.setFontWeight', 'Range.setBackground', 'Range.setNumberFormat', 'Range.setDataValidation'])
      expect([single, ws.calls.get(single)]).toEqual([single, 0]);
  });

  test('headings stand out, boxes are checkboxes, amounts are money, typed columns stay as typed, items are a list', () => {
    const ws = community();
    ws.run('refreshBuildingTabs');
    const sheet = ws.spreadsheet.sheet(TAB)!;
    const kind = (r: number) => String(sheet.read(r, KEY)).split('|')[0];
    const rows = Array.from({ length: sheet.dataExtent().rows }, (_, i) => i + 1);
    const at = (k: string) => rows.filter((r) => kind(r) === k);
    const style = (r: number, c: number) => sheet.styles.get(sheet.key(r, c)) ?? {};
    expect(style(1, 1).fontWeight).toBe('bold');
    for (const r of [...at('list'), ...at('entry')]) expect(style(r, 3)).toEqual({ fontWeight: 'bold', background: '#e8f0fe' });
    for (const r of at('head')) expect(style(r, 1)).toEqual({ fontWeight: 'bold', background: '#f1f3f4' });
    const anna = rowOf(ws, 'Анна');
    expect(style(anna, 1).fontWeight).toBe('normal');
    expect([PICKED, PAID].map((c) => sheet.validations.get(sheet.key(anna, c))?.kind)).toEqual(['checkbox', 'checkbox']);
    expect(sheet.validations.get(sheet.key(anna, NOTE))).toBeUndefined();
    expect(sheet.formats.get(sheet.key(anna, DUE))).toContain('₽');
    const entry = at('new')[0];
    expect(sheet.validations.get(sheet.key(entry, ITEM))?.kind).toBe('list');
    expect(sheet.formats.get(sheet.key(entry, 1))).toBe('@');
    expect(sheet.validations.get(sheet.key(entry, ITEM + 1))).toBeUndefined();
  });
});
