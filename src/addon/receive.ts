import { ShortfallRule, SHORTFALL_RULES } from '../core/allocation';
import { unitName } from '../core/units';
import { itemName } from '../core/catalog';
import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { ParticipantChange, compareTallies } from '../core/corrections';
import { supplierOrderCsv } from '../core/csv';
import { billLines, correctionOf } from '../core/emailContent';
import { OutgoingEmail, renderEmail } from '../core/emails';
import { t } from '../core/i18n/translate';
import { outgoingEmail } from '../core/outgoing';
import { Steps, parseTypedQuantity, unitsOf } from '../core/quantity';
import { SupplierLine, supplierLines } from '../core/supplierOrder';
import { RoundTally, tallyRound } from '../core/tally';
import { queueEmails } from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { writeRoundResults, writeSupplierOrder } from '../workspace/results';
import { saveRound } from '../workspace/rounds';
import { roundSheetName } from '../workspace/sheets/schema';
import { complaintLinks } from './complaintForm';
import { ActionContext, UserError, locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { updateLedger } from './refreshLedger';
import { RoundData, factsOf, loadRound, moveRound, requireReach } from './roundData';

/** After the stop: the consolidated order goes to the supplier, then the goods arrive (less, or more). */

export interface SupplierOrder {
  csv: string;
  fileName: string;
  lines: SupplierLine[];
  totalMinor: number;
  currency: string;
  /** The round's Supplier order sheet, which holds the same order (for File ▸ Download when a download is blocked). */
  sheetName: string;
}

/**
 * The consolidated order for the supplier(s): a sheet grouped by supplier, and the same as a CSV file in
 * the coordinator's conventions (core/csv.ts: Russian ';' and a decimal comma, English ',' and a dot).
 * The round moves to "ordered".
 */
export function supplierOrder(roundId: string): SupplierOrder {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const data = loadRound(ctx, String(roundId));
    requireReach(ctx, data.record.state, 'ordered');
    const lines = supplierLines(data.tally, data.items, ctx.book.lang, data.record.rounding);
    writeSupplierOrder(ctx.book, ctx.store, data.record, lines);
    moveRound(ctx, data, 'ordered');
    updateLedger(ctx, data);
    // The sheet speaks the community's language; the file the coordinator's, names included.
    const own = ctx.lang === ctx.book.lang ? lines : supplierLines(data.tally, data.items, ctx.lang, data.record.rounding);
    return {
      csv: supplierOrderCsv(own, ctx.lang, data.record.currency),
      fileName: `${data.record.id}-${t(ctx.lang, 'ui.supplier.fileName')}.csv`,
      lines,
      totalMinor: lines.reduce((s, l) => s + l.totalMinor, 0),
      currency: data.record.currency,
      sheetName: roundSheetName(data.record.id, 'supplier', ctx.book.lang),
    };
  });
}

/** What the coordinator types on the receiving screen. */
export interface ReceiptInput {
  /** Item id → the quantity that arrived, as typed in their language; blank or missing: as bought. */
  received?: Record<string, string | number>;
  rule?: ShortfallRule;
  /** The second call, after the screen showed what will change and how many people will be emailed. */
}

export interface ReceivedItem {
  itemId: string;
  name: string;
  unit: string;
  bought: number;
  received: number;
  /** Less than bought (a shortfall) … */
  short: number;
  /** … or more: what went to extras, and the leftover stock nobody asked for. */
  toExtras: number;
  leftover: number;
}

export interface ReceiptPlan {
  roundId: string;
  rule: ShortfallRule;
  items: ReceivedItem[];
  /** People whose bill changes (their items, or only their delivery or fee share). */
  corrections: number;
  /** Of those, people whose own items are the same but whose share of delivery or fee moved. */
  shareOnly: number;
  /** People who will be emailed (a correction, "goods arrived", or both: counted once). */
  emailed: number;
  /** People who get something but have no email address: their building volunteer tells them. */
  withoutEmail: number;
  done: boolean;
  queued: number;
}

/** What arrived, item id → steps where it differs from what was bought, from quantities as typed. */
function arrivedSteps(ctx: ActionContext, round: RoundData, typed: ReceiptInput['received']): Record<string, Steps> {
  const received: Record<string, Steps> = {};
  const problems: string[] = [];
  for (const [itemId, value] of Object.entries(typed ?? {})) {
    const item = round.items.get(itemId);
    if (!item) {
      problems.push(t(ctx.lang, 'problem.unknownItem', { value: itemId }));
      continue;
    }
    if (String(value ?? '').trim() === '') continue;
    const q = parseTypedQuantity(value, ctx.lang, item.stepMilli);
    if (!q.ok)
      problems.push(
        t(ctx.lang, 'ui.labelled', {
          label: itemName(item, ctx.lang),
          value: t(ctx.lang, 'receive.notQuantity', { value: String(value) }),
        }),
      );
    else {
      const bought = round.tally.items.find((a) => a.itemId === itemId)?.boughtSteps ?? 0;
      if (q.steps !== bought) received[itemId] = q.steps;
    }
  }
  if (problems.length) throw new UserError(problems.join('\n'));
  return received;
}

function itemsOf(ctx: ActionContext, round: RoundData, after: RoundTally): ReceivedItem[] {
  return after.items
    .filter((a) => a.boughtSteps > 0 || (a.receivedSteps ?? 0) > 0)
    .map((a) => {
      const item = round.items.get(a.itemId)!;
      const u = (s: number) => unitsOf(s, item.stepMilli);
      const received = a.receivedSteps ?? a.boughtSteps;
      return {
        itemId: a.itemId,
        name: itemName(item, ctx.lang),
        unit: unitName(item, ctx.lang),
        bought: u(a.boughtSteps),
        received: u(received),
        short: u(Math.max(0, a.boughtSteps - received)),
        toExtras: u(Math.max(0, received - a.boughtSteps - a.surplusSteps)),
        leftover: u(a.surplusSteps),
      };
    });
}

/** Each recording is its own occasion: the same delivery typed twice corrects once, a different one again. */
function occasionOf(received: Record<string, Steps>, rule: ShortfallRule): string {
  const parts = Object.entries(received)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}${v}`);
  return parts.length ? `r${parts.join('')}${rule === 'proportional' ? 'p' : ''}` : 'full';
}

/** Corrections to those whose bill changed (and why), then "goods arrived" to everyone who gets something. */
function deliveryEmails(ctx: ActionContext, after: RoundData, changes: ParticipantChange[], occasion: string): OutgoingEmail[] {
  const emails: OutgoingEmail[] = [];
  const changed = new Map(changes.map((c) => [c.orderKey, c]));
  const complaintUrl = complaintLinks(ctx, after);
  for (const p of after.tally.participants) {
    const who = p.order.participant;
    const to = { orderKey: p.order.key, to: who.email ?? '', lang: who.lang };
    const facts = factsOf(ctx, after, who.pickupPoint);
    const acc = after.accounts.get(p.order.key);
    const dueMinor = Math.max(0, acc?.balanceMinor ?? p.totalMinor);
    const change = changed.get(p.order.key);
    if (change) {
      const data = correctionOf(change, after.items, who, after.record.currency, dueMinor);
      emails.push(
        outgoingEmail(
          after.record.id,
          { kind: 'correction', orderKey: p.order.key, delivery: occasion },
          to,
          renderEmail(data, facts, who.lang),
        ),
      );
    }
    if (p.totalMinor <= 0) continue;
    const arrived = renderEmail(
      {
        kind: 'arrived',
        name: who.name,
        lines: billLines(after, p.order.key, who.lang).filter((l) => (l.allocated ?? 0) > 0),
        dueMinor,
        reference: after.references.get(p.order.key),
        complaintUrl: complaintUrl(p.order.key),
      },
      facts,
      who.lang,
    );
    emails.push(outgoingEmail(after.record.id, { kind: 'arrived', orderKey: p.order.key }, to, arrived));
  }
  return emails;
}

/**
 * Records what the supplier delivered. The first call only says what will happen — per item what fell
 * short or came extra (extras first, then leftover stock), how many bills change and how many people
 * will be emailed — and asks; the second, with the question's token (src/core/confirm.ts), does it:
 * stores what arrived and the shortfall rule on the round, rewrites the result sheets, queues a
 * correction (what changed and why) to each person whose bill changed, then "goods arrived" to everyone
 * who gets something. The token is the plan's figures: an order changed in between asks again.
 */
export function recordReceipt(
  roundId: string,
  input: ReceiptInput = {},
  confirm?: string,
): ReceiptPlan | (ReceiptPlan & Confirmation) {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const before = loadRound(ctx, String(roundId));
    requireReach(ctx, before.record.state, 'arrived');
    const rule = SHORTFALL_RULES.includes(input.rule as ShortfallRule) ? (input.rule as ShortfallRule) : 'latestLoseFirst';
    const received = arrivedSteps(ctx, before, input.received);
    const tally = tallyRound(
      before.record,
      before.items,
      before.tally.participants.map((p) => p.order),
      received,
      {
        shortfallRule: rule,
      },
    );
    const changes = compareTallies(before.tally, tally);
    const receiving = new Set(tally.participants.filter((p) => p.totalMinor > 0).map((p) => p.order.key));
    const touched = tally.participants.filter(
      (p) => receiving.has(p.order.key) || changes.some((c) => c.orderKey === p.order.key),
    );
    const plan: ReceiptPlan = {
      roundId: before.record.id,
      rule,
      items: itemsOf(ctx, before, tally),
      corrections: changes.length,
      shareOnly: changes.filter((c) => !c.reasons.includes('items')).length,
      emailed: touched.filter((p) => p.order.participant.email).length,
      withoutEmail: touched.filter((p) => !p.order.participant.email).length,
      done: false,
      queued: 0,
    };
    const what = JSON.stringify([received, rule]);
    const token = confirmationToken('arrived', plan.roundId, [plan.emailed, plan.corrections, what]);
    if (confirm !== token) {
      const arriving = tally.participants.filter((p) => p.totalMinor > 0 && p.order.participant.email).length;
      const question = [t(ctx.lang, 'confirm.arrived', { count: arriving })];
      if (plan.corrections) question.push(t(ctx.lang, 'confirm.corrections', { count: plan.corrections }));
      return { ...plan, ...asks(question.join(' '), token) };
    }

    ctx.store.set(KEYS.received(before.record.id), received);
    // "Goods arrived", and the rule on the round's row, in one write (checked above: ordered or arrived already).
    saveRound(ctx.book, ctx.store, { ...before.record, shortfallRule: rule, state: 'arrived' }, ctx.now);
    const after = loadRound(ctx, before.record.id);
    writeRoundResults(ctx.book, ctx.store, after.record, after);
    // Each correction is keyed by the change it reports (from what had arrived to what has now), so typing
    // 6, then 9, then 6 again corrects three times, while the same delivery recorded twice corrects once.
    const from = occasionOf(before.received, before.record.shortfallRule ?? 'latestLoseFirst');
    const emails = deliveryEmails(ctx, after, changes, `${from}>${occasionOf(received, rule)}`);
    const queued = queueEmails(ctx.book, ctx.store, emails, ctx.now);
    updateLedger(ctx, after);
    markTabsStale(ctx);
    return { ...plan, done: true, queued };
  });
}
