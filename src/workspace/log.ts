import { Book } from './sheets/book';
import { row } from './sheets/schema';

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
      round: entry.round,
      source: entry.source,
      who: entry.who,
      severity: entry.severity,
      problem: entry.problem,
    }),
  );
}
