import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { CommunityLedger, RoundLedger, communityLedger } from '../core/ledger';
import { RoundState, stateLabel } from '../core/round';
import { KEYS } from './properties/keys';
import { DocumentStore, entry } from './properties/store';
import { Book } from './sheets/book';
import { columnNumber, header, numberFormatRow, row, width } from './sheets/schema';
import { textCell } from './sheets/text';

/** One round's line of the community Ledger. */
export interface LedgerLine extends RoundLedger {
  roundId: string;
  title: string;
  state: RoundState;
  currency: string;
  updatedAt: number;
}

function roundRow(l: LedgerLine, lang: Lang): unknown[] {
  return row(
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
      credit: l.creditInMinor,
      supplier: l.paidToSupplierMinor,
      balance: l.balanceMinor,
      outstanding: l.outstandingMinor,
      rounding: l.roundingMinor,
      saving: l.savingMinor,
      updatedAt: l.updatedAt,
      creditOut: l.creditOutMinor ?? 0,
      deliveryPaid: l.deliveryPaidMinor ?? 0,
      feePaid: l.feePaidOutMinor ?? 0,
    },
    l.currency,
  );
}

/**
 * The community's line under the rounds: money collected and paid out over every round, and the cash
 * the finance volunteer should hold (collected − supplier − delivery − fee). It equals the rounds'
 * balances added up plus the credit still held for people: the check against the cash box.
 */
function communityRow(c: CommunityLedger, lines: readonly LedgerLine[], lang: Lang, currencyCode: string): unknown[] {
  const sum = (f: (l: LedgerLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return row(
    'ledger',
    {
      title: t(lang, 'ledger.community'),
      goods: sum((l) => l.goodsMinor),
      delivery: sum((l) => l.deliveryMinor),
      fee: sum((l) => l.feeMinor),
      collected: c.collectedMinor,
      credit: sum((l) => l.creditInMinor),
      supplier: c.paidToSupplierMinor,
      balance: c.roundsBalanceMinor,
      outstanding: c.outstandingMinor,
      rounding: sum((l) => l.roundingMinor),
      creditOut: sum((l) => l.creditOutMinor ?? 0),
      deliveryPaid: c.deliveryPaidMinor,
      feePaid: c.feePaidOutMinor,
      cash: c.cashOnHandMinor,
    },
    currencyCode,
  );
}

/** Lines stored before delivery and fee payouts existed read as none paid. */
function withPayouts(l: LedgerLine): LedgerLine {
  return {
    ...l,
    creditOutMinor: l.creditOutMinor ?? 0,
    deliveryPaidMinor: l.deliveryPaidMinor ?? 0,
    feePaidOutMinor: l.feePaidOutMinor ?? 0,
  };
}

type Archived = { rows: number; totals: LedgerLine | null };

/** Two lines' figures added up: archived rounds count in the community's line as one. */
function summed(a: LedgerLine | null, b: LedgerLine): LedgerLine {
  if (!a) return { ...b, roundId: '', title: '' };
  const out = { ...a, currency: b.currency, updatedAt: Math.max(a.updatedAt, b.updatedAt) } as LedgerLine;
  const numbers = out as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(b))
    if (typeof v === 'number' && k !== 'updatedAt') numbers[k] = Number(numbers[k] ?? 0) + v;
  return out;
}

/**
 * Writes the live rounds' rows below the archived ones, a blank row, then the community's line (archived
 * rounds included): one write. The header goes with it while no round is archived yet.
 */
function writeLiveRows(
  book: Book,
  lines: LedgerLine[],
  archived: Archived,
  lang: Lang,
  code: string,
  formats: boolean,
): CommunityLedger {
  const all = archived.totals ? [archived.totals, ...lines] : lines;
  const community = communityLedger(all);
  const top = archived.rows ? 2 + archived.rows : 1;
  const rows = [
    ...(archived.rows ? [] : [header('ledger', book.lang).map((h) => textCell(h))]),
    ...lines.map((l) => roundRow(l, lang)),
    row('ledger', {}),
    communityRow(community, all, lang, code),
  ];
  const range = book.sheet('ledger').getRange(top, 1, rows.length, width('ledger'));
  range.setValues(rows);
  if (formats)
    range.setNumberFormats([
      ...(archived.rows ? [] : [numberFormatRow('ledger', code).map(() => 'General')]),
      ...lines.map((l) => numberFormatRow('ledger', l.currency)),
      numberFormatRow('ledger', code),
      numberFormatRow('ledger', code),
    ]);
  return community;
}

/**
 * Rewrites the community Ledger sheet — one row per round, a blank row, then the community's line —
 * from per-round figures kept in document properties: one write, however many rounds there are, and
 * the money formats (in each round's currency) once more whenever a round is added. Archived rounds'
 * rows stay above, as written when they were archived.
 */
export function writeLedgerLine(book: Book, store: DocumentStore, line: LedgerLine, lang: Lang): CommunityLedger {
  const ids = store.get(KEYS.ledgerRounds) ?? [];
  const added = !ids.includes(line.roundId);
  if (added) ids.push(line.roundId);
  const before = store.get(KEYS.ledgerLine(line.roundId));
  const lines = ids
    .map((id) => (id === line.roundId ? line : store.get(KEYS.ledgerLine(id))))
    .filter((l): l is LedgerLine => !!l)
    .map(withPayouts);
  const archived = store.get(KEYS.ledgerArchived) ?? { rows: 0, totals: null };
  // A pickup changes no figure: the sheet already shows this line (it is written before it is stored).
  if (!added && before && sameFigures(before, line))
    return communityLedger(archived.totals ? [archived.totals, ...lines] : lines);
  const community = writeLiveRows(book, lines, archived, lang, line.currency, added);
  store.setAll(entry(KEYS.ledgerRounds, ids), entry(KEYS.ledgerLine(line.roundId), line));
  return community;
}

/** The same line but for when it was written. */
function sameFigures(a: LedgerLine, b: LedgerLine): boolean {
  return JSON.stringify({ ...withPayouts(a), updatedAt: 0 }) === JSON.stringify({ ...withPayouts(b), updatedAt: 0 });
}

/**
 * An archived round's line moves to the archived block at the top of the Ledger, written once; its
 * figures join the archived totals (one value, whatever the number of rounds) and its own key goes with
 * the round's others (rounds.ts forgetRound). Done again after a kill, it only rewrites the live rows.
 */
export function archiveLedgerLine(book: Book, store: DocumentStore, roundId: string, lang: Lang): void {
  const ids = store.get(KEYS.ledgerRounds) ?? [];
  const line = store.get(KEYS.ledgerLine(roundId));
  let archived: Archived = store.get(KEYS.ledgerArchived) ?? { rows: 0, totals: null };
  const rest = ids.filter((id) => id !== roundId);
  if (line && ids.includes(roundId)) {
    const at = book.sheet('ledger').getRange(2 + archived.rows, 1, 1, width('ledger'));
    at.setValues([roundRow(withPayouts(line), lang)]);
    at.setNumberFormats([numberFormatRow('ledger', line.currency)]);
    archived = { rows: archived.rows + 1, totals: summed(archived.totals, withPayouts(line)) };
    store.setAll(entry(KEYS.ledgerArchived, archived), entry(KEYS.ledgerRounds, rest));
  }
  const lines = rest
    .map((id) => store.get(KEYS.ledgerLine(id)))
    .filter((l): l is LedgerLine => !!l)
    .map(withPayouts);
  const code = lines[lines.length - 1]?.currency ?? archived.totals?.currency ?? line?.currency ?? 'RUB';
  writeLiveRows(book, lines, archived, lang, code, true);
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
