import { Lang } from '../core/i18n/lang';
import { RoundLedger } from '../core/ledger';
import { RoundState, stateLabel } from '../core/round';
import { KEYS } from './properties/keys';
import { DocumentStore, entry } from './properties/store';
import { Book } from './sheets/book';
import { columnNumber, row, width } from './sheets/schema';

/** One round's line of the community Ledger. */
export interface LedgerLine extends RoundLedger {
  roundId: string;
  title: string;
  state: RoundState;
  currency: string;
  updatedAt: number;
}

/**
 * Rewrites the community Ledger sheet (one row per round, the chart beside it reads the same range)
 * from per-round figures kept in document properties: one write, however many rounds there are.
 */
export function writeLedgerLine(book: Book, store: DocumentStore, line: LedgerLine, lang: Lang): void {
  const ids = store.get(KEYS.ledgerRounds) ?? [];
  if (!ids.includes(line.roundId)) ids.push(line.roundId);
  const lines = ids
    .map((id) => (id === line.roundId ? line : store.get(KEYS.ledgerLine(id))))
    .filter((l): l is LedgerLine => !!l);
  store.setAll(entry(KEYS.ledgerRounds, ids), entry(KEYS.ledgerLine(line.roundId), line));
  const rows = lines.map((l) =>
    row(
      'ledger',
      {
        round: l.roundId,
        title: l.title,
        state: stateLabel(l.state, lang),
        goods: l.goodsMinor,
        delivery: l.deliveryMinor,
        fee: l.feeMinor,
        billed: l.billedMinor,
        collected: l.collectedMinor,
        credit: l.creditUsedMinor,
        supplier: l.paidToSupplierMinor,
        balance: l.balanceMinor,
        outstanding: l.outstandingMinor,
        rounding: l.roundingMinor,
        saving: l.savingMinor,
        updatedAt: l.updatedAt,
      },
      l.currency,
    ),
  );
  book.sheet('ledger').getRange(2, 1, rows.length, rows[0].length).setValues(rows);
}

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
