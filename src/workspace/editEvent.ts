/**
 * What an edit event says, as plain values: which sheet and cells a person changed, and who they are if
 * Google says. `e.user` is "A User object, representing the active user, if available (depending on a
 * complex set of security restrictions)" (developers.google.com/apps-script/guides/triggers/events#edit):
 * for a consumer account other than the trigger's owner its email is blank, so '' means "not said".
 */
export interface EditedCells {
  sheetId: number;
  row: number;
  rows: number;
  column: number;
  columns: number;
  /** Lower-cased, or '' when Google does not reveal who edited. */
  editor: string;
}

export function editedCells(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): EditedCells | null {
  const range = e?.range;
  if (!range) return null;
  return {
    sheetId: range.getSheet().getSheetId(),
    row: range.getRow(),
    rows: range.getNumRows(),
    column: range.getColumn(),
    columns: range.getNumColumns(),
    editor: String(e?.user?.getEmail?.() ?? '')
      .trim()
      .toLowerCase(),
  };
}
