import { runConfirmed } from '../local/scenario/confirm';
import { T0, benchCommunity } from './community';
import { rng } from './data';

const HOUR = 3600_000;

export interface ParcelPhase {
  phase: string;
  sheetRoundTrips: number;
  executions: number;
}

export interface ParcelRound {
  parcels: number;
  phases: ParcelPhase[];
  sheetRoundTrips: number;
  perParcel: number;
}

/**
 * A realistic round of `parcels` parcels from opening to settlement, as the Shanghai seed describes it:
 * five in six residents order by form over the first 60 hours, the rest are entered by their building's
 * volunteer; the hourly tick runs throughout (reminders, then the stop, then the bills at 100 emails a
 * day); the supplier order, goods received, every payment recorded by the treasurer or at the door, every
 * parcel checked off at pickup, the round settled. Counts Sheets round trips over the whole life.
 */
export function parcelRound(distDir: string, parcels = 300): ParcelRound {
  const c = benchCommunity(distDir, 0, 'bound');
  const ws = c.workspace;
  const r = rng(3);
  const phases: ParcelPhase[] = [];
  const phase = (name: string, fn: () => void) => {
    ws.calls.reset();
    const before = ws.executions.length;
    fn();
    phases.push({ phase: name, sheetRoundTrips: ws.calls.roundTrips('spreadsheet'), executions: ws.executions.length - before });
  };
  const form = ws.forms.byId(c.formId)!;
  const questions = form.items.filter((i) => i.title.startsWith('Item '));
  const byForm = Math.round((parcels * 5) / 6);
  phase(`${byForm} orders by form, hourly ticks with reminders`, () => {
    for (let k = 0; k < byForm; k++) {
      ws.advanceTo(T0 + Math.floor((k / byForm) * 60 * HOUR));
      const a: Record<string, string> = {};
      for (const item of form.items) a[item.title] = item.choices[0] ?? '';
      a[form.items[0].title] = `Resident ${k}`;
      for (let n = 1 + Math.floor(r() * 5); n > 0; n--) a[questions[Math.floor(r() * questions.length)].title] = '1';
      ws.submitForm(c.formId, { answers: a, email: `resident${k}@example.org` });
    }
  });
  phase(`${parcels - byForm} orders entered by volunteers`, () => {
    for (let k = byForm; k < parcels; k++)
      ws.run('saveOfflineOrder', [
        { roundId: c.roundId, name: `Neighbour ${k}`, building: String(1 + (k % 8)), quantities: { I00: '1', I03: '2' } },
      ]);
  });
  phase('the stop, bills, three days of ticks (100 emails a day)', () => ws.advanceTo(T0 + 72 * HOUR + 3 * 24 * HOUR));
  phase('supplier order, goods received', () => {
    ws.run('supplierOrder', [c.roundId]);
    runConfirmed(ws, 'recordReceipt', [c.roundId, {}]);
  });
  const people = ws
    .run<{ participants: { orderKey: string; dueMinor: number }[] }>('participantsScreen', [c.roundId])
    .participants.filter((p) => p.dueMinor > 0);
  phase(`${people.length} payments and pickups`, () => {
    people.forEach((p, i) => {
      ws.run('recordPayment', [
        { roundId: c.roundId, orderKey: p.orderKey, amount: String(p.dueMinor / 100), requestId: `pay${i}` },
      ]);
      ws.run('setPickedUp', [{ roundId: c.roundId, orderKey: p.orderKey, pickedUp: true, requestId: `pick${i}` }]);
    });
  });
  phase('settle', () => void runConfirmed(ws, 'settleRound', [c.roundId]));
  const total = phases.reduce((s, p) => s + p.sheetRoundTrips, 0);
  return { parcels, phases, sheetRoundTrips: total, perParcel: Number((total / parcels).toFixed(2)) };
}
