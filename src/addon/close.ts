import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { billLines } from '../core/emailContent';
import { OutgoingEmail, PAYMENT_QR_CID, PaymentBlock, renderEmail } from '../core/emails';
import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { paymentCode } from '../core/payment/instructions';
import { paymentMethodOf } from '../core/settings';
import { availableCredit, identityOf } from '../core/ledger';
import { outgoingEmail } from '../core/outgoing';
import { CloseSummary, canReach } from '../core/round';
import { appendJournal } from '../workspace/journal';
import { nextOutboxRow, outboxKeysFrom, queueEmails } from '../workspace/outbox';
import { entry } from '../workspace/properties/store';
import { KEYS } from '../workspace/properties/keys';
import { writeRoundResults } from '../workspace/results';
import { setFormAccepting } from '../workspace/roundForm';
import { saveRound } from '../workspace/rounds';
import { ActionContext, locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { complaintLinks } from './complaintForm';
import { logFormOutcome } from './rounds';
import { journalEntryFor } from './payments';
import { updateLedger } from './refreshLedger';
import { RoundData, assignReferences, factsOf, loadRound } from './roundData';

/** Applies credit people carry from earlier rounds to this round's bills (once per person and round). */
function applyCredits(ctx: ActionContext, data: RoundData): void {
  // Only credit lines move credit: scanning those, not every payment of every round, per participant.
  const credits = data.journal.filter((e) => e.kind === 'creditEarned' || e.kind === 'credit');
  if (!credits.some((e) => e.kind === 'creditEarned')) return;
  const done = new Set(credits.filter((e) => e.kind === 'credit' && e.roundId === data.record.id).map((e) => e.orderKey));
  const key = ctx.store.get(KEYS.identityKey) ?? '';
  const entries = [];
  for (const p of data.tally.participants) {
    if (done.has(p.order.key) || p.totalMinor <= 0) continue;
    const credit = Math.min(availableCredit(identityOf(p.order.participant), credits, key), p.totalMinor);
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

/**
 * How one bill asks to be paid, in the reader's language: the reference, and — when the coordinator set
 * bank details (roubles) or a receive code — the QR payload with the lines to print beside it. Details
 * with a problem give no code (the Settings screen names the problem): never a code a bank app refuses.
 */
export function paymentFor(
  ctx: ActionContext,
  data: RoundData,
  orderKey: string,
  dueMinor: number,
  lang: Lang,
): { block: PaymentBlock | null; qr?: string } {
  const reference = data.references.get(orderKey);
  if (!reference) return { block: null };
  const method = paymentMethodOf(ctx.settings, data.record.currency);
  const code = method
    ? paymentCode(method, { reference, amountMinor: dueMinor, currency: data.record.currency, purpose: data.record.title }, lang)
    : null;
  if (!code || !code.ok) return { block: { reference, lines: [t(lang, 'payment.reference', { reference })], qrImage: null } };
  return { block: { reference, lines: code.lines, qrImage: PAYMENT_QR_CID }, qr: code.payload };
}

/** Everyone's final bill; a person who gets nothing is told so instead. `close` counts the round's closes. */
function billEmails(ctx: ActionContext, data: RoundData, close: number): OutgoingEmail[] {
  const complaintUrl = complaintLinks(ctx, data);
  // The round's facts differ only by pickup place: built once per place, not once per bill.
  const factsByPlace = new Map<string, ReturnType<typeof factsOf>>();
  const factsAt = (place = '') => {
    if (!factsByPlace.has(place)) factsByPlace.set(place, factsOf(ctx, data, place));
    return factsByPlace.get(place) as ReturnType<typeof factsOf>;
  };
  return data.tally.participants.map((p) => {
    const who = p.order.participant;
    const facts = factsAt(who.pickupPoint);
    const acc = data.accounts.get(p.order.key);
    const lines = billLines(data, p.order.key, who.lang);
    const nothing = p.totalMinor === 0;
    const dueMinor = Math.max(0, acc?.balanceMinor ?? p.totalMinor);
    const payment = nothing ? { block: null } : paymentFor(ctx, data, p.order.key, dueMinor, who.lang);
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
            dueMinor,
            payment: payment.block,
            complaintUrl: complaintUrl(p.order.key),
          },
          facts,
          who.lang,
        );
    return outgoingEmail(
      data.record.id,
      { kind: nothing ? 'cancelled' : 'finalBill', orderKey: p.order.key, close },
      { orderKey: p.order.key, to: who.email ?? '', lang: who.lang },
      rendered,
      dueMinor > 0 ? payment.qr : undefined,
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
export function closeRoundNow(ctx: ActionContext, roundId: string, loaded?: RoundData): CloseSummary {
  const previous = ctx.store.get(KEYS.closed(roundId));
  if (previous) return { ...previous, alreadyClosed: true };
  const data = loaded ?? loadRound(ctx, roundId);
  // A close killed after the round's row said "closed" is finished, not refused (queueBills).
  const resuming = ctx.store.get(KEYS.closing(roundId)) !== null;
  if (!resuming && !canReach(data.record.state, 'closed')) return summaryOf(data, 0, true);
  // A form another coordinator created and never shared cannot be opened: the round closes anyway (late
  // answers are refused by the stop itself) and the coordinator is told, here and in Check set-up.
  const form =
    data.record.state === 'open' ? setFormAccepting(data.record.formId, false, ctx.settings.languages) : { ok: true as const };
  const warning = logFormOutcome(ctx, data.record, form, 'round.formNotClosed');
  applyCredits(ctx, data);
  assignReferences(ctx, data);
  writeRoundResults(ctx.book, ctx.store, data.record, data);
  const queued = queueBills(ctx, data);
  data.record = saveRound(ctx.book, ctx.store, { ...data.record, state: 'closed' }, ctx.now);
  updateLedger(ctx, data);
  const summary: CloseSummary = { ...summaryOf(data, queued.count, false), ...(warning ? { warning } : {}) };
  ctx.store.setAll(entry(KEYS.closed(roundId), summary), entry(KEYS.closes(roundId), queued.close));
  ctx.store.delete(KEYS.closing(roundId));
  markTabsStale(ctx);
  return summary;
}

/**
 * Queues everyone's final bill once, even when an earlier attempt at this close was killed after queueing
 * some: the close's progress (its revision, the Outbox row its bills start at) is written first, and a
 * resumed close reads the keys from that row on — one read, however long the Outbox has grown.
 */
function queueBills(ctx: ActionContext, data: RoundData): { close: number; count: number } {
  const roundId = data.record.id;
  const resumed = ctx.store.get(KEYS.closing(roundId));
  const progress = resumed ?? { close: (ctx.store.get(KEYS.closes(roundId)) ?? 0) + 1, outboxRow: nextOutboxRow(ctx.store) };
  if (!resumed) ctx.store.set(KEYS.closing(roundId), progress);
  const bills = billEmails(ctx, data, progress.close);
  const known = resumed ? outboxKeysFrom(ctx.book, progress.outboxRow, bills.length) : new Set<string>();
  return { close: progress.close, count: queueEmails(ctx.book, ctx.store, bills, ctx.now, known) };
}

/**
 * Sidebar: "Close now". Closing early cannot be taken back without re-billing everyone, so it asks
 * first: "Close the round now and send 9 final bills?" — and closes only with that question's token.
 */
export function closeRound(roundId: string, confirm?: string): CloseSummary | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const id = String(roundId);
    const previous = ctx.store.get(KEYS.closed(id));
    if (previous) return { ...previous, alreadyClosed: true };
    const data = loadRound(ctx, id);
    const bills = data.tally.participants.length;
    const token = confirmationToken('close', id, [bills]);
    if (canReach(data.record.state, 'closed') && data.record.state !== 'closed' && confirm !== token)
      return asks(t(ctx.lang, 'confirm.close', { round: data.record.title, count: bills }), token);
    return closeRoundNow(ctx, id, data);
  });
}
