import { Book } from './sheets/book';
import { cellText, isDate } from './sheets/cells';

/**
 * Form responses as Google Forms writes them into a response sheet: the timestamp first, the respondent's
 * email second (the form collects it), then one column per question, titled by the question.
 * https://developers.google.com/apps-script/guides/triggers/events#form-submit_4
 */

/** What an event (or a re-read row) tells about one response. */
export interface ResponseSource {
  /** Answers by question title. */
  named: Record<string, string[]>;
  email: string;
  /** The row's cells, when they have been read already (a parked response). */
  values?: unknown[];
  /** Reads the row's cells: only when the form itself cannot tell the response's time. */
  readValues?: () => unknown[] | null;
}

export interface ResponseAt {
  sheetId: number;
  row: number;
}

/** The response a form-submit event is about; null for the blank events Sheets sometimes fires. */
export function submittedResponse(
  e: GoogleAppsScript.Events.SheetsOnFormSubmit,
): { at: ResponseAt; source: ResponseSource } | null {
  if (!e || !e.range || !Array.isArray(e.values) || e.values.every((v) => String(v ?? '').trim() === '')) return null;
  const range = e.range;
  return {
    at: { sheetId: range.getSheet().getSheetId(), row: range.getRow() },
    source: { named: e.namedValues, email: String(e.values[1] ?? ''), readValues: () => range.getValues()[0] ?? null },
  };
}

/** A parked response read back from its response sheet; null when that sheet is gone. */
export function parkedResponse(book: Book, at: ResponseAt): ResponseSource | null {
  const sheet = book.sheets().find((s) => s.getSheetId() === at.sheetId);
  if (!sheet) return null;
  const width = sheet.getLastColumn();
  const [header, values] = [sheet.getRange(1, 1, 1, width).getValues()[0], sheet.getRange(at.row, 1, 1, width).getValues()[0]];
  const named: Record<string, string[]> = {};
  header.forEach((h, i) => (named[String(h)] = [cellText(values[i])]));
  return { named, email: cellText(values[1]), values };
}

/** When a response was submitted, from its row; null when the row does not say. */
export function rowTimestamp(values: unknown[] | null): Date | null {
  return values && isDate(values[0]) ? values[0] : null;
}

export function rowEmail(values: unknown[] | null): string {
  return cellText(values?.[1]);
}
