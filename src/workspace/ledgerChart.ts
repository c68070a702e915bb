import { columnNumber, width } from './sheets/schema';

/** The rounds the chart shows: enough for a community's first years; later rows are still in the sheet. */
const CHART_ROWS = 200;

/** The Ledger sheet's chart of each round's billed total and savings, inserted once at setup. */
export function ensureLedgerChart(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (sheet.getCharts().length) return;
  const series = (column: 'round' | 'billed' | 'saving') => sheet.getRange(1, columnNumber('ledger', column), CHART_ROWS, 1);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(series('round'))
    .addRange(series('billed'))
    .addRange(series('saving'))
    // Beside the table, one empty column after it.
    .setPosition(2, width('ledger') + 2, 0, 0)
    .build();
  sheet.insertChart(chart);
}
