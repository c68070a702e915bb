import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { t } from '../core/i18n/translate';
import { archiveRows, writeArchiveRows } from '../workspace/archive';
import { archiveLedgerLine, writeLedgerLine } from '../workspace/ledgerSheet';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { deleteRoundSheets } from '../workspace/results';
import { unlinkResponseSheet } from '../workspace/roundForm';
import { forgetRound, isArchived, roundSnapshots } from '../workspace/rounds';
import { account, roundLedger } from '../core/ledger';
import { RoundState } from '../core/round';
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
export function archiveRoundNow(ctx: ActionContext, loaded: RoundData): boolean {
  const id = loaded.record.id;
  const cancelled = loaded.record.state === 'cancelled';
  const data = cancelled ? asCancelled(loaded) : loaded;
  writeArchiveRows(ctx.book, ctx.store, id, archiveRows(data.record, data, ctx.book.lang, !cancelled));
  if (cancelled) keepCancelledLine(ctx, data);
  archiveLedgerLine(ctx.book, ctx.store, id, ctx.lang);
  deleteRoundSheets(ctx.book, id);
  const unlinked = unlinkResponseSheet(ctx.book, data.record.formId, data.snapshot.responseSheetId);
  forgetRound(ctx.store, id, data.snapshot.responseSheetId);
  markTabsStale(ctx);
  return !unlinked;
}

/**
 * A cancelled round billed nobody: each person's account holds only what the Journal says about them in
 * it (a payment made before the cancel, its refund, credit given back), against nothing due.
 */
function asCancelled(data: RoundData): RoundData {
  const entries = data.journal.filter((e) => e.roundId === data.record.id);
  const accounts = new Map(data.tally.participants.map((p) => [p.order.key, account(p.order.key, 0, entries)]));
  return { ...data, accounts };
}

/**
 * The Ledger keeps a cancelled round's line too (written now if the round never closed): nothing billed,
 * and whatever money the Journal shows moved in it, so the community's cash still reconciles.
 */
function keepCancelledLine(ctx: ActionContext, data: RoundData): void {
  const entries = data.journal.filter((e) => e.roundId === data.record.id);
  const nothing = { goodsMinor: 0, deliveryMinor: 0, feeMinor: 0, totalMinor: 0, savingMinor: 0 };
  const figures = roundLedger(nothing, [...data.accounts.values()], entries);
  const { id: roundId, title, currency } = data.record;
  const line = { ...figures, roundId, title, state: 'cancelled' as const, currency, updatedAt: ctx.now.getTime() };
  writeLedgerLine(ctx.book, ctx.store, line, ctx.book.lang);
}

/** Rounds whose tabs can be folded away: settled ones, and cancelled ones that had opened. */
const ARCHIVABLE: readonly RoundState[] = ['settled', 'cancelled'];

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
    if (!ARCHIVABLE.includes(data.record.state)) fail(ctx.lang, 'archive.notSettled');
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
 * The round the tick should archive now, from document properties alone: an archive killed half-way
 * first (its rows' place is still recorded), then a round settled or cancelled a while ago.
 */
export function roundToArchive(store: DocumentStore, now: number): string | null {
  const halfDone = store.list(KEYS.archiving).map(String)[0];
  if (halfDone) return halfDone;
  for (const id of store.get(KEYS.ledgerRounds) ?? []) {
    const line = store.get(KEYS.ledgerLine(id));
    if (line && line.state === 'settled' && now - line.updatedAt >= ARCHIVE_AFTER_MS) return id;
  }
  // A cancelled round, as long after its cancel (a round cancelled before that was recorded: now).
  const cancelled = roundSnapshots(store).find(
    (s) => s.round.state === 'cancelled' && now - (s.stateSince ?? 0) >= ARCHIVE_AFTER_MS,
  );
  return cancelled?.round.id ?? null;
}

/** The tick: archives one round a run (each costs the same few calls), finishing a killed one first. */
export function archiveDueRounds(ctx: ActionContext): string | null {
  const id = roundToArchive(ctx.store, ctx.now.getTime());
  if (!id) return null;
  if (isArchived(ctx.store, id)) forgetRound(ctx.store, id, null);
  else archiveRoundNow(ctx, loadRound(ctx, id));
  return id;
}
