import { billLines } from '../core/emailContent';
import { OutgoingEmail, renderEmail } from '../core/emails';
import { availableCredit, identityOf } from '../core/ledger';
import { outgoingEmail } from '../core/outgoing';
import { CloseSummary, canReach } from '../core/round';
import { appendJournal } from '../workspace/journal';
import { queueEmails } from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { writeRoundResults } from '../workspace/results';
import { setFormAccepting } from '../workspace/roundForm';
import { saveRound } from '../workspace/rounds';
import { ActionContext, locked } from './action';
import { logFormOutcome } from './rounds';
import { journalEntryFor } from './payments';
import { updateLedger } from './refreshLedger';
import { RoundData, factsOf, loadRound } from './roundData';

/** Applies credit people carry from earlier rounds to this round's bills (once per person and round). */
function applyCredits(ctx: ActionContext, data: RoundData): void {
  const done = new Set(data.journal.filter((e) => e.kind === 'credit' && e.roundId === data.record.id).map((e) => e.orderKey));
  const entries = [];
  for (const p of data.tally.participants) {
    if (done.has(p.order.key) || p.totalMinor <= 0) continue;
    const credit = Math.min(availableCredit(identityOf(p.order.participant), data.journal), p.totalMinor);
    if (credit <= 0) continue;
    entries.push(
      journalEntryFor(ctx, data, p, {
        kind: 'credit',
        amountMinor: credit,
        requestId: `credit:${data.record.id}:${p.order.key}`,
      }),
    );
  }
  if (entries.length === 0) return;
  appendJournal(ctx.book, entries, data.record.currency);
  data.journal.push(...entries);
  for (const e of entries) {
    const acc = data.accounts.get(e.orderKey);
    if (acc)
      data.accounts.set(e.orderKey, {
        ...acc,
        creditInMinor: acc.creditInMinor + e.amountMinor,
        balanceMinor: acc.balanceMinor - e.amountMinor,
      });
  }
}

/** Everyone's final bill; a person who gets nothing is told so instead. `close` counts the round's closes. */
function billEmails(ctx: ActionContext, data: RoundData, close: number): OutgoingEmail[] {
  return data.tally.participants.map((p) => {
    const who = p.order.participant;
    const facts = factsOf(ctx, data, who.pickupPoint);
    const acc = data.accounts.get(p.order.key);
    const lines = billLines(data, p.order.key, who.lang);
    const nothing = p.totalMinor === 0;
    const rendered = nothing
      ? renderEmail({ kind: 'cancelled', name: who.name, reason: '', items: lines.map((l) => l.item) }, facts, who.lang)
      : renderEmail(
          {
            kind: 'finalBill',
            name: who.name,
            lines,
            goodsMinor: p.goodsMinor,
            deliveryMinor: p.deliveryMinor,
            feeMinor: p.feeMinor,
            creditMinor: acc?.creditInMinor ?? 0,
            dueMinor: Math.max(0, acc?.balanceMinor ?? p.totalMinor),
          },
          facts,
          who.lang,
        );
    return outgoingEmail(
      data.record.id,
      { kind: nothing ? 'cancelled' : 'finalBill', orderKey: p.order.key, close },
      { orderKey: p.order.key, to: who.email ?? '', lang: who.lang },
      rendered,
    );
  });
}

function summaryOf(data: RoundData, queuedEmails: number, alreadyClosed: boolean): CloseSummary {
  return {
    roundId: data.record.id,
    state: data.record.state,
    participants: data.tally.participants.length,
    goodsMinor: data.tally.money.goodsMinor,
    totalMinor: data.tally.money.totalMinor,
    queuedEmails,
    alreadyClosed,
  };
}

/**
 * Closes a round: stops its form, tallies it with the core, writes Tally, Allocation and Bills, and
 * queues everyone's final bill. Closing a second time changes nothing.
 */
export function closeRoundNow(ctx: ActionContext, roundId: string): CloseSummary {
  const previous = ctx.store.get(KEYS.closed(roundId));
  if (previous) return { ...previous, alreadyClosed: true };
  const data = loadRound(ctx, roundId);
  if (!canReach(data.record.state, 'closed')) return summaryOf(data, 0, true);
  // A form another coordinator created and never shared cannot be opened: the round closes anyway (late
  // answers are refused by the stop itself) and the coordinator is told, here and in Check set-up.
  const form =
    data.record.state === 'open' ? setFormAccepting(data.record.formId, false, ctx.settings.defaultLang) : { ok: true as const };
  const warning = logFormOutcome(ctx, data.record, form, 'round.formNotClosed');
  applyCredits(ctx, data);
  writeRoundResults(ctx.book, ctx.store, data.record, data);
  const close = (ctx.store.get(KEYS.closes(roundId)) ?? 0) + 1;
  const queued = queueEmails(ctx.book, ctx.store, billEmails(ctx, data, close), ctx.now, new Set());
  data.record = saveRound(ctx.book, ctx.store, { ...data.record, state: 'closed' }, ctx.now);
  updateLedger(ctx, data);
  const summary: CloseSummary = { ...summaryOf(data, queued, false), ...(warning ? { warning } : {}) };
  ctx.store.set(KEYS.closed(roundId), summary);
  ctx.store.set(KEYS.closes(roundId), close);
  return summary;
}

/** Sidebar: "Close now". */
export function closeRound(roundId: string): CloseSummary {
  return locked((ctx) => closeRoundNow(ctx, String(roundId)));
}
