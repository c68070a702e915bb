import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { t } from '../core/i18n/translate';
import { RoundLedger, creditToCarry } from '../core/ledger';
import { RoundState } from '../core/round';
import { appendJournal } from '../workspace/journal';
import { saveRound } from '../workspace/rounds';
import { fail, locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { journalEntryFor } from './payments';
import { ledgerOf, updateLedger } from './refreshLedger';
import { RoundData, loadRound, requireReach } from './roundData';

/** What settling a round will do, shown before it is done. */
export interface SettlePlan {
  roundId: string;
  /** Overpayments that become credit for each person's next round. */
  creditPeople: number;
  creditMinor: number;
  /** Still owed by participants: settling does not forgive it, it stays in the ledger. */
  outstandingMinor: number;
  /** Money the round still holds after the credit is carried out (0 when everything is paid). */
  balanceAfterMinor: number;
  alreadySettled: boolean;
  done: boolean;
  ledger: RoundLedger;
}

/** Before it is done: the plan, and the question with its token (src/core/confirm.ts). */
export type SettleAnswer = SettlePlan | (SettlePlan & Confirmation);

function planOf(data: RoundData): Omit<SettlePlan, 'done'> {
  const roundEntries = data.journal.filter((e) => e.roundId === data.record.id);
  const carry = creditToCarry(data.record.id, [...data.accounts.values()], roundEntries);
  const ledger = ledgerOf(data);
  const creditMinor = carry.reduce((s, c) => s + c.amountMinor, 0);
  return {
    roundId: data.record.id,
    creditPeople: carry.length,
    creditMinor,
    outstandingMinor: ledger.outstandingMinor,
    balanceAfterMinor: ledger.balanceMinor - creditMinor,
    alreadySettled: data.record.state === 'settled',
    ledger,
  };
}

/**
 * Settles a round: overpayments become credit that follows each person to their next round. The first
 * call says what will be carried as credit (and what is still owed) and asks; the second, with the
 * question's token, does it — a settled round is final. The token is the plan's figures, so a payment
 * recorded in between asks again. Settling twice writes nothing twice (creditToCarry's request ids).
 */
export function settleRound(roundId: string, confirm?: string): SettleAnswer {
  return locked((ctx) => {
    requireAccess(ctx, 'manageMoney');
    const data = loadRound(ctx, String(roundId));
    if (data.record.state !== 'settled') requireReach(ctx, data.record.state, 'distributed');
    const plan = planOf(data);
    if (plan.alreadySettled) return { ...plan, done: true };
    const token = confirmationToken('settle', plan.roundId, [plan.creditPeople, plan.creditMinor, plan.outstandingMinor]);
    if (confirm !== token) {
      const question = t(ctx.lang, 'confirm.settle', { round: data.record.title, count: plan.creditPeople });
      return { ...plan, done: false, ...asks(question, token) };
    }
    // Handed out, then settled: both steps are checked, the round is written once.
    let state: RoundState = data.record.state;
    for (const step of ['distributed', 'settled'] as const) {
      requireReach(ctx, state, step);
      state = step;
    }
    const roundEntries = data.journal.filter((e) => e.roundId === data.record.id);
    const entries = creditToCarry(data.record.id, [...data.accounts.values()], roundEntries).map((c) => {
      const p = data.tally.participants.find((x) => x.order.key === c.orderKey);
      if (!p) fail(ctx.lang, 'offline.notFound');
      return journalEntryFor(ctx, data, p, { kind: 'creditEarned', amountMinor: c.amountMinor, requestId: c.requestId });
    });
    if (entries.length) appendJournal(ctx.book, entries, data.record.currency);
    data.journal.push(...entries);
    data.record = saveRound(ctx.book, ctx.store, { ...data.record, state }, ctx.now);
    markTabsStale(ctx);
    return { ...plan, alreadySettled: false, done: true, ledger: updateLedger(ctx, data) };
  });
}
