import { ItemAllocation } from '../core/allocation';
import { CloseSummary } from '../core/round';
import { EmailLine, RoundFacts, renderEmail } from '../core/emails';
import { Lang } from '../core/i18n/lang';
import { availableCredit, identityOf } from '../core/ledger';
import { unitsOf } from '../core/quantity';
import { appendJournal } from '../workspace/journal';
import { OutgoingEmail, queueEmails } from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { setFormAccepting } from '../workspace/roundForm';
import { cacheSnapshot, writeRound } from '../workspace/rounds';
import { writeRoundResults } from '../workspace/results';
import { ActionContext } from './context';
import { RoundData, loadRound, nameOf } from './roundData';
import { updateLedger } from './ledgerSheet';
import { locked } from './rounds';

export function roundFacts(data: RoundData, ctx: ActionContext, pickupPlace = ''): RoundFacts {
  return {
    title: data.record.title,
    currency: data.record.currency,
    timeZone: data.snapshot.timeZone,
    deadline: data.record.deadline,
    pickupTime: data.record.pickupTime,
    pickupPlace: pickupPlace || data.record.pickupPoints.join(', '),
    paymentInstructions: ctx.settings.paymentInstructions,
  };
}

/** Why a person gets less than they ordered of an item, for the bill. */
function reasonFor(a: ItemAllocation, ordered: number, allocated: number): EmailLine['reason'] {
  if (allocated >= ordered) return undefined;
  if (a.status === 'belowMinimum') return 'belowMinimum';
  if (a.status === 'boxNotFilled') return 'boxNotFilled';
  if (a.receivedSteps !== null && a.receivedSteps < a.boughtSteps) return 'shortfall';
  return 'queue';
}

/** Lines of one participant's bill, with the reason wherever they get less than they asked. */
export function billLines(data: RoundData, orderKey: string, lang: Lang): EmailLine[] {
  const p = data.tally.participants.find((x) => x.order.key === orderKey);
  if (!p) return [];
  const bill = data.tally.money.bills.find((b) => b.orderKey === orderKey);
  return Object.entries(p.items).map(([itemId, v]) => {
    const item = data.items.get(itemId);
    const milli = item?.stepMilli ?? 1000;
    const a = data.tally.items.find((x) => x.itemId === itemId) as ItemAllocation;
    return {
      item: nameOf(item, itemId, lang),
      unit: item?.unit ?? '',
      ordered: unitsOf(v.orderedSteps, milli),
      allocated: unitsOf(v.allocatedSteps, milli),
      lineMinor: bill?.lines.find((l) => l.itemId === itemId)?.lineMinor ?? 0,
      reason: reasonFor(a, v.orderedSteps, v.allocatedSteps),
    };
  });
}

/** Applies credit people carry from earlier rounds to this round's bills (once per person and round). */
function applyCredits(ctx: ActionContext, data: RoundData): void {
  const done = new Set(data.journal.filter((e) => e.kind === 'credit' && e.roundId === data.record.id).map((e) => e.orderKey));
  const entries = [];
  for (const p of data.tally.participants) {
    if (done.has(p.order.key) || p.totalMinor <= 0) continue;
    const identity = identityOf(p.order.participant);
    const credit = Math.min(availableCredit(identity, data.journal), p.totalMinor);
    if (credit <= 0) continue;
    entries.push({
      at: ctx.now.getTime(),
      roundId: data.record.id,
      orderKey: p.order.key,
      identity,
      kind: 'credit' as const,
      amountMinor: credit,
      method: '',
      recordedBy: ctx.me,
      note: '',
      requestId: `credit:${data.record.id}:${p.order.key}`,
      who: p.order.participant.name,
    });
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

export function billEmails(ctx: ActionContext, data: RoundData, revision: number): OutgoingEmail[] {
  return data.tally.participants.map((p) => {
    const who = p.order.participant;
    const facts = roundFacts(data, ctx, who.pickupPoint);
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
    const kind = nothing ? 'cancelled' : 'finalBill';
    return {
      key: `${data.record.id}|${p.order.key}|${kind}|${revision}`,
      round: data.record.id,
      orderKey: p.order.key,
      kind,
      to: who.email ?? '',
      lang: who.lang,
      subject: rendered.subject,
      body: rendered.text,
      html: rendered.html,
    };
  });
}

/**
 * Closes a round: stops its form, tallies it with the core, writes Tally, Allocation and Bills, and
 * queues everyone's final bill. Closing a second time changes nothing.
 */
export function closeRoundNow(ctx: ActionContext, roundId: string): CloseSummary {
  const previous = ctx.store.get(KEYS.closed(roundId));
  if (previous) return { ...previous, alreadyClosed: true };
  const data = loadRound(ctx, roundId);
  if (data.record.state !== 'open' && data.record.state !== 'closed') {
    return {
      roundId,
      state: data.record.state,
      participants: data.tally.participants.length,
      goodsMinor: data.tally.money.goodsMinor,
      totalMinor: data.tally.money.totalMinor,
      queuedEmails: 0,
      alreadyClosed: true,
    };
  }
  if (data.record.state === 'open') setFormAccepting(data.record.formId, false, ctx.settings.defaultLang);
  applyCredits(ctx, data);
  writeRoundResults(ctx.book, ctx.store, data.record, data);
  const revision = (ctx.store.get(KEYS.closes(roundId)) ?? 0) + 1;
  const queued = queueEmails(ctx.book, ctx.store, billEmails(ctx, data, revision), ctx.now, new Set());
  const closed = { ...data.record, state: 'closed' as const };
  writeRound(ctx.book, closed, ctx.now);
  cacheSnapshot(ctx.store, { ...data.snapshot, round: { ...data.snapshot.round, state: 'closed' } });
  updateLedger(ctx, { ...data, record: closed });
  const summary: CloseSummary = {
    roundId,
    state: 'closed',
    participants: data.tally.participants.length,
    goodsMinor: data.tally.money.goodsMinor,
    totalMinor: data.tally.money.totalMinor,
    queuedEmails: queued,
    alreadyClosed: false,
  };
  ctx.store.set(KEYS.closed(roundId), summary);
  ctx.store.set(KEYS.closes(roundId), revision);
  return summary;
}

/** Sidebar: "Close now". */
export function closeRound(roundId: string): CloseSummary {
  return locked((ctx) => closeRoundNow(ctx, String(roundId)));
}
