import { itemName } from '../core/catalog';
import { renderEmail } from '../core/emails';
import { formatNumber } from '../core/i18n/format';
import { HandOutBlock, HandOutLine, handOutBlocks, handOutLine, itemsText } from '../core/handOut';
import { t } from '../core/i18n/translate';
import { JournalKind, RoundLedger, account, identityOf } from '../core/ledger';
import { currency, parseAmount } from '../core/money';
import { unitsOf } from '../core/quantity';
import { canTransition } from '../core/round';
import { appendJournal } from '../workspace/journal';
import { OutgoingEmail, queueEmails } from '../workspace/outbox';
import { cacheSnapshot, writeRound } from '../workspace/rounds';
import { readVolunteers } from '../workspace/community';
import { purgeRoundRows } from '../workspace/purge';
import { refreshBillAccount, writeDistribution, writeRoundResults } from '../workspace/results';
import { ActionContext, UserError } from './context';
import { roundFacts } from './close';
import { ledgerOf, updateLedger } from './ledgerSheet';
import { RoundData, loadRound } from './roundData';
import { locked } from './rounds';

/** Writes the round's distribution sheet (one block per building) and returns the blocks for the print view. */
export function distributionLists(roundId: string): HandOutBlock[] {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const blocks = handOutBlocks(data);
    writeDistribution(ctx.book, ctx.store, data.record, blocks);
    return blocks;
  });
}

/** Emails each building volunteer the list of their building (Volunteers sheet: role volunteer + building). */
export function sendVolunteerLists(roundId: string): { queued: number; withoutVolunteer: string[] } {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const blocks = handOutBlocks(data);
    const volunteers = readVolunteers(ctx.book).filter((v) => v.email && v.building && v.role !== 'finance');
    const emails: OutgoingEmail[] = [];
    const withoutVolunteer: string[] = [];
    const lang = ctx.settings.defaultLang;
    for (const b of blocks) {
      const mine = volunteers.filter((v) => v.building === b.place);
      if (!mine.length) withoutVolunteer.push(b.place);
      for (const v of mine) {
        const r = renderEmail(
          {
            kind: 'volunteerList',
            name: v.name || v.email,
            place: b.place,
            residents: b.lines.map((l) => ({
              name: l.name,
              flat: l.flat,
              phone: l.phone,
              items: itemsText(l.items, ', '),
              dueMinor: Math.max(0, l.balanceMinor),
              paid: l.balanceMinor <= 0,
              hasEmail: !!l.email,
            })),
          },
          roundFacts(data, ctx, b.place),
          lang,
        );
        emails.push({
          key: `${data.record.id}|${v.email}|volunteerList|${b.place}|${ctx.now.toISOString().slice(0, 13)}`,
          round: data.record.id,
          orderKey: '',
          kind: 'volunteerList',
          to: v.email,
          lang,
          subject: r.subject,
          body: r.text,
          html: r.html,
        });
      }
    }
    return { queued: queueEmails(ctx.book, ctx.store, emails, ctx.now), withoutVolunteer };
  });
}

export interface ParticipantRow extends HandOutLine {
  building: string;
  pickupPoint: string;
  orderedSummary: string;
  enteredBy: string;
}

export interface ParticipantsScreen {
  roundId: string;
  state: string;
  currency: string;
  participants: ParticipantRow[];
  buildings: string[];
  pickupPoints: string[];
  ledger: RoundLedger;
}

/** Sidebar's Participants screen: everything in one call. */
export function participantsScreen(roundId: string): ParticipantsScreen {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const participants: ParticipantRow[] = data.tally.participants
      .map((p) => {
        const who = p.order.participant;
        const ordered = Object.entries(p.items)
          .map(([id, v]) => {
            const item = data.items.get(id);
            return `${item ? itemName(item, ctx.lang) : id} ${formatNumber(unitsOf(v.orderedSteps, item?.stepMilli ?? 1000), ctx.lang)}`;
          })
          .join(', ');
        return {
          ...handOutLine(data, p, ctx.lang),
          building: who.building,
          pickupPoint: who.pickupPoint,
          orderedSummary: ordered,
          enteredBy: who.enteredBy ?? '',
        };
      })
      .sort(
        (a, b) =>
          a.building.localeCompare(b.building, undefined, { numeric: true }) ||
          a.flat.localeCompare(b.flat, undefined, { numeric: true }),
      );
    return {
      roundId: data.record.id,
      state: data.record.state,
      currency: data.record.currency,
      participants,
      buildings: [...new Set(participants.map((p) => p.building).filter(Boolean))],
      pickupPoints: [...new Set(participants.map((p) => p.pickupPoint).filter(Boolean))],
      ledger: ledgerOf(data),
    };
  });
}

export interface JournalInput {
  roundId: string;
  orderKey?: string;
  amount?: string | number;
  method?: string;
  note?: string;
  requestId: string;
}

/** Appends to the journal once per request id; then refreshes the Bills sheet and the Ledger. */
function journalAction(
  input: JournalInput,
  kind: JournalKind,
  needsOrder: boolean,
  needsAmount: boolean,
): { balanceMinor: number; ledger: RoundLedger } {
  return locked((ctx) => {
    const data = loadRound(ctx, String(input.roundId));
    const requestId = String(input.requestId ?? '');
    if (!requestId) throw new UserError(t(ctx.lang, 'error.generic', { detail: 'requestId' }));
    const already = data.journal.some((e) => e.requestId === requestId);
    const p = input.orderKey ? data.tally.participants.find((x) => x.order.key === input.orderKey) : undefined;
    if (needsOrder && !p) throw new UserError(t(ctx.lang, 'offline.notFound'));
    let amountMinor = 0;
    if (needsAmount) {
      const parsed = parseAmount(input.amount, currency(data.record.currency)?.exponent ?? 2);
      if (parsed === undefined || parsed <= 0)
        throw new UserError(t(ctx.lang, 'payment.amountInvalid', { value: String(input.amount ?? '') }));
      amountMinor = parsed;
    }
    if (!already) {
      const entry = {
        at: ctx.now.getTime(),
        roundId: data.record.id,
        orderKey: p?.order.key ?? '',
        identity: p ? identityOf(p.order.participant) : '',
        kind,
        amountMinor,
        method: String(input.method ?? ''),
        recordedBy: ctx.me,
        note: String(input.note ?? ''),
        requestId,
        who: p?.order.participant.name ?? '',
      };
      appendJournal(ctx.book, [entry], data.record.currency);
      data.journal.push(entry);
      if (p)
        data.accounts.set(
          p.order.key,
          account(
            p.order.key,
            p.totalMinor,
            data.journal.filter((e) => e.roundId === data.record.id),
          ),
        );
      refreshBill(ctx, data, p?.order.key);
    }
    const acc = p ? data.accounts.get(p.order.key) : undefined;
    return { balanceMinor: acc?.balanceMinor ?? 0, ledger: updateLedger(ctx, data) };
  });
}

/** Rewrites one participant's paid/balance/picked-up cells in the Bills sheet. */
function refreshBill(ctx: ActionContext, data: RoundData, orderKey: string | undefined): void {
  const acc = orderKey ? data.accounts.get(orderKey) : undefined;
  if (acc) refreshBillAccount(ctx.book, data.record, acc);
}

export function recordPayment(input: JournalInput) {
  return journalAction(input, 'payment', true, true);
}

export function recordRefund(input: JournalInput) {
  return journalAction(input, 'refund', true, true);
}

export function setPickedUp(input: JournalInput & { pickedUp: boolean }) {
  return journalAction(input, input.pickedUp === false ? 'unpickup' : 'pickup', true, false);
}

/** The finance volunteer records money paid to the supplier. */
export function recordSupplierPayment(input: JournalInput) {
  return journalAction(input, 'supplierPayment', false, true);
}

/** Settles a round: overpayments become credit that follows each person to their next round. */
export function settleRound(roundId: string): RoundLedger {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    if (data.record.state !== 'settled') {
      for (const step of ['distributed', 'settled'] as const) {
        if (data.record.state === step) continue;
        if (!canTransition(data.record.state, step))
          throw new UserError(
            t(ctx.lang, 'round.illegalTransition', {
              from: t(ctx.lang, `state.${data.record.state}`),
              to: t(ctx.lang, `state.${step}`),
            }),
          );
        data.record = { ...data.record, state: step };
      }
      const entries = [];
      for (const p of data.tally.participants) {
        const acc = data.accounts.get(p.order.key);
        if (acc && acc.balanceMinor < 0) {
          entries.push({
            at: ctx.now.getTime(),
            roundId: data.record.id,
            orderKey: p.order.key,
            identity: identityOf(p.order.participant),
            kind: 'creditEarned' as const,
            amountMinor: -acc.balanceMinor,
            method: '',
            recordedBy: ctx.me,
            note: '',
            requestId: `settle:${data.record.id}:${p.order.key}`,
            who: p.order.participant.name,
          });
        }
      }
      if (entries.length) appendJournal(ctx.book, entries, data.record.currency);
      data.journal.push(...entries);
      writeRound(ctx.book, data.record, ctx.now);
      cacheSnapshot(ctx.store, { ...data.snapshot, round: { ...data.snapshot.round, state: 'settled' } });
    }
    return updateLedger(ctx, data);
  });
}

/**
 * Removes names, emails, phones and flats of a settled round from every sheet that holds them, keeping
 * the money and quantities (and so the ledger) intact.
 */
export function purgePersonalData(roundId: string): { rows: number } {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    if (data.record.state !== 'settled') throw new UserError(t(ctx.lang, 'purge.notSettled'));
    const label = (i: number) => t(ctx.lang, 'purge.participant', { n: i + 1 });
    const index = new Map(data.tally.participants.map((p, i) => [p.order.key, i]));
    const rows = purgeRoundRows(ctx.book, data.record.id, (orderKey) => label(index.get(orderKey) ?? 0));
    // Result sheets are rebuilt from the purged data.
    const purged = loadRound(ctx, data.record.id);
    purged.record = data.record;
    writeRoundResults(ctx.book, ctx.store, purged.record, purged);
    writeDistribution(ctx.book, ctx.store, purged.record, handOutBlocks(purged));
    return { rows };
  });
}
