import { handOutBlocks } from '../core/ladder';
import { t } from '../core/i18n/translate';
import { forgetChatImport } from '../workspace/chatImports';
import { purgeRoundRows } from '../workspace/personalData';
import { writeDistribution, writeRoundResults } from '../workspace/results';
import { fail, locked } from './action';
import { loadRound } from './roundData';

/**
 * Removes names, emails, phones and flats of a settled round from every sheet that holds them, keeping
 * the money and quantities (and so the ledger) intact.
 */
export function purgePersonalData(roundId: string): { rows: number } {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    if (data.record.state !== 'settled') fail(ctx.lang, 'purge.notSettled');
    const index = new Map(data.tally.participants.map((p, i) => [p.order.key, i]));
    const pseudonym = (orderKey: string) => t(ctx.lang, 'purge.participant', { n: (index.get(orderKey) ?? 0) + 1 });
    const rows = purgeRoundRows(ctx.book, data.record.id, pseudonym);
    // What chat imports recorded holds names, flats and phones too (folded): it goes with them.
    forgetChatImport(ctx.store, data.record.id);
    // Result sheets are rebuilt from the purged data.
    const purged = loadRound(ctx, data.record.id);
    purged.record = data.record;
    writeRoundResults(ctx.book, ctx.store, purged.record, purged);
    writeDistribution(ctx.book, ctx.store, purged.record, handOutBlocks(purged));
    return { rows };
  });
}
