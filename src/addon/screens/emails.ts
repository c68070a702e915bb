import { DrainResult, OutboxSummary, outboxSummary } from '../../workspace/outbox';
import { KEYS } from '../../workspace/properties/keys';
import { reading, requireAccess } from '../action';

export interface EmailsScreen extends OutboxSummary {
  lastDrain: (DrainResult & { at: string }) | null;
}

/** Sidebar's Emails screen, read without the lock so it can be polled while a batch runs. */
export function emailsScreen(roundId?: string): EmailsScreen {
  return reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    return {
      ...outboxSummary(ctx.book, ctx.store, roundId ? String(roundId) : undefined),
      lastDrain: ctx.store.get(KEYS.lastDrain),
    };
  });
}
