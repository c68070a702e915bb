import { DrainResult, OutboxSummary, outboxSummary } from '../../workspace/outbox';
import { KEYS } from '../../workspace/properties/keys';
import { DocumentStore } from '../../workspace/properties/store';
import { Book } from '../../workspace/sheets/book';

export interface EmailsScreen extends OutboxSummary {
  lastDrain: (DrainResult & { at: string }) | null;
}

/** Sidebar's Emails screen, read without the lock so it can be polled while a batch runs. */
export function emailsScreen(roundId?: string): EmailsScreen {
  const store = DocumentStore.open();
  return {
    ...outboxSummary(Book.open(store), store, roundId ? String(roundId) : undefined),
    lastDrain: store.get(KEYS.lastDrain),
  };
}
