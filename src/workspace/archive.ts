import { itemName } from '../core/catalog';
import { Lang } from '../core/i18n/lang';
import { TalliedRound } from '../core/ladder';
import { unitsOf } from '../core/quantity';
import { KEYS } from './properties/keys';
import { DocumentStore, entry } from './properties/store';
import { appendAtCounter } from './sheets/append';
import { Book } from './sheets/book';
import { get, row } from './sheets/schema';
import { cellText } from './sheets/cells';
import { ensureSheet } from './sheets/setup';

/** The round as the Archive sheet names it. */
export interface ArchivedRound {
  id: string;
  title: string;
  currency: string;
}

/**
 * A settled round as the Archive sheet keeps it: one row per participant and item (what they ordered, got
 * and paid for it), the bill's figures on each person's first row, so summing a column adds each bill once.
 */
export function archiveRows(round: ArchivedRound, data: TalliedRound, lang: Lang, billed = true): unknown[][] {
  const billOf = new Map(data.tally.money.bills.map((b) => [b.orderKey, b]));
  const out: unknown[][] = [];
  for (const p of data.tally.participants) {
    const who = p.order.participant;
    const acc = data.accounts.get(p.order.key);
    const lines = billOf.get(p.order.key)?.lines ?? [];
    const entries = Object.entries(p.items);
    // A cancelled round billed nobody: what people ordered stays, with nothing allotted and nothing due.
    const bill = {
      total: billed ? p.totalMinor : 0,
      credit: acc?.creditInMinor ?? 0,
      paid: acc?.paidMinor ?? 0,
      balance: acc?.balanceMinor ?? (billed ? p.totalMinor : 0),
      pickedUp: acc?.pickedUp ?? false,
      reference: data.references?.get(p.order.key) ?? '',
    };
    const common = {
      round: round.id,
      title: round.title,
      orderKey: p.order.key,
      name: who.name,
      building: who.building,
      flat: who.flat,
      pickupPoint: who.pickupPoint,
    };
    if (entries.length === 0) out.push(row('archive', { ...common, ...bill }, round.currency));
    entries.forEach(([itemId, v], i) => {
      const item = data.items.get(itemId);
      const milli = item?.stepMilli ?? 1000;
      out.push(
        row(
          'archive',
          {
            ...common,
            item: item ? itemName(item, lang) : itemId,
            unit: item?.unit ?? '',
            ordered: unitsOf(v.orderedSteps, milli),
            allocated: billed ? unitsOf(v.allocatedSteps, milli) : 0,
            price: item?.priceMinor ?? 0,
            line: billed ? (lines.find((l) => l.itemId === itemId)?.lineMinor ?? 0) : 0,
            ...(i === 0 ? bill : {}),
          },
          round.currency,
        ),
      );
    });
  }
  return out;
}

/**
 * Appends a round's rows to the Archive sheet once. The rows are reserved first and their place kept
 * (KEYS.archiving) until the round's keys go: a try killed after writing them writes them again in the
 * same place, never a second time below.
 */
export function writeArchiveRows(book: Book, store: DocumentStore, roundId: string, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const sheet = book.find('archive') ?? ensureSheet(book, store, 'archive');
  const placed = store.get(KEYS.archiving(roundId));
  if (placed && placed.rows === rows.length) {
    sheet.getRange(placed.first, 1, rows.length, rows[0].length).setValues(rows);
    return;
  }
  appendAtCounter(sheet, 'archive', store, rows, (first) => [entry(KEYS.archiving(roundId), { first, rows: rows.length })]);
}

/** An archived round's title and its people's order keys, in the Archive sheet's order: one read. */
export function archivedPeople(book: Book, roundId: string): { title: string; orderKeys: string[] } {
  const sheet = book.find('archive');
  const out = { title: roundId, orderKeys: [] as string[] };
  if (!sheet) return out;
  for (const r of sheet.getDataRange().getValues().slice(1)) {
    if (cellText(get('archive', r, 'round')) !== roundId) continue;
    out.title = cellText(get('archive', r, 'title')) || roundId;
    const k = cellText(get('archive', r, 'orderKey'));
    if (k && !out.orderKeys.includes(k)) out.orderKeys.push(k);
  }
  return out;
}
