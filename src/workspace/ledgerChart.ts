/** The Ledger sheet's chart of each round's billed total and savings, inserted once at setup. */
export function ensureLedgerChart(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (sheet.getCharts().length) return;
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(sheet.getRange('A1:A200'))
    .addRange(sheet.getRange('G1:G200'))
    .addRange(sheet.getRange('N1:N200'))
    .setPosition(2, 17, 0, 0)
    .build();
  sheet.insertChart(chart);
}
