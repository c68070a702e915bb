import { CatalogItem } from '../core/catalog';
import { t } from '../core/i18n/translate';
import { formatMoney } from '../core/i18n/format';
import { describeChange, nextDeadline, priceChanges } from '../core/roundLike';
import { readCatalog } from '../workspace/community';
import { readRounds, snapshotOf } from '../workspace/rounds';
import { fail, reading, requireAccess } from './action';
import { complaintNotes } from './complaints';
import { NewRoundInput } from './rounds';

/** "New round like R12": the new round's fields, ready for createRound, and what to know before opening it. */
export interface RoundLikePlan {
  from: string;
  proposal: Required<Omit<NewRoundInput, 'requestId'>>;
  /** Prices up or down, items gone: one sentence each, in the coordinator's language. */
  changes: string[];
  /** Items complained about more than once, and replacements owed to residents from decided complaints. */
  watch: string[];
}

/**
 * The fields of a round like `roundId`, with the next stop at the same weekday and time in the
 * spreadsheet's time zone (after today and after the earlier stop), and the items still in the Catalog. Nothing is written: the coordinator reads
 * the changes, edits what they like and creates the round (createRound), then opens it as any other.
 */
export function roundLikePlan(roundId: string): RoundLikePlan {
  return reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const earlier = readRounds(ctx.book).find((r) => r.id === String(roundId));
    if (!earlier) return fail(ctx.lang, 'round.notFound', { id: String(roundId) });
    const catalog = readCatalog(ctx.book, ctx.settings, ctx.lang);
    // The prices it was opened with (a round never opened has none to compare).
    const before = new Map<string, CatalogItem>((snapshotOf(ctx.store, earlier.id)?.items ?? []).map((i) => [i.id, i]));
    const changes = priceChanges(earlier.itemIds, before, catalog.items, ctx.lang);
    const code = ctx.settings.currency;
    const kept = earlier.itemIds.filter((id) => catalog.items.has(id));
    // After the earlier stop too: repeating a round still open proposes the week after it, not its own stop.
    const deadline = nextDeadline(earlier.deadline, Math.max(ctx.now.getTime(), earlier.deadline), ctx.book.timeZone());
    return {
      from: earlier.id,
      proposal: {
        title: earlier.title,
        deadline: new Date(deadline).toISOString(),
        pickupTime: earlier.pickupTime,
        pickupPoints: earlier.pickupPoints,
        itemIds: kept,
        // As the coordinator reads and types amounts ("1 500,00 ₽"); createRound reads it back.
        delivery: formatMoney(earlier.deliveryMinor, earlier.currency, ctx.lang),
        deliverySplit: earlier.deliverySplit,
        feePercent: earlier.feeBasisPoints / 100,
      },
      changes: changes.length ? changes.map((c) => describeChange(c, code, ctx.lang)) : [t(ctx.lang, 'roundLike.noChanges')],
      watch: complaintNotes(ctx, kept, earlier.id),
    };
  });
}
