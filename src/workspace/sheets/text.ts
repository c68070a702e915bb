import type { Column } from './schema';

/**
 * Residents' text is data: a name like =IMPORTDATA("http://…") must never become a formula, a phone "+7 900…"
 * or a flat "007" must never become a number, "1.5" typed in a Russian spreadsheet must never become the
 * 1st of May. This file is the only place that decides how. Each column gets exactly ONE mechanism, chosen
 * by who types into it (the schema's `plain` mark):
 *
 * 1. Columns only the add-on writes (Orders, Outbox, Rounds, Log, a round's sheets): General format, and
 *    every text value written with a leading apostrophe. In a General cell the apostrophe only marks the
 *    rest as text and getValues returns it without the apostrophe
 *    (https://support.google.com/docs/answer/3094283). Nobody types there, so nothing else is needed.
 *
 * 2. Columns people type into by hand (`plain`: the Catalog, Members, Buildings & pickup points,
 *    Volunteers, the Settings values, the Journal's notes): set-up formats them as plain text ('@'), so
 *    what a person types stays exactly as typed — Sheets parses nothing in a plain-text cell
 *    (https://developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatnumberformat).
 *    The add-on writes its text there as it is, WITHOUT an apostrophe: whether Sheets keeps an apostrophe
 *    written by a script into a plain-text cell as a visible character is not documented (see
 *    Fidelity.apostropheInPlainText), and the format already keeps numbers, dates and booleans as text.
 *    The one thing the format may not stop is a formula: typing "=…" in a plain-text cell stays text in
 *    the Sheets UI ("set the cell format to Plain Text", how-to-sheets.com/formulas-functions/
 *    google-sheets-text-instead-of-formula), but for a script's setValue Google says nothing (the emulator
 *    takes the stricter reading: a formula), so a value starting with "=" is written
 *    with an apostrophe in front. Either way it is inert text; `readText` drops that apostrophe again.
 *
 * Reading works the same under both readings of the apostrophe: a General cell never returns it, and the
 * only apostrophe the add-on puts in a plain-text cell is the one before "=".
 */
export const PLAIN_TEXT_FORMAT = '@';

/** A value that Sheets would read as a formula if a script wrote it as it is. */
const FORMULA_START = /^=/;

/** How a text value is written to a cell of `column` (a header or a column the add-on alone writes: General). */
export function textCell(value: unknown, column?: Pick<Column, 'plain'>): string {
  const s = value === null || value === undefined ? '' : String(value);
  if (s === '') return '';
  if (column?.plain) return FORMULA_START.test(s) ? `'${s}` : s;
  return `'${s}`;
}

/** Text as the add-on wrote or a person typed it: without the apostrophe that guards "=" in a plain-text cell. */
export function readText(s: string): string {
  return s.startsWith("'=") ? s.slice(1) : s;
}

/** Whether set-up formats a column as plain text: the columns people type into by hand (`plain`). */
export function formatsAsPlainText(column: Pick<Column, 'plain'>): boolean {
  return column.plain === true;
}
