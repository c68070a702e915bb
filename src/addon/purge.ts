import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { handOutBlocks } from '../core/ladder';
import { t } from '../core/i18n/translate';
import { purgeRoundRows } from '../workspace/personalData';
import { writeDistribution, writeRoundResults } from '../workspace/results';
import { fail, locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { loadRound } from './roundData';

/**
 * Removes names, emails, phones and flats of a settled round from every sheet that holds them, keeping
 * the money and quantities (and so the ledger) intact. It cannot be undone, so it asks first.
 */
export function purgePersonalData(roundId: string, confirm?: string): { rows: number } | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const data = loadRound(ctx, String(roundId));
    if (data.record.state !== 'settled') fail(ctx.lang, 'purge.notSettled');
    const people = data.tally.participants.length;
    const token = confirmationToken('purge', data.record.id, [people]);
    if (confirm !== token) return asks(t(ctx.lang, 'confirm.purge', { round: data.record.title, count: people }), token);
    const index = new Map(data.tally.participants.map((p, i) => [p.order.key, i]));
    const pseudonym = (orderKey: string) => t(ctx.lang, 'purge.participant', { n: (index.get(orderKey) ?? 0) + 1 });
    const rows = purgeRoundRows(ctx.book, data.record.id, pseudonym);
    // Result sheets are rebuilt from the purged data.
    const purged = loadRound(ctx, data.record.id);
    purged.record = data.record;
    writeRoundResults(ctx.book, ctx.store, purged.record, purged);
    writeDistribution(ctx.book, ctx.store, purged.record, handOutBlocks(purged));
    markTabsStale(ctx);
    return { rows };
  });
}
