import { reconcileNextRow } from '../workspace/orders';
import { readAll } from '../workspace/properties';
import { setFormAccepting } from '../workspace/roundForm';
import { cacheSnapshot, readRounds, snapshotOf, writeRound } from '../workspace/rounds';
import { Book } from '../workspace/sheets/book';
import { withScriptLock } from '../workspace/lock';
import { drainPendingSubmissions } from './intake';
import { readSettings } from '../workspace/community';

/**
 * The add-on's single hourly trigger. It fires at a random minute, so everything it does is "what fell
 * due since last time": close rounds whose stop has passed, record submissions that were parked when
 * the lock was busy, and keep the Orders row counter honest.
 */
export function onTick_(): void {
  withScriptLock(60_000, () => {
    const properties = readAll();
    const book = Book.open(properties);
    if (!book.find('rounds')) return;
    const now = new Date();
    const settings = readSettings(book);
    drainPendingSubmissions(properties, book.ss);
    for (const round of readRounds(book)) {
      if (round.state !== 'open' || round.deadline > now.getTime()) continue;
      setFormAccepting(round.formId, false, settings.defaultLang);
      writeRound(book, { ...round, state: 'closed' }, now);
      const snapshot = snapshotOf(properties, round.id);
      if (snapshot) cacheSnapshot({ ...snapshot, round: { ...snapshot.round, state: 'closed' } });
    }
    reconcileNextRow(book.sheet('orders'));
  });
}
