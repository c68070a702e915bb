import type { Column } from './schema';

/**
 * Residents' text is data: a name like =IMPORTDATA("http://…") must never become a formula, a phone "+7 900…"
 * or a flat "007" must never become a number. This file is the only place that decides how, so choosing
 * a different mechanism later is an edit here and nowhere else. Today two mechanisms are used together:
 *
 * 1. `textCell`: every text value is written with a leading apostrophe. Sheets stores the rest as text and
 *    getValues returns it without the apostrophe. https://support.google.com/docs/answer/3094283
 * 2. `formatsAsPlainText`: set-up formats some text columns as plain text ('@'), so that what a person
 *    types into them by hand stays text too (a flat "007", a supplier code "00123"). https://developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatnumberformat
 */
export const PLAIN_TEXT_FORMAT = '@';

/** How a text value is written to a cell. */
export function textCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s === '' ? '' : `'${s}`;
}

/** Whether set-up formats a column as plain text: today, the text columns the schema marks `plain`. */
export function formatsAsPlainText(column: Column): boolean {
  return column.kind === 'text' && column.plain === true;
}
