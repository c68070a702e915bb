import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { t } from '../core/i18n/translate';
import { RoundLedger } from '../core/ledger';
import { RoundState } from '../core/round';
import { appendJournal } from '../workspace/journal';
import { saveRound } from '../workspace/rounds';
import { locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { journalEntryFor } from './payments';
import { updateLedger } from './refreshLedger';
import { loadRound, requireReach } from './roundData';

/**
 * Settles a round: overpayments become credit that follows each person to their next round. Nothing
 * can be recorded in a settled round afterwards, so it asks first.
 */
export function settleRound(roundId: string, confirm?: string): RoundLedger | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, 'manageMoney');
    const data = loadRound(ctx, String(roundId));
    if (data.record.state !== 'settled') {
      // Handed out, then settled: both steps are checked, the round is written once.
      let state: RoundState = data.record.state;
      for (const step of ['distributed', 'settled'] as const) {
        requireReach(ctx, state, step);
        state = step;
      }
      const entries = data.tally.participants.flatMap((p) => {
        const acc = data.accounts.get(p.order.key);
        if (!acc || acc.balanceMinor >= 0) return [];
        const requestId = `settle:${data.record.id}:${p.order.key}`;
        return [journalEntryFor(ctx, data, p, { kind: 'creditEarned', amountMinor: -acc.balanceMinor, requestId })];
      });
      const token = confirmationToken('settle', data.record.id, [entries.length]);
      if (confirm !== token)
        return asks(t(ctx.lang, 'confirm.settle', { round: data.record.title, count: entries.length }), token);
      if (entries.length) appendJournal(ctx.book, entries, data.record.currency);
      data.journal.push(...entries);
      data.record = saveRound(ctx.book, ctx.store, { ...data.record, state }, ctx.now);
      markTabsStale(ctx);
    }
    return updateLedger(ctx, data);
  });
}
