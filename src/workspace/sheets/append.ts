import { AppendingSheet, KEYS } from '../properties/keys';
import { DocumentStore, Entry, entry } from '../properties/store';

/**
 * Appends rows at a next-row counter kept in document properties. Every writer runs under the script
 * lock, so the counter is exact, and appending costs one write instead of getLastRow + setValues.
 * The hourly tick re-aligns counters with the sheets (a coordinator may delete rows by hand).
 *
 * The rows are reserved (the counter moved, with `alsoSet` — e.g. the round's span of rows) before they
 * are written: an execution killed in between leaves a few blank rows, which every reader skips, and never
 * rows past the counter that the next append would write over (test/bundle/faults.test.ts).
 */
export function appendAtCounter(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  counter: AppendingSheet,
  store: DocumentStore,
  rows: unknown[][],
  alsoSet: (first: number, last: number) => Entry[] = () => [],
): number {
  if (rows.length === 0) return 0;
  const keys = KEYS.counters[counter];
  let next = store.get(keys.next) ?? 0;
  if (!next) next = sheet.getLastRow() + 1;
  const last = next + rows.length - 1;
  let capacity = store.get(keys.capacity) || sheet.getMaxRows();
  if (last > capacity) {
    const more = Math.max(1000, last - capacity + 500);
    sheet.insertRowsAfter(capacity, more);
    capacity += more;
  }
  store.setAll(entry(keys.next, next + rows.length), entry(keys.capacity, capacity), ...alsoSet(next, last));
  sheet.getRange(next, 1, rows.length, rows[0].length).setValues(rows);
  return next;
}

export function reconcileCounter(sheet: GoogleAppsScript.Spreadsheet.Sheet, counter: AppendingSheet, store: DocumentStore): void {
  const keys = KEYS.counters[counter];
  store.setAll(entry(keys.next, sheet.getLastRow() + 1), entry(keys.capacity, sheet.getMaxRows()));
}

/**
 * Appends after the sheet's real last row. For sheets people also type into (the Journal), where a
 * remembered counter could point at a row someone has since filled: one more call, nothing overwritten —
 * unless this execution has just read the whole sheet under the lock (`lastRow`: its getDataRange's
 * height, which is getLastRow's "last row that has content",
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()).
 */
export function appendAfterLastRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: unknown[][], lastRow?: number): number {
  if (rows.length === 0) return 0;
  const next = (lastRow ?? sheet.getLastRow()) + 1;
  const write = () => sheet.getRange(next, 1, rows.length, rows[0].length).setValues(rows);
  try {
    write();
  } catch {
    sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(500, rows.length));
    write();
  }
  return next;
}
