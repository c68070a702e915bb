import { Workspace } from '../local/emulator';
import { runConfirmed } from '../local/scenario/confirm';
import { T0, benchCommunity } from './community';
import { rng } from './data';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** What one operation cost: Sheets round trips (and all calls), property and form calls. */
export interface OpCost {
  op: string;
  sheetRoundTrips: number;
  sheetCalls: number;
  propertyCalls: number;
  formCalls: number;
  /** Every call by method, to see what grew. */
  byMethod?: Record<string, number>;
}

export interface SoakResult {
  rounds: number;
  /**
   * Each measured operation at rounds 1, 2, 3 and the last (`first` is round 3). Round 1 also creates the
   * buildings' tabs and has no earlier round to show in them; round 3 is the first whose tick archives one.
   */
  round1: OpCost[];
  round2: OpCost[];
  first: OpCost[];
  last: OpCost[];
  propertyBytes: number;
  cells: number;
  sheets: number;
  /** The same figures had the rounds never been archived (measured at round 1 → extrapolated: the per-round growth). */
  perRoundWithoutArchive: { propertyBytes: number; cells: number; sheets: number };
}

function cost(ws: Workspace, op: string, fn: () => unknown): OpCost {
  ws.calls.reset();
  fn();
  return {
    op,
    sheetRoundTrips: ws.calls.roundTrips('spreadsheet'),
    sheetCalls: ws.calls.total('spreadsheet'),
    propertyCalls: ws.calls.total('properties'),
    formCalls: ws.calls.total('form'),
    byMethod: process.env.SOAK_METHODS ? ws.calls.snapshot() : undefined,
  };
}

/** Bytes of document properties, as Apps Script counts them against 500 KB (keys and values, UTF-8). */
export function propertyBytes(ws: Workspace): number {
  let n = 0;
  for (const [k, v] of ws.properties.document.data) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

/** Cells the spreadsheet holds, as Google counts them against 10 million: every sheet's rows × columns. */
export function cellCount(ws: Workspace): number {
  return ws.spreadsheet.sheets.reduce((s, sh) => s + sh.maxRows * sh.maxColumns, 0);
}

/**
 * The next hourly tick, with the clock moved on first: the hours between are not modelled (a real week has
 * 168 ticks doing nothing), so the tick's next run is set to now, as if it had just come round.
 */
function tickNow(ws: Workspace, at: number): void {
  ws.clock.set(at);
  const tick = ws.triggers.triggers.find((t) => t.handler === 'onTick_');
  if (tick) tick.nextAt = at;
  ws.advance(1);
}

/**
 * A weekly community over two years: a round a week of 8 items, 12 orders (8 by form, 4 entered by a
 * volunteer), closed at its stop by the tick, goods received, everyone paying, settled, archived two
 * weeks later by the tick. Measures each operation at round 1 and at the last round, and what the
 * spreadsheet and its document properties hold at the end.
 */
export function soak(distDir: string, rounds: number): SoakResult {
  const c = benchCommunity(distDir, 0, 'bound');
  const ws = c.workspace;
  // The bench community's own round is left as it is; the soak's rounds follow it.
  runConfirmed(ws, 'cancelRound', [c.roundId, 'bench']);
  const r = rng(5);
  let first: OpCost[] = [];
  let second: OpCost[] = [];
  let firstRound: OpCost[] = [];
  let last: OpCost[] = [];
  let afterFirst = { propertyBytes: 0, cells: 0, sheets: 0 };
  const before = { propertyBytes: propertyBytes(ws), cells: cellCount(ws), sheets: ws.spreadsheet.sheets.length };
  for (let k = 1; k <= rounds; k++) {
    const start = T0 + k * 7 * DAY;
    ws.clock.set(Math.max(ws.clock.now(), start));
    const itemIds = Array.from({ length: 8 }, (_, i) => c.items[(k * 3 + i * 7) % c.items.length].id);
    const measured: OpCost[] = [];
    const round = ws.run<{ id: string }>('createRound', [
      { title: `Week ${k}`, deadline: new Date(start + 3 * DAY).toISOString(), itemIds, delivery: '500' },
    ]);
    measured.push(cost(ws, 'open a round', () => ws.run('openRound', [round.id])));
    const formId = ws.forms.forms[ws.forms.forms.length - 1].id;
    const form = ws.forms.byId(formId)!;
    for (let n = 0; n < 8; n++) {
      const a: Record<string, string> = {};
      for (const item of form.items) a[item.title] = item.choices[0] ?? '';
      a[form.items[0].title] = `Resident ${n}`;
      const qs = form.items.filter((i) => i.title.startsWith('Item '));
      for (let m = 0; m < 3; m++) a[qs[Math.floor(r() * qs.length)].title] = String(1 + Math.floor(r() * 3));
      const submit = () => ws.submitForm(formId, { answers: a, email: `resident${n}@example.org` });
      if (n === 0) measured.push(cost(ws, 'form submission', submit));
      else submit();
    }
    for (let n = 0; n < 4; n++) {
      const save = () =>
        ws.run('saveOfflineOrder', [
          { roundId: round.id, name: `Neighbour ${n}`, building: '1', quantities: { [itemIds[n]]: '2' } },
        ]);
      if (n === 0) measured.push(cost(ws, 'offline order', save));
      else save();
    }
    measured.push(cost(ws, 'tally screen', () => ws.run('tallyScreen', [round.id])));
    measured.push(cost(ws, 'tick that closes the round', () => tickNow(ws, start + 3 * DAY + HOUR)));
    ws.run('sendQueuedEmails');
    ws.run('supplierOrder', [round.id]);
    measured.push(cost(ws, 'record what arrived', () => runConfirmed(ws, 'recordReceipt', [round.id, {}])));
    const people = ws.run<{ participants: { orderKey: string; dueMinor: number }[] }>('participantsScreen', [
      round.id,
    ]).participants;
    people
      .filter((p) => p.dueMinor > 0)
      .forEach((p, i) => {
        const pay = () =>
          ws.run('recordPayment', [
            { roundId: round.id, orderKey: p.orderKey, amount: String(p.dueMinor / 100), requestId: `p${k}-${i}` },
          ]);
        if (i === 0) measured.push(cost(ws, 'record a payment', pay));
        else pay();
      });
    measured.push(cost(ws, 'participants screen', () => ws.run('participantsScreen', [round.id])));
    measured.push(cost(ws, 'settle', () => runConfirmed(ws, 'settleRound', [round.id])));
    // The tick after settling rewrites the buildings' tabs; from round 3 on it also archives the round
    // settled two weeks before (the first has nothing to archive: compare round 3 with the last).
    measured.push(cost(ws, 'tick after settling (tabs; archives from round 3)', () => tickNow(ws, start + 5 * DAY)));
    measured.push(cost(ws, 'tick, nothing due', () => tickNow(ws, start + 6 * DAY)));
    if (k === 1) afterFirst = { propertyBytes: propertyBytes(ws), cells: cellCount(ws), sheets: ws.spreadsheet.sheets.length };
    if (k === 3) first = measured;
    if (k === 2) second = measured;
    if (k === 1) firstRound = measured;
    if (k === rounds) last = measured;
  }
  return {
    rounds,
    round1: firstRound,
    round2: second,
    first,
    last,
    propertyBytes: propertyBytes(ws),
    cells: cellCount(ws),
    sheets: ws.spreadsheet.sheets.length,
    perRoundWithoutArchive: {
      propertyBytes: afterFirst.propertyBytes - before.propertyBytes,
      cells: afterFirst.cells - before.cells,
      sheets: afterFirst.sheets - before.sheets,
    },
  };
}
