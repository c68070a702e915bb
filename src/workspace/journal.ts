import { JOURNAL_KINDS, JournalEntry, JournalKind } from '../core/ledger';
import { Book } from './sheets/book';
import { get, row } from './sheets/schema';
import { appendAfterLastRow } from './sheets/append';
import { cellMoney, cellText, cellTime } from './sheets/cells';

/**
 * The Journal sheet: the community's cash book, append-only. A finance volunteer may also type rows
 * by hand (a payment made at the door); they are read like any other.
 */
export function readJournal(book: Book, currencyCode: string): JournalEntry[] {
  return book
    .rows('journal')
    .map((r) => ({
      at: cellTime(get('journal', r, 'at')) ?? 0,
      roundId: cellText(get('journal', r, 'round')),
      orderKey: cellText(get('journal', r, 'orderKey')),
      identity: cellText(get('journal', r, 'identity')),
      kind: (JOURNAL_KINDS.includes(cellText(get('journal', r, 'kind')) as JournalKind)
        ? cellText(get('journal', r, 'kind'))
        : 'payment') as JournalKind,
      amountMinor: cellMoney(get('journal', r, 'amount'), currencyCode),
      method: cellText(get('journal', r, 'method')),
      recordedBy: cellText(get('journal', r, 'recordedBy')),
      note: cellText(get('journal', r, 'note')),
      requestId: cellText(get('journal', r, 'requestId')),
    }))
    .filter((e) => e.roundId || e.identity);
}

/** Appends entries; the Journal is never rewritten. People may type rows too, so this appends after the last one. */
export function appendJournal(book: Book, entries: (JournalEntry & { who: string })[], currencyCode: string): void {
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
          kind: e.kind,
          amount: e.amountMinor,
          method: e.method,
          recordedBy: e.recordedBy,
          note: e.note,
          requestId: e.requestId,
        },
        currencyCode,
      ),
    ),
  );
}
