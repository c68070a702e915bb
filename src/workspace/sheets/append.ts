import { AppendingSheet, KEYS } from '../properties/keys';
import { DocumentStore, entry } from '../properties/store';

/**
 * Appends rows at a next-row counter kept in document properties. Every writer runs under the script
 * lock, so the counter is exact, and appending costs one write instead of getLastRow + setValues.
 * The hourly tick re-aligns counters with the sheets (a coordinator may delete rows by hand).
 */
export function appendAtCounter(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  counter: AppendingSheet,
  store: DocumentStore,
  rows: unknown[][],
): number {
  if (rows.length === 0) return 0;
  const keys = KEYS.counters[counter];
  let next = store.get(keys.next) ?? 0;
  if (!next) next = sheet.getLastRow() + 1;
  let capacity = store.get(keys.capacity) ?? 0;
  const write = () => sheet.getRange(next, 1, rows.length, rows[0].length).setValues(rows);
  const grow = (from: number) => {
    const more = Math.max(1000, next + rows.length - 1 - from + 500);
    sheet.insertRowsAfter(from, more);
    capacity = from + more;
  };
  if (capacity && next + rows.length - 1 > capacity) grow(capacity);
  try {
    write();
  } catch {
    // Out of room and the capacity was not known: grow the sheet and write again.
    grow(sheet.getMaxRows());
    write();
  }
  const update = [entry(keys.next, next + rows.length)];
  if (capacity) update.push(entry(keys.capacity, capacity));
  store.setAll(...update);
  return next;
}

export function reconcileCounter(sheet: GoogleAppsScript.Spreadsheet.Sheet, counter: AppendingSheet, store: DocumentStore): void {
  const keys = KEYS.counters[counter];
  store.setAll(entry(keys.next, sheet.getLastRow() + 1), entry(keys.capacity, sheet.getMaxRows()));
}

/**
 * Appends after the sheet's real last row. For sheets people also type into (the Journal), where a
 * remembered counter could point at a row someone has since filled: one more call, nothing overwritten.
 */
export function appendAfterLastRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: unknown[][]): number {
  if (rows.length === 0) return 0;
  const next = sheet.getLastRow() + 1;
  const write = () => sheet.getRange(next, 1, rows.length, rows[0].length).setValues(rows);
  try {
    write();
  } catch {
    sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(500, rows.length));
    write();
  }
  return next;
}
