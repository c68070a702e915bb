import { Book, row } from './sheets/book';
import { asText } from './sheets/cells';

export interface LogEntry {
  round: string;
  source: string;
  who: string;
  severity: string;
  problem: string;
}

/** Appends one line to the Log sheet (one call); several problems of one event share the line. */
export function logEntry(book: Book, entry: LogEntry, at: Date): void {
  book.sheet('log').appendRow(
    row('log', {
      at,
      round: asText(entry.round),
      source: asText(entry.source),
      who: asText(entry.who),
      severity: entry.severity,
      problem: asText(entry.problem),
    }),
  );
}
