// boundary: addon touches a sheet: .getRange
export function writeBill(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.getRange(2, 12, 1, 4).setValues([[0, 0, 0, false]]);
}
