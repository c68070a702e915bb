import { JOURNAL_KINDS, JournalEntry, JournalKind } from '../core/ledger';
import { currency, parseAmount, toDecimalString } from '../core/money';
import { Book, get, row } from './sheets/book';
import { appendAfterLastRow } from './sheets/append';
import { asText, cellText, cellTime } from './sheets/cells';

/**
 * The Journal sheet: the community's cash book, append-only. A finance volunteer may also type rows
 * by hand (a payment made at the door); they are read like any other.
 */
export function readJournal(book: Book, currencyCode: string): JournalEntry[] {
  const exp = currency(currencyCode)?.exponent ?? 2;
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
      amountMinor: parseAmount(get('journal', r, 'amount') || 0, exp) ?? 0,
      method: cellText(get('journal', r, 'method')),
      recordedBy: cellText(get('journal', r, 'recordedBy')),
      note: cellText(get('journal', r, 'note')),
      requestId: cellText(get('journal', r, 'requestId')),
    }))
    .filter((e) => e.roundId || e.identity);
}

/** Appends entries; the Journal is never rewritten. People may type rows too, so this appends after the last one. */
export function appendJournal(book: Book, entries: (JournalEntry & { who: string })[], currencyCode: string): void {
  const exp = currency(currencyCode)?.exponent ?? 2;
  appendAfterLastRow(
    book.sheet('journal'),
    entries.map((e) =>
      row('journal', {
        at: new Date(e.at),
        round: asText(e.roundId),
        orderKey: asText(e.orderKey),
        who: asText(e.who),
        identity: asText(e.identity),
        kind: e.kind,
        amount: Number(toDecimalString(e.amountMinor, exp)),
        method: asText(e.method),
        recordedBy: asText(e.recordedBy),
        note: asText(e.note),
        requestId: asText(e.requestId),
      }),
    ),
  );
}
