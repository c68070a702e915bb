import { Complaint, DECISIONS, ComplaintDecision, decisionLabel } from '../core/complaints';
import { LANGS } from '../core/i18n/lang';
import { Book } from './sheets/book';
import { cellMoney, cellNumber, cellText, cellTime } from './sheets/cells';
import { get, row, span } from './sheets/schema';
import { appendAfterLastRow } from './sheets/append';

/**
 * The Complaints sheet: one row per complaint, the decision written into the same row. Read in one call,
 * a new complaint appended in one call, a decision written as one span of its row.
 */
export interface StoredComplaint extends Complaint {
  requestId: string;
  /** 1-based row in the sheet. */
  sheetRow: number;
}

/** A decision as the sheet shows it, in any of the languages it may have been written in (or its code). */
function decisionOf(text: string): ComplaintDecision | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  for (const d of DECISIONS) if (d === wanted || LANGS.some((lang) => decisionLabel(d, lang).toLowerCase() === wanted)) return d;
  return null;
}

export function readComplaints(book: Book, currencyCode: string): StoredComplaint[] {
  const sheet = book.find('complaints');
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues();
  const out: StoredComplaint[] = [];
  values.forEach((r, i) => {
    if (i === 0 || !cellText(get('complaints', r, 'id'))) return;
    out.push({
      id: cellText(get('complaints', r, 'id')),
      at: cellTime(get('complaints', r, 'at')) ?? 0,
      roundId: cellText(get('complaints', r, 'round')),
      orderKey: cellText(get('complaints', r, 'orderKey')),
      name: cellText(get('complaints', r, 'who')),
      itemId: cellText(get('complaints', r, 'item')),
      quantity: cellNumber(get('complaints', r, 'quantity')),
      note: cellText(get('complaints', r, 'note')),
      enteredBy: cellText(get('complaints', r, 'enteredBy')),
      decision: decisionOf(cellText(get('complaints', r, 'decision'))),
      amountMinor: cellMoney(get('complaints', r, 'amount'), currencyCode),
      reason: cellText(get('complaints', r, 'reason')),
      decidedBy: cellText(get('complaints', r, 'decidedBy')),
      requestId: cellText(get('complaints', r, 'requestId')),
      sheetRow: i + 1,
    });
  });
  return out;
}

export function appendComplaint(
  book: Book,
  c: Omit<StoredComplaint, 'sheetRow'> & { itemName: string },
  currencyCode: string,
): void {
  appendAfterLastRow(book.sheet('complaints'), [
    row(
      'complaints',
      {
        id: c.id,
        at: c.at,
        round: c.roundId,
        orderKey: c.orderKey,
        who: c.name,
        item: c.itemId,
        itemName: c.itemName,
        quantity: c.quantity,
        note: c.note,
        enteredBy: c.enteredBy,
        decision: decisionLabel(null, book.lang),
        requestId: c.requestId,
      },
      currencyCode,
    ),
  ]);
}

const DECIDED = span('complaints', ['decision', 'amount', 'reason', 'decidedBy'] as const);

/** Writes a decision into its complaint's row: one write of four adjacent cells. */
export function writeDecision(book: Book, c: StoredComplaint, currencyCode: string): void {
  if (!c.decision) return;
  const cells = DECIDED.cells(
    { decision: decisionLabel(c.decision, book.lang), amount: c.amountMinor, reason: c.reason, decidedBy: c.decidedBy },
    currencyCode,
  );
  book.sheet('complaints').getRange(c.sheetRow, DECIDED.column, 1, DECIDED.width).setValues([cells]);
}
