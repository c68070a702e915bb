import { roundLedger, RoundLedger } from '../core/ledger';
import { writeLedgerLine } from '../workspace/ledgerSheet';
import { ActionContext } from './action';
import { RoundData } from './roundData';

/** A round's figures for the open ledger: billed, collected, paid to the supplier, balance… */
export function ledgerOf(data: RoundData): RoundLedger {
  const entries = data.journal.filter((e) => e.roundId === data.record.id);
  return roundLedger(data.tally.money, [...data.accounts.values()], entries);
}

/** Brings the round's line of the community Ledger up to date; returns the round's figures. */
export function updateLedger(ctx: ActionContext, data: RoundData): RoundLedger {
  const figures = ledgerOf(data);
  const line = {
    ...figures,
    roundId: data.record.id,
    title: data.record.title,
    state: data.record.state,
    currency: data.record.currency,
    updatedAt: ctx.now.getTime(),
  };
  writeLedgerLine(ctx.book, ctx.store, line, ctx.book.lang);
  return figures;
}
