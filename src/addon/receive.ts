import { itemName } from '../core/catalog';
import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { account } from '../core/ledger';
import { tallyRound } from '../core/tally';
import { billLines } from '../core/emailContent';
import { OutgoingEmail, RoundFacts, renderEmail } from '../core/emails';
import { t } from '../core/i18n/translate';
import { outgoingEmail } from '../core/outgoing';
import { Steps, parseQuantity, unitsOf } from '../core/quantity';
import { SupplierLine, supplierCsv, supplierLines } from '../core/supplierOrder';
import { ParticipantResult } from '../core/tally';
import { queueEmails } from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { writeRoundResults, writeSupplierOrder } from '../workspace/results';
import { ActionContext, UserError, locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { updateLedger } from './refreshLedger';
import { RoundData, factsOf, loadRound, moveRound, requireReach } from './roundData';

/** After the stop: the consolidated order goes to the supplier, then the goods arrive (sometimes fewer). */

export interface SupplierOrder {
  csv: string;
  fileName: string;
  lines: SupplierLine[];
  totalMinor: number;
}

/**
 * The consolidated order for the supplier(s): a sheet grouped by supplier and the same as CSV for the
 * sidebar to download. The round moves to "ordered".
 */
export function supplierOrder(roundId: string): SupplierOrder {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const data = loadRound(ctx, String(roundId));
    requireReach(ctx, data.record.state, 'ordered');
    const lines = supplierLines(data.tally, data.items, ctx.book.lang);
    writeSupplierOrder(ctx.book, ctx.store, data.record, lines);
    moveRound(ctx, data, 'ordered');
    updateLedger(ctx, data);
    return {
      csv: supplierCsv(lines, data.record.currency),
      fileName: `${data.record.id}-supplier-order.csv`,
      lines,
      totalMinor: lines.reduce((s, l) => s + l.totalMinor, 0),
    };
  });
}

export interface ReceiptSummary {
  shortfallItems: string[];
  corrections: number;
  arrivedQueued: number;
}

/** What fell short, item id → steps received, from quantities as the coordinator typed them. */
function shortfalls(ctx: ActionContext, round: RoundData, receivedUnits: Record<string, string | number>): Record<string, Steps> {
  const received: Record<string, Steps> = {};
  const problems: string[] = [];
  for (const [itemId, typed] of Object.entries(receivedUnits ?? {})) {
    const item = round.items.get(itemId);
    if (!item) {
      problems.push(t(ctx.lang, 'problem.unknownItem', { value: itemId }));
      continue;
    }
    const q = parseQuantity(typed, item.stepMilli);
    if (!q.ok) problems.push(`${itemName(item, ctx.lang)}: ${t(ctx.lang, 'receive.notQuantity', { value: String(typed) })}`);
    else {
      const bought = round.tally.items.find((a) => a.itemId === itemId)?.boughtSteps ?? 0;
      if (q.steps < bought) received[itemId] = q.steps;
    }
  }
  if (problems.length) throw new UserError(problems.join('\n'));
  return received;
}

/** "You get less than your bill said": the items whose share changed, before and after. */
function correction(after: RoundData, p: ParticipantResult, old: ParticipantResult, facts: RoundFacts) {
  const who = p.order.participant;
  const changed = Object.entries(p.items).filter(([id, v]) => v.allocatedSteps !== old.items[id]?.allocatedSteps);
  if (!changed.length) return null;
  const lines = changed.map(([id, v]) => {
    const item = after.items.get(id);
    const milli = item?.stepMilli ?? 1000;
    return {
      item: item ? itemName(item, who.lang) : id,
      unit: item?.unit ?? '',
      before: unitsOf(old.items[id].allocatedSteps, milli),
      after: unitsOf(v.allocatedSteps, milli),
    };
  });
  return renderEmail(
    { kind: 'correction', name: who.name, lines, beforeMinor: old.totalMinor, afterMinor: p.totalMinor },
    facts,
    who.lang,
  );
}

/** Corrections to those whose share changed, then "goods arrived" to everyone who gets something. */
function deliveryEmails(ctx: ActionContext, before: RoundData, after: RoundData, delivery: string): OutgoingEmail[] {
  const emails: OutgoingEmail[] = [];
  for (const p of after.tally.participants) {
    const old = before.tally.participants.find((x) => x.order.key === p.order.key);
    if (!old) continue;
    const who = p.order.participant;
    const to = { orderKey: p.order.key, to: who.email ?? '', lang: who.lang };
    const facts = factsOf(ctx, after, who.pickupPoint);
    const corrected = correction(after, p, old, facts);
    if (corrected)
      emails.push(outgoingEmail(after.record.id, { kind: 'correction', orderKey: p.order.key, delivery }, to, corrected));
    if (p.totalMinor <= 0) continue;
    const acc = after.accounts.get(p.order.key);
    const arrived = renderEmail(
      {
        kind: 'arrived',
        name: who.name,
        lines: billLines(after, p.order.key, who.lang).filter((l) => (l.allocated ?? 0) > 0),
        dueMinor: Math.max(0, acc?.balanceMinor ?? p.totalMinor),
      },
      facts,
      who.lang,
    );
    emails.push(outgoingEmail(after.record.id, { kind: 'arrived', orderKey: p.order.key }, to, arrived));
  }
  return emails;
}

/** The round as it stands once these quantities arrived: re-allocated by the core, accounts re-billed. */
function afterDelivery(before: RoundData, received: Record<string, Steps>): RoundData {
  const tally = tallyRound(
    before.record,
    before.items,
    before.orders.map((o) => o.order),
    received,
  );
  const entries = before.journal.filter((e) => e.roundId === before.record.id);
  const accounts = new Map(tally.participants.map((p) => [p.order.key, account(p.order.key, p.totalMinor, entries)]));
  return { ...before, received, tally, accounts };
}

/**
 * Records what the supplier delivered (item id → quantity in the item's unit; items not given arrived
 * in full). A shortfall re-allocates with the core (latest orders lose first), rewrites the result
 * sheets and queues a correction to each person whose share changed; then everyone gets "goods arrived".
 * Emails cannot be called back, so it asks first, saying how many people will be told.
 */
export function recordReceipt(
  roundId: string,
  receivedUnits: Record<string, string | number> = {},
  confirm?: string,
): ReceiptSummary | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const before = loadRound(ctx, String(roundId));
    requireReach(ctx, before.record.state, 'arrived');
    const received = shortfalls(ctx, before, receivedUnits);
    const after = afterDelivery(before, received);
    // Each delivery recorded is its own occasion: the same shortfall typed twice corrects once.
    const short = Object.entries(received);
    const delivery = short.length ? `r${short.map(([k, v]) => `${k}${v}`).join('')}` : 'full';
    const emails = deliveryEmails(ctx, before, after, delivery);
    const corrections = emails.filter((e) => e.kind === 'correction').length;
    const arrived = emails.length - corrections;
    const token = confirmationToken('arrived', before.record.id, [arrived, corrections, delivery]);
    if (confirm !== token) {
      const question = [t(ctx.lang, 'confirm.arrived', { count: arrived })];
      if (corrections) question.push(t(ctx.lang, 'confirm.corrections', { count: corrections }));
      return asks(question.join(' '), token);
    }
    ctx.store.set(KEYS.received(before.record.id), received);
    writeRoundResults(ctx.book, ctx.store, after.record, after);
    const queued = queueEmails(ctx.book, ctx.store, emails, ctx.now);
    moveRound(ctx, after, 'arrived');
    updateLedger(ctx, after);
    markTabsStale(ctx);
    return { shortfallItems: Object.keys(received), corrections, arrivedQueued: Math.max(0, queued - corrections) };
  });
}
