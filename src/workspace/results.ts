import { unitIn } from '../core/units';
import { ItemAllocation } from '../core/allocation';
import { lineTotal } from '../core/billing';
import { RoundingRule } from '../core/money';
import { itemName } from '../core/catalog';
import { HandOutBlock, TalliedRound, itemsText } from '../core/ladder';
import { t } from '../core/i18n/translate';
import { ParticipantAccount } from '../core/ledger';
import { unitsOf } from '../core/quantity';
import { SupplierLine } from '../core/supplierOrder';
import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';
import { Book } from './sheets/book';
import {
  ROUND_SHEETS,
  RoundSheetKey,
  columnSpecs,
  header,
  moneyFormat,
  roundSheetName,
  row,
  span,
  wholeColumn,
  width,
} from './sheets/schema';
import { PLAIN_TEXT_FORMAT, formatsAsPlainText, textCell } from './sheets/text';

/**
 * A round's own sheets (Tally, Allocation, Bills, Supplier order, Distribution): created when the round
 * opens, each rewritten in one call from the round's figures.
 */

/** The round a result sheet belongs to. */
export interface ResultRound {
  id: string;
  currency: string;
  /** How line totals round, as on the bills (core/billing.ts lineTotal). */
  rounding?: RoundingRule;
}

/** Runs of adjacent columns the schema gives one format, so each run costs one call. */
function runs(key: RoundSheetKey, wanted: (c: ReturnType<typeof columnSpecs>[number]['column']) => boolean) {
  const out: { column: number; width: number }[] = [];
  for (const { position, column } of columnSpecs(key)) {
    if (!wanted(column)) continue;
    const last = out[out.length - 1];
    if (last && last.column + last.width === position) last.width++;
    else out.push({ column: position, width: 1 });
  }
  return out;
}

export interface SheetSize {
  rows: number;
  capacity: number;
}

/** Creates a round's result sheet with its header, money format, frozen header and a warning-only protection. */
function createResultSheet(book: Book, round: ResultRound, key: RoundSheetKey): void {
  const { ss, lang } = book;
  const name = roundSheetName(round.id, key, lang);
  if (ss.getSheetByName(name)) return;
  const sheet = ss.insertSheet(name);
  sheet.getRange(1, 1, 1, width(key)).setValues([header(key, lang).map((h) => textCell(h))]);
  const below = (r: { column: number; width: number }) => sheet.getRange(2, r.column, sheet.getMaxRows() - 1, r.width);
  for (const r of runs(key, (c) => c.kind === 'money')) below(r).setNumberFormat(moneyFormat(round.currency));
  for (const r of runs(key, formatsAsPlainText)) below(r).setNumberFormat(PLAIN_TEXT_FORMAT);
  // A tick box, not the words TRUE/FALSE: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireCheckbox()
  for (const r of runs(key, (c) => c.kind === 'checkbox'))
    below(r).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  sheet.setFrozenRows(1);
  sheet.protect().setDescription(t(lang, 'setup.protected')).setWarningOnly(true);
}

/** Done when a round opens, so closing a big round spends its calls on data only. */
export function createRoundSheets(book: Book, round: ResultRound): void {
  for (const key of ['tally', 'allocation', 'bills'] as const) createResultSheet(book, round, key);
}

/**
 * Replaces the data of a result sheet in one write. Leftover rows from a longer earlier version are
 * blanked in the same write; the sheet grows when needed. Sizes are remembered in document properties
 * so no call is spent asking the sheet.
 */
function writeResultSheet(book: Book, store: DocumentStore, round: ResultRound, key: RoundSheetKey, rows: unknown[][]): void {
  const name = roundSheetName(round.id, key, book.lang);
  let sheet = book.ss.getSheetByName(name);
  if (!sheet) {
    createResultSheet(book, round, key);
    sheet = book.ss.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
  }
  const cols = width(key);
  const sizeKey = KEYS.resultSize({ roundId: round.id, sheet: key });
  const size = store.get(sizeKey) ?? { rows: 0, capacity: 1000 };
  // The header goes with the data, in the same write: a sheet made before a column was added gets it.
  const block = [header(key, book.lang).map((h) => textCell(h)), ...rows];
  while (block.length < size.rows + 1) block.push(new Array(cols).fill(''));
  if (block.length > size.capacity) {
    const more = block.length - size.capacity + 200;
    sheet.insertRowsAfter(size.capacity, more);
    size.capacity += more;
  }
  sheet.getRange(1, 1, block.length, cols).setValues(block);
  store.set(sizeKey, { rows: rows.length, capacity: size.capacity });
}

/** Tally, Allocation and Bills: one write each. */
export function writeRoundResults(book: Book, store: DocumentStore, round: ResultRound, figures: TalliedRound): void {
  writeResultSheet(book, store, round, 'tally', tallyRows(book, round, figures));
  const { allocation, bills } = participantRows(book, round, figures);
  writeResultSheet(book, store, round, 'allocation', allocation);
  writeResultSheet(book, store, round, 'bills', bills);
}

function tallyRows(book: Book, round: ResultRound, { tally, items }: TalliedRound): unknown[][] {
  const lang = book.lang;
  return tally.items.map((a: ItemAllocation) => {
    const item = items.get(a.itemId);
    const milli = item?.stepMilli ?? 1000;
    const u = (s: number) => unitsOf(s, milli);
    return row(
      'tally',
      {
        item: a.itemId,
        name: item ? itemName(item, lang) : a.itemId,
        unit: unitIn(item ?? '', lang),
        ordered: u(a.orderedSteps),
        extras: u(a.extraSteps),
        box: u(item?.boxSteps ?? 1),
        boxes: a.boxes,
        units: u(a.unitsSteps),
        received: a.receivedSteps === null ? null : u(a.receivedSteps),
        status: t(lang, `status.${a.status}`),
        toComplete: a.toCompleteBoxSteps ? u(a.toCompleteBoxSteps) : null,
        price: item?.priceMinor ?? 0,
        total: item ? lineTotal(item, a.unitsSteps, round.rounding ?? 'halfUp') : 0,
        surplus: a.surplusSteps ? u(a.surplusSteps) : null,
      },
      round.currency,
    );
  });
}

function participantRows(book: Book, round: ResultRound, { tally, items, accounts, references }: TalliedRound) {
  const lang = book.lang;
  const code = round.currency;
  const allocation: unknown[][] = [];
  const bills: unknown[][] = [];
  const billOf = new Map(tally.money.bills.map((b) => [b.orderKey, b]));
  for (const p of tally.participants) {
    const who = p.order.participant;
    const bill = billOf.get(p.order.key);
    for (const [itemId, v] of Object.entries(p.items)) {
      const item = items.get(itemId);
      const milli = item?.stepMilli ?? 1000;
      allocation.push(
        row(
          'allocation',
          {
            orderKey: p.order.key,
            name: who.name,
            building: who.building,
            item: item ? itemName(item, lang) : itemId,
            ordered: unitsOf(v.orderedSteps, milli),
            extra: v.extraSteps ? unitsOf(v.extraSteps, milli) : null,
            allocated: unitsOf(v.allocatedSteps, milli),
            price: item?.priceMinor ?? 0,
            line: bill?.lines.find((l) => l.itemId === itemId)?.lineMinor ?? 0,
          },
          code,
        ),
      );
    }
    const acc = accounts.get(p.order.key);
    bills.push(
      row(
        'bills',
        {
          orderKey: p.order.key,
          name: who.name,
          email: who.email,
          building: who.building,
          flat: who.flat,
          pickupPoint: who.pickupPoint,
          goods: p.goodsMinor,
          delivery: p.deliveryMinor,
          fee: p.feeMinor,
          total: p.totalMinor,
          saving: p.savingMinor,
          credit: acc?.creditInMinor ?? 0,
          paid: acc?.paidMinor ?? 0,
          balance: acc?.balanceMinor ?? p.totalMinor,
          pickedUp: acc?.pickedUp ?? false,
          reference: references?.get(p.order.key) ?? '',
        },
        code,
      ),
    );
  }
  return { allocation, bills };
}

/** The cells of a bill that payments and pickups change. */
const ACCOUNT = span('bills', ['credit', 'paid', 'balance', 'pickedUp']);

/** Rewrites one participant's paid/balance/picked-up cells in the Bills sheet: a search and one write. */
export function refreshBillAccount(book: Book, round: ResultRound, acc: ParticipantAccount): void {
  const sheet = book.ss.getSheetByName(roundSheetName(round.id, 'bills', book.lang));
  if (!sheet) return;
  const hit = sheet.getRange(wholeColumn('bills', 'orderKey')).createTextFinder(acc.orderKey).matchEntireCell(true).findNext();
  if (!hit) return;
  const cells = ACCOUNT.cells(
    { credit: acc.creditInMinor, paid: acc.paidMinor, balance: acc.balanceMinor, pickedUp: acc.pickedUp },
    round.currency,
  );
  sheet.getRange(hit.getRow(), ACCOUNT.column, 1, ACCOUNT.width).setValues([cells]);
}

/** The Supplier order sheet: grouped by supplier (a blank row between), a total line last. */
export function writeSupplierOrder(book: Book, store: DocumentStore, round: ResultRound, lines: SupplierLine[]): void {
  const rows: unknown[][] = [];
  let previous: string | null = null;
  for (const l of lines) {
    if (previous !== null && previous !== l.supplier) rows.push(row('supplier', {}));
    rows.push(
      row(
        'supplier',
        {
          supplier: l.supplier,
          code: l.code,
          item: l.item,
          unit: unitIn(l.unit, book.lang),
          boxes: l.boxes,
          units: l.units,
          price: l.priceMinor,
          total: l.totalMinor,
        },
        round.currency,
      ),
    );
    previous = l.supplier;
  }
  const totalMinor = lines.reduce((s, l) => s + l.totalMinor, 0);
  rows.push(row('supplier', { item: t(book.lang, 'supplier.total'), total: totalMinor }, round.currency));
  writeResultSheet(book, store, round, 'supplier', rows);
}

/** The Distribution sheet: a heading row per building, then its residents. */
export function writeDistribution(book: Book, store: DocumentStore, round: ResultRound, blocks: HandOutBlock[]): void {
  const rows: unknown[][] = [];
  for (const b of blocks) {
    rows.push(row('distribution', { place: b.place }));
    for (const l of b.lines) {
      rows.push(
        row(
          'distribution',
          {
            flat: l.flat,
            name: l.name,
            phone: l.phone,
            items: itemsText(l.items, '; '),
            due: l.dueMinor,
            paid: l.paidMinor,
            pickedUp: l.pickedUp,
            reference: l.reference,
          },
          round.currency,
        ),
      );
    }
  }
  writeResultSheet(book, store, round, 'distribution', rows);
}

/** Brings a round's sheet to the front, if it exists. */
export function showRoundSheet(book: Book, roundId: string, key: RoundSheetKey): void {
  const sheet = book.ss.getSheetByName(roundSheetName(roundId, key, book.lang));
  if (sheet) book.ss.setActiveSheet(sheet);
}

/** Deletes a round's own tabs (Tally, Allocation, Bills, Supplier order, Distribution): archiving folded them. */
export function deleteRoundSheets(book: Book, roundId: string): void {
  for (const key of Object.keys(ROUND_SHEETS) as RoundSheetKey[]) {
    const sheet = book.ss.getSheetByName(roundSheetName(roundId, key, book.lang));
    if (sheet) book.ss.deleteSheet(sheet);
  }
}
