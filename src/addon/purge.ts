import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { handOutBlocks } from '../core/ladder';
import { t } from '../core/i18n/translate';
import { forgetChatImport } from '../workspace/chatImports';
import { identityKey, purgeRoundRows } from '../workspace/personalData';
import { isSealed, sealedIdentity } from '../core/ledger';
import { KEYS } from '../workspace/properties/keys';
import { writeDistribution, writeRoundResults } from '../workspace/results';
import { ActionContext, fail, locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { loadRound } from './roundData';
import { archivedPeople } from '../workspace/archive';
import { isArchived } from '../workspace/rounds';

export interface PurgePlan {
  roundId: string;
  title: string;
  /** How many people's data will be erased. */
  people: number;
  /** How many of them have an email address on file. */
  withEmail: number;
  done: boolean;
  /** Orders rows purged (once done). */
  rows: number;
}

/**
 * Removes names, emails, phones, flats, comments, edit links, email texts and payment references of a
 * settled round from every sheet that holds them, keeping the money and quantities (and so the ledger)
 * intact. The first call says what will be erased and for how many people, and asks; the second, with
 * the question's token (src/core/confirm.ts), erases it — it cannot be undone.
 */
export function purgePersonalData(roundId: string, confirm?: string): PurgePlan | (PurgePlan & Confirmation) {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    if (isArchived(ctx.store, String(roundId))) return purgeArchived(ctx, String(roundId), confirm);
    const data = loadRound(ctx, String(roundId));
    if (data.record.state !== 'settled') fail(ctx.lang, 'purge.notSettled');
    const plan: PurgePlan = {
      roundId: data.record.id,
      title: data.record.title,
      people: data.tally.participants.length,
      withEmail: data.tally.participants.filter((p) => p.order.participant.email).length,
      done: false,
      rows: 0,
    };
    const token = confirmationToken('purge', plan.roundId, [plan.people]);
    if (confirm !== token)
      return { ...plan, ...asks(t(ctx.lang, 'confirm.purge', { round: plan.title, count: plan.people }), token) };
    const index = new Map(data.tally.participants.map((p, i) => [p.order.key, i]));
    const pseudonym = (orderKey: string) => t(ctx.lang, 'purge.participant', { n: (index.get(orderKey) ?? 0) + 1 });
    // Credit follows the person by their identity: sealed, not blanked, so it outlives the purge (and
    // credit already spent stays spent).
    const key = identityKey(ctx.store);
    const rows = purgeRoundRows(ctx.book, data.record.id, pseudonym, (was) => (isSealed(was) ? was : sealedIdentity(was, key)));
    // What chat imports recorded holds names, flats and phones too (folded): it goes with them.
    forgetChatImport(ctx.store, data.record.id);
    // A reference spells the building and flat ("R3-2-15"): it goes with them.
    ctx.store.delete(KEYS.paymentRefs(data.record.id));
    // Result sheets are rebuilt from the purged data.
    const purged = loadRound(ctx, data.record.id);
    purged.record = data.record;
    writeRoundResults(ctx.book, ctx.store, purged.record, purged);
    writeDistribution(ctx.book, ctx.store, purged.record, handOutBlocks(purged, ctx.book.lang));
    markTabsStale(ctx);
    return { ...plan, done: true, rows };
  });
}

/**
 * An archived round's people are purged from the Archive sheet and every other sheet that holds their
 * rows (the round's own tabs and keys are gone already): same question, same pseudonyms.
 */
function purgeArchived(ctx: ActionContext, roundId: string, confirm?: string): PurgePlan | (PurgePlan & Confirmation) {
  const { title, orderKeys: keys } = archivedPeople(ctx.book, roundId);
  const plan: PurgePlan = { roundId, title, people: keys.length, withEmail: 0, done: false, rows: 0 };
  const token = confirmationToken('purge', roundId, [plan.people]);
  if (confirm !== token) return { ...plan, ...asks(t(ctx.lang, 'confirm.purge', { round: title, count: plan.people }), token) };
  const pseudonym = (orderKey: string) => t(ctx.lang, 'purge.participant', { n: keys.indexOf(orderKey) + 1 });
  const key = identityKey(ctx.store);
  const sealed = (was: string) => (isSealed(was) ? was : sealedIdentity(was, key));
  return { ...plan, done: true, rows: purgeRoundRows(ctx.book, roundId, pseudonym, sealed) };
}
