import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { t } from '../core/i18n/translate';
import { archiveRows, writeArchiveRows } from '../workspace/archive';
import { archiveLedgerLine } from '../workspace/ledgerSheet';
import { KEYS } from '../workspace/properties/keys';
import { deleteRoundSheets } from '../workspace/results';
import { unlinkResponseSheet } from '../workspace/roundForm';
import { forgetRound, isArchived } from '../workspace/rounds';
import { ActionContext, fail, locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { RoundData, loadRound } from './roundData';

/** How long a settled round keeps its own tabs before the tick folds them into the Archive sheet. */
export const ARCHIVE_AFTER_MS = 14 * 24 * 3600_000;

export interface ArchivePlan {
  roundId: string;
  title: string;
  /** People whose bills go into the Archive sheet. */
  people: number;
  done: boolean;
  /** The form's response sheet stays: its form could not be opened to unlink it. */
  responsesKept: boolean;
}

/**
 * Folds a settled round into the Archive sheet (one row per participant and item, with the bill) and
 * lets go of everything else it held: its own tabs, its form's response sheet, its document properties.
 * The Ledger keeps its line and the Journal every entry, so carried credit stays usable
 * (core/ledger.ts availableCredit reads the Journal). Each step can be done again: an archive killed
 * half-way is finished by the next try (test/bundle/faults.test.ts).
 */
export function archiveRoundNow(ctx: ActionContext, data: RoundData): boolean {
  const id = data.record.id;
  writeArchiveRows(ctx.book, ctx.store, id, archiveRows(data.record, data, ctx.book.lang));
  archiveLedgerLine(ctx.book, ctx.store, id, ctx.lang);
  deleteRoundSheets(ctx.book, id);
  const unlinked = unlinkResponseSheet(ctx.book, data.record.formId, data.snapshot.responseSheetId);
  forgetRound(ctx.store, id, data.snapshot.responseSheetId);
  markTabsStale(ctx);
  return !unlinked;
}

/**
 * Sidebar: "Archive". Coordinators only; asks first ("Archive R3? Its tabs are folded into the Archive
 * sheet…") and does it only with that question's token (src/core/confirm.ts).
 */
export function archiveRound(roundId: string, confirm?: string): ArchivePlan | (ArchivePlan & Confirmation) {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const id = String(roundId);
    if (isArchived(ctx.store, id)) {
      forgetRound(ctx.store, id, null);
      return { roundId: id, title: '', people: 0, done: true, responsesKept: false };
    }
    const data = loadRound(ctx, id);
    if (data.record.state !== 'settled') fail(ctx.lang, 'archive.notSettled');
    const plan: ArchivePlan = {
      roundId: id,
      title: data.record.title,
      people: data.tally.participants.length,
      done: false,
      responsesKept: false,
    };
    const token = confirmationToken('archive', id, [plan.people]);
    if (confirm !== token)
      return { ...plan, ...asks(t(ctx.lang, 'confirm.archive', { round: plan.title, count: plan.people }), token) };
    return { ...plan, done: true, responsesKept: archiveRoundNow(ctx, data) };
  });
}

/**
 * The tick: an archive killed half-way is finished first (its rows' place is still recorded), then rounds
 * settled a while ago are archived, one per run (each costs the same few calls).
 */
export function archiveDueRounds(ctx: ActionContext): string | null {
  for (const id of ctx.store.list(KEYS.archiving).map(String)) {
    if (isArchived(ctx.store, id)) forgetRound(ctx.store, id, null);
    else archiveRoundNow(ctx, loadRound(ctx, id));
    return id;
  }
  for (const id of ctx.store.get(KEYS.ledgerRounds) ?? []) {
    const line = ctx.store.get(KEYS.ledgerLine(id));
    if (!line || line.state !== 'settled' || ctx.now.getTime() - line.updatedAt < ARCHIVE_AFTER_MS) continue;
    archiveRoundNow(ctx, loadRound(ctx, id));
    return id;
  }
  return null;
}
