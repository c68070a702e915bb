import { CatalogItem, itemName } from '../core/catalog';
import {
  ComplaintDecision,
  NOTE_LIMIT,
  complaintItemName,
  complaintSteps,
  complaintValue,
  decisionEntries,
  decisionLabel,
  isDecision,
  repeatedComplaints,
  replacementsOwed,
} from '../core/complaints';
import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { renderEmail } from '../core/emails';
import { formatMoney, formatNumber } from '../core/i18n/format';
import { t } from '../core/i18n/translate';
import { outgoingEmail } from '../core/outgoing';
import { Steps, unitsOf } from '../core/quantity';
import { isTallied } from '../core/round';
import { ParticipantResult } from '../core/tally';
import { quantityText } from '../core/units';
import { StoredComplaint, appendComplaint, readComplaints, writeDecision } from '../workspace/complaints';
import { readCatalog } from '../workspace/community';
import { appendJournal } from '../workspace/journal';
import { logEntry } from '../workspace/log';
import { queueEmails } from '../workspace/outbox';
import { ActionContext, UserError, fail, locked, requireAccess } from './action';
import { placeOf } from './buildingTabs';
import { journalEntryFor, refreshAccount } from './payments';
import { updateLedger } from './refreshLedger';
import { RoundData, factsOf, loadRound } from './roundData';

/**
 * Complaints about quality, from the sidebar: a volunteer (for their building) or a coordinator enters
 * what a resident reports; the coordinator or the treasurer decides. Deciding needs manageMoney: every
 * decision spends the community's money (credit, a refund, a replacement bought next round) or refuses
 * it, so it belongs to the people who answer for the cash box.
 */

export interface ComplaintView {
  id: string;
  roundId: string;
  name: string;
  item: string;
  quantity: string;
  note: string;
  decision: ComplaintDecision | null;
  decisionText: string;
  amount: string;
  reason: string;
}

export interface ComplaintsScreen {
  roundId: string;
  /** Whether this caller may decide (the buttons are shown only then; the server checks again). */
  canDecide: boolean;
  /** Who may be complained for: the round's participants this caller covers, with what they got. */
  people: { orderKey: string; name: string; place: string; items: { id: string; name: string; unit: string; got: number }[] }[];
  complaints: ComplaintView[];
}

/** What a complaint's quantity reads like for this reader ("2 дес.", "1.5 公斤"). */
function quantityOf(data: RoundData, itemId: string, quantity: number, lang: ActionContext['lang']): string {
  const unit = data.items.get(itemId)?.unit ?? '';
  return quantityText(quantity, formatNumber(quantity, lang), unit, lang);
}

function viewOf(ctx: ActionContext, data: RoundData, c: StoredComplaint): ComplaintView {
  return {
    id: c.id,
    roundId: c.roundId,
    name: c.name,
    item: complaintItemName(c.itemId, data.items, ctx.lang),
    quantity: quantityOf(data, c.itemId, c.quantity, ctx.lang),
    note: c.note,
    decision: c.decision,
    decisionText: decisionLabel(c.decision, ctx.lang),
    amount: c.amountMinor ? formatMoney(c.amountMinor, data.record.currency, ctx.lang) : '',
    reason: c.reason,
  };
}

/** May this caller act for this participant (a building volunteer: their building only)? */
function covers(ctx: ActionContext, p: ParticipantResult): boolean {
  try {
    requireAccess(ctx, 'handOut', placeOf(p));
    return true;
  } catch {
    return false;
  }
}

/** The round's complaints and its participants, as far as this caller covers them. */
export function complaintsScreen(roundId: string): ComplaintsScreen {
  return locked((ctx) => {
    requireAccess(ctx, 'handOut');
    const data = loadRound(ctx, String(roundId));
    const mine = data.tally.participants.filter((p) => covers(ctx, p));
    const keys = new Set(mine.map((p) => p.order.key));
    const people = mine.map((p) => ({
      orderKey: p.order.key,
      name: p.order.participant.name,
      place: placeOf(p),
      items: Object.entries(p.items)
        .filter(([, q]) => q.allocatedSteps > 0)
        .map(([id, q]) => {
          const item = data.items.get(id)!;
          return { id, name: itemName(item, ctx.lang), unit: item.unit, got: unitsOf(q.allocatedSteps, item.stepMilli) };
        }),
    }));
    const complaints = readComplaints(ctx.book, data.record.currency)
      .filter((c) => c.roundId === data.record.id && keys.has(c.orderKey))
      .map((c) => viewOf(ctx, data, c));
    let canDecide = true;
    try {
      requireAccess(ctx, 'manageMoney');
    } catch {
      canDecide = false;
    }
    return { roundId: data.record.id, canDecide, people: people.filter((p) => p.items.length), complaints };
  });
}

export interface ComplaintInput {
  roundId: string;
  orderKey: string;
  itemId: string;
  quantity: string | number;
  note?: string;
  /** Set by the client once per click: a double click records one complaint. */
  requestId: string;
}

/**
 * Records a complaint a resident made (by phone, at the door, in the chat): who, which item, how many, a
 * short note. Only after the round is billed, only for what the person got, only in the volunteer's
 * own building.
 */
export function recordComplaint(input: ComplaintInput): ComplaintView {
  return locked((ctx) => {
    requireAccess(ctx, 'handOut');
    const data = loadRound(ctx, String(input.roundId));
    if (!isTallied(data.record.state)) fail(ctx.lang, 'complaint.roundNotClosed');
    // A community set up before complaints existed gets the sheet at a coordinator's next visit (locked()).
    if (!ctx.book.find('complaints')) fail(ctx.lang, 'complaint.sheetMissing');
    const p = data.tally.participants.find((x) => x.order.key === String(input.orderKey ?? ''));
    if (!p) return fail(ctx.lang, 'complaint.personMissing');
    requireAccess(ctx, 'handOut', placeOf(p));
    const all = readComplaints(ctx.book, data.record.currency);
    const requestId = String(input.requestId ?? '');
    const earlier = requestId ? all.find((c) => c.requestId === requestId) : undefined;
    if (earlier) return viewOf(ctx, data, earlier);
    const checked = checkComplaint(data, p, String(input.itemId ?? ''), input.quantity, ctx.lang);
    // The problem is already a sentence in the caller's language ("Количество «3»: укажите число…").
    if (!checked.ok) throw new UserError(checked.problem);
    const complaint = addComplaint(ctx, data, all, { ...checked, note: input.note, enteredBy: ctx.me, requestId });
    return viewOf(ctx, data, complaint);
  });
}

/** What a complaint is about once checked against the round, or why it cannot be taken (in `lang`). */
export type CheckedComplaint =
  { ok: true; p: ParticipantResult; item: CatalogItem; steps: Steps } | { ok: false; problem: string };

/** The item must be one the person got, the quantity more than nothing and no more than they got. */
export function checkComplaint(
  data: RoundData,
  p: ParticipantResult,
  itemId: string,
  quantity: unknown,
  lang: ActionContext['lang'],
): CheckedComplaint {
  const item = data.items.get(itemId);
  const got = item ? (p.items[item.id]?.allocatedSteps ?? 0) : 0;
  if (!item || got <= 0)
    return {
      ok: false,
      problem: t(lang, 'complaint.notReceived', { name: p.order.participant.name, item: item ? itemName(item, lang) : itemId }),
    };
  const steps = complaintSteps(quantity, item, got, lang);
  return steps.ok ? { ok: true, p, item, steps: steps.steps } : { ok: false, problem: steps.message };
}

/**
 * Appends a checked complaint to the Complaints sheet (one call) under the next free id; the sidebar's
 * entry and the resident's own form both come through here. `all` is the sheet as read under the lock.
 */
export function addComplaint(
  ctx: ActionContext,
  data: RoundData,
  all: readonly StoredComplaint[],
  c: { p: ParticipantResult; item: CatalogItem; steps: Steps; note: unknown; enteredBy: string; requestId: string },
): StoredComplaint {
  const complaint: Omit<StoredComplaint, 'sheetRow'> = {
    id: `C${all.length + 1}`,
    at: ctx.now.getTime(),
    roundId: data.record.id,
    orderKey: c.p.order.key,
    name: c.p.order.participant.name,
    itemId: c.item.id,
    quantity: unitsOf(c.steps, c.item.stepMilli),
    note: String(c.note ?? '')
      .trim()
      .slice(0, NOTE_LIMIT),
    enteredBy: c.enteredBy,
    decision: null,
    amountMinor: 0,
    reason: '',
    decidedBy: '',
    requestId: c.requestId,
  };
  while (all.some((x) => x.id === complaint.id)) complaint.id = `C${Number(complaint.id.slice(1)) + 1}`;
  appendComplaint(ctx.book, { ...complaint, itemName: itemName(c.item, ctx.book.lang) }, data.record.currency);
  return { ...complaint, sheetRow: 0 };
}

export interface DecisionInput {
  complaintId: string;
  decision: ComplaintDecision;
  /** Why a complaint is rejected: the resident reads it. */
  reason?: string;
}

/**
 * Decides a complaint. It asks first, with the consequence in figures ("Анна, Яйца: зачёт, 220,00 ₽?"),
 * and with the answer's token writes the Journal lines (core/complaints.ts decisionEntries), the
 * decision into the Complaints sheet, the person's bill and the Ledger, and queues the resident's email.
 */
export function decideComplaint(input: DecisionInput, confirm?: string): ComplaintView | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, 'manageMoney');
    const decision = input.decision;
    if (!isDecision(decision)) fail(ctx.lang, 'complaint.decisionInvalid');
    const reason = String(input.reason ?? '').trim();
    if (decision === 'reject' && !reason) fail(ctx.lang, 'complaint.reasonMissing');
    const found = ctx.book.find('complaints') ? findComplaint(ctx, String(input.complaintId)) : null;
    if (!found) return fail(ctx.lang, 'complaint.notFound');
    const data = loadRound(ctx, found.roundId);
    const c = readComplaints(ctx.book, data.record.currency).find((x) => x.id === found.id)!;
    const p = data.tally.participants.find((x) => x.order.key === c.orderKey);
    const item = data.items.get(c.itemId);
    if (c.decision)
      fail(ctx.lang, 'complaint.decided', {
        name: c.name,
        item: complaintItemName(c.itemId, data.items, ctx.lang),
        decision: decisionLabel(c.decision, ctx.lang),
      });
    if (!p || !item) return fail(ctx.lang, 'complaint.notFound');
    const steps = Math.round((c.quantity * 1000) / item.stepMilli);
    const amountMinor = decision === 'credit' || decision === 'refund' ? complaintValue(item, steps) : 0;
    const token = confirmationToken('complaint', data.record.id, [c.id, decision, amountMinor]);
    if (confirm !== token) {
      const facts = { name: c.name, item: itemName(item, ctx.lang), decision: decisionLabel(decision, ctx.lang) };
      const amount = formatMoney(amountMinor, data.record.currency, ctx.lang);
      return asks(t(ctx.lang, amountMinor ? 'confirm.complaintMoney' : 'confirm.complaint', { ...facts, amount }), token);
    }
    const entries = decisionEntries(c, decision, amountMinor)
      .filter((e) => !data.journal.some((j) => j.requestId === e.requestId))
      .map((e) => journalEntryFor(ctx, data, p, { ...e, note: `${c.id}: ${c.note}`.slice(0, NOTE_LIMIT) }));
    if (entries.length) {
      appendJournal(ctx.book, entries, data.record.currency);
      data.journal.push(...entries);
      refreshAccount(ctx, data, p);
      updateLedger(ctx, data);
    }
    const decided: StoredComplaint = { ...c, decision, amountMinor, reason, decidedBy: ctx.me };
    writeDecision(ctx.book, decided, data.record.currency);
    queueDecisionEmail(ctx, data, p, decided);
    const problem = `${c.id} · ${c.name} · ${itemName(item, ctx.lang)}: ${decisionLabel(decision, ctx.lang)}`;
    logEntry(ctx.book, { round: data.record.id, source: 'sidebar', who: ctx.me, severity: 'info', problem }, ctx.now);
    return viewOf(ctx, data, decided);
  });
}

function findComplaint(ctx: ActionContext, id: string): StoredComplaint | null {
  // The round's currency is not known before the complaint is found: amounts are not needed here.
  return readComplaints(ctx.book, ctx.settings.currency).find((c) => c.id === id) ?? null;
}

/** The decision, emailed to the resident in their language (or a NO_EMAIL row for their volunteer). */
function queueDecisionEmail(ctx: ActionContext, data: RoundData, p: ParticipantResult, c: StoredComplaint): void {
  const who = p.order.participant;
  const item = data.items.get(c.itemId)!;
  const rendered = renderEmail(
    {
      kind: 'complaint',
      name: who.name,
      item: itemName(item, who.lang),
      decision: c.decision!,
      amountMinor: c.amountMinor,
      quantity: c.quantity,
      unit: item.unit,
      reason: c.reason,
    },
    factsOf(ctx, data, who.pickupPoint),
    who.lang,
  );
  queueEmails(
    ctx.book,
    ctx.store,
    [
      outgoingEmail(
        data.record.id,
        { kind: 'complaint', orderKey: p.order.key, complaint: c.id },
        { orderKey: p.order.key, to: who.email ?? '', lang: who.lang },
        rendered,
      ),
    ],
    ctx.now,
  );
}

/**
 * What to keep an eye on when repeating a round with these items: items complained about more than
 * once, and replacements owed to residents by decided complaints of the round being repeated.
 */
export function complaintNotes(ctx: ActionContext, itemIds: readonly string[], fromRoundId?: string): string[] {
  const complaints = readComplaints(ctx.book, ctx.settings.currency);
  if (!complaints.length) return [];
  const items = readCatalog(ctx.book, ctx.settings, ctx.lang).items;
  const repeated = repeatedComplaints(complaints, itemIds).map((r) =>
    t(ctx.lang, 'roundLike.complaints', { item: complaintItemName(r.itemId, items, ctx.lang), count: r.count }),
  );
  const owed = replacementsOwed(complaints.filter((c) => !fromRoundId || c.roundId === fromRoundId)).map((c) => {
    const unit = items.get(c.itemId)?.unit ?? '';
    const quantity = quantityText(c.quantity, formatNumber(c.quantity, ctx.lang), unit, ctx.lang);
    return t(ctx.lang, 'roundLike.replacement', { name: c.name, item: complaintItemName(c.itemId, items, ctx.lang), quantity });
  });
  return [...repeated, ...owed];
}
