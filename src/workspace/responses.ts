import { Book } from './sheets/book';
import { cellText, isDate } from './sheets/cells';

/**
 * Form responses as Google Forms writes them into a response sheet: the timestamp first, the respondent's
 * email second (the form collects it), then one column per question, titled by the question — and a
 * rebuilt form's new questions in new columns after the old ones, even under the same titles.
 * https://developers.google.com/apps-script/guides/triggers/events#form-submit_4
 *
 * The event's own `namedValues` is never read for answers: it holds one value per column of a title (the
 * old, blank column first once a form is rebuilt), and an edited response's event may carry blanks for
 * the answers that did not change. The row itself always holds the whole response.
 */

/** Where a response is: its response sheet and row. */
export interface ResponseAt {
  sheetId: number;
  row: number;
}

/** A response's row, read on demand. */
export interface ResponseSource {
  /** The row's cells: one read. */
  row(): unknown[];
  /** The response sheet's header: read only when the form itself cannot be read. */
  header(): string[];
}

function sourceOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, readRow: () => unknown[]): ResponseSource {
  let row: unknown[] | null = null;
  return {
    row: () => (row ??= readRow()),
    header: () =>
      sheet
        .getRange(1, 1, 1, Math.max(1, sheet.getLastColumn()))
        .getValues()[0]
        .map((h) => cellText(h)),
  };
}

/** The response a form-submit event is about; null for the blank events Sheets sometimes fires. */
export function submittedResponse(
  e: GoogleAppsScript.Events.SheetsOnFormSubmit,
): { at: ResponseAt; source: ResponseSource } | null {
  if (!e || !e.range || !Array.isArray(e.values) || e.values.every((v) => String(v ?? '').trim() === '')) return null;
  const range = e.range;
  const sheet = range.getSheet();
  return {
    at: { sheetId: sheet.getSheetId(), row: range.getRow() },
    source: sourceOf(sheet, () => range.getValues()[0] ?? []),
  };
}

/** A parked response read back from its response sheet; null when that sheet is gone. */
export function parkedResponse(book: Book, at: ResponseAt): ResponseSource | null {
  const sheet = book.sheets().find((s) => s.getSheetId() === at.sheetId);
  if (!sheet) return null;
  return sourceOf(sheet, () => sheet.getRange(at.row, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0]);
}

/** A response sheet's last row and each of its rows on demand; null when that sheet is gone. */
export function responseRows(book: Book, sheetId: number): { last: number; source(row: number): ResponseSource } | null {
  const sheet = book.sheets().find((s) => s.getSheetId() === sheetId);
  if (!sheet) return null;
  return {
    last: sheet.getLastRow(),
    source: (row) => sourceOf(sheet, () => sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0]),
  };
}

/** When a response was submitted (or last edited), from its row; null when the row does not say. */
export function rowTimestamp(values: readonly unknown[]): Date | null {
  return isDate(values[0]) ? values[0] : null;
}

/** The address the resident typed (the form collects it in the second column). */
export function rowEmail(values: readonly unknown[]): string {
  return cellText(values[1]);
}
