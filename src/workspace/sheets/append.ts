/**
 * Appends rows at a next-row counter kept in document properties. Every writer runs under the script
 * lock, so the counter is exact, and appending costs one write instead of getLastRow + setValues.
 * The hourly tick re-aligns counters with the sheets (a coordinator may delete rows by hand).
 */
export function appendAtCounter(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  counterKey: string,
  properties: Record<string, string>,
  rows: unknown[][],
): number {
  if (rows.length === 0) return 0;
  let next = Number(properties[counterKey] ?? 0);
  if (!next) next = sheet.getLastRow() + 1;
  const capKey = `${counterKey}Capacity`;
  let capacity = Number(properties[capKey] ?? 0);
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
  const update: Record<string, string> = { [counterKey]: String(next + rows.length) };
  if (capacity) update[capKey] = String(capacity);
  PropertiesService.getDocumentProperties().setProperties(update);
  Object.assign(properties, update);
  return next;
}

export function reconcileCounter(sheet: GoogleAppsScript.Spreadsheet.Sheet, counterKey: string): void {
  PropertiesService.getDocumentProperties().setProperties({
    [counterKey]: String(sheet.getLastRow() + 1),
    [`${counterKey}Capacity`]: String(sheet.getMaxRows()),
  });
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
