import { journalKindLabel, parseJournalKind } from '../core/i18n/journalLabels';
import { JournalEntry } from '../core/ledger';
import { readAmount } from '../core/money';
import { Book } from './sheets/book';
import { get, row } from './sheets/schema';
import { appendAfterLastRow } from './sheets/append';
import { cellText, cellTime } from './sheets/cells';

/**
 * The Journal sheet: the community's cash book, append-only. A finance volunteer may also type rows
 * by hand (a payment made at the door); they are read like any other: the kind from its dropdown word in
 * any language, the amount as people type it ("1 234,50 ₽", "100 руб"). A row whose kind or amount
 * cannot be read is left out of the books rather than guessed (a typed "возврат" once counted as a
 * payment), and named in `unreadable` (its sheet row) so the screens can say which.
 */
export function readJournal(
  book: Book,
  currencyCode: string,
  unreadable: number[] = [],
  read?: { lastRow: number },
): JournalEntry[] {
  const out: JournalEntry[] = [];
  const values = book.sheet('journal').getDataRange().getValues();
  if (read) read.lastRow = values.length;
  values.forEach((r, i) => {
    if (i === 0) return;
    const roundId = cellText(get('journal', r, 'round'));
    const identity = cellText(get('journal', r, 'identity'));
    if (!roundId && !identity) return;
    const kind = parseJournalKind(cellText(get('journal', r, 'kind')));
    const typed = get('journal', r, 'amount');
    const amount = typed === '' || typed === null ? { ok: true as const, minor: 0 } : readAmount(typed, currencyCode);
    if (!kind || !amount.ok) {
      unreadable.push(i + 1);
      return;
    }
    out.push({
      at: cellTime(get('journal', r, 'at')) ?? 0,
      roundId,
      orderKey: cellText(get('journal', r, 'orderKey')),
      identity,
      kind,
      amountMinor: amount.minor,
      method: cellText(get('journal', r, 'method')),
      recordedBy: cellText(get('journal', r, 'recordedBy')),
      note: cellText(get('journal', r, 'note')),
      requestId: cellText(get('journal', r, 'requestId')),
    });
  });
  return out;
}

/** Appends entries; the Journal is never rewritten. People may type rows too, so this appends after the last one. */
export function appendJournal(
  book: Book,
  entries: (JournalEntry & { who: string })[],
  currencyCode: string,
  lastRow?: number,
): void {
  appendAfterLastRow(
    book.sheet('journal'),
    entries.map((e) =>
      row(
        'journal',
        {
          at: e.at,
          round: e.roundId,
          orderKey: e.orderKey,
          who: e.who,
          identity: e.identity,
          kind: journalKindLabel(e.kind, book.lang),
          amount: e.amountMinor,
          method: e.method,
          recordedBy: e.recordedBy,
          note: e.note,
          requestId: e.requestId,
        },
        currencyCode,
      ),
    ),
    lastRow,
  );
}
