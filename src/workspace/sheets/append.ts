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
  const write = () => sheet.getRange(next, 1, rows.length, rows[0].length).setValues(rows);
  try {
    write();
  } catch {
    // Out of room: grow the sheet (rare: setup leaves spare rows) and write again.
    sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(1000, rows.length));
    write();
  }
  const after = String(next + rows.length);
  PropertiesService.getDocumentProperties().setProperty(counterKey, after);
  properties[counterKey] = after;
  return next;
}

export function reconcileCounter(sheet: GoogleAppsScript.Spreadsheet.Sheet, counterKey: string): void {
  PropertiesService.getDocumentProperties().setProperty(counterKey, String(sheet.getLastRow() + 1));
}
