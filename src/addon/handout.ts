import { itemName } from '../core/catalog';
import { renderEmail } from '../core/emails';
import { formatNumber } from '../core/i18n/format';
import { Lang } from '../core/i18n/lang';
import { parseRole } from '../core/i18n/labels';
import { t } from '../core/i18n/translate';
import { JournalKind, RoundLedger, account, identityOf } from '../core/ledger';
import { currency, parseAmount } from '../core/money';
import { unitsOf } from '../core/quantity';
import { canTransition } from '../core/round';
import { appendJournal } from '../workspace/journal';
import { OutgoingEmail, queueEmails } from '../workspace/outbox';
import { cacheSnapshot, writeRound } from '../workspace/rounds';
import { writeResultSheet } from '../workspace/results';
import { cellText } from '../workspace/sheets/cells';
import { columnIndex, get, roundSheetName, row, span, wholeColumn } from '../workspace/sheets/schema';
import { textCell } from '../workspace/sheets/text';
import { ActionContext, UserError } from './context';
import { roundFacts, writeResults } from './close';
import { ledgerOf, updateLedger } from './ledgerSheet';
import { RoundData, loadRound } from './roundData';
import { locked } from './rounds';

/** One resident in a building's list, in the reader's language. */
export interface HandOutLine {
  orderKey: string;
  name: string;
  flat: string;
  phone: string;
  email: string;
  lang: Lang;
  items: { name: string; quantity: string }[];
  dueMinor: number;
  paidMinor: number;
  balanceMinor: number;
  pickedUp: boolean;
}

export interface HandOutBlock {
  place: string;
  lines: HandOutLine[];
}

function itemsOf(data: RoundData, orderKey: string, lang: Lang): { name: string; quantity: string }[] {
  const p = data.tally.participants.find((x) => x.order.key === orderKey);
  if (!p) return [];
  return Object.entries(p.items)
    .filter(([, v]) => v.allocatedSteps > 0)
    .map(([id, v]) => {
      const item = data.items.get(id);
      return {
        name: item ? itemName(item, lang) : id,
        quantity: `${formatNumber(unitsOf(v.allocatedSteps, item?.stepMilli ?? 1000), lang)} ${item?.unit ?? ''}`.trim(),
      };
    });
}

const byFlat = (a: HandOutLine, b: HandOutLine) =>
  a.flat.localeCompare(b.flat, undefined, { numeric: true }) || a.name.localeCompare(b.name);

/** The ladder: one block per building (or pickup point), residents sorted for packing by flat. */
export function handOutBlocks(data: RoundData): HandOutBlock[] {
  const blocks = new Map<string, HandOutLine[]>();
  for (const p of data.tally.participants) {
    if (p.totalMinor === 0 && Object.values(p.items).every((v) => v.allocatedSteps === 0)) continue;
    const who = p.order.participant;
    const place = who.building || who.pickupPoint || '—';
    const acc = data.accounts.get(p.order.key) ?? account(p.order.key, p.totalMinor, []);
    const line: HandOutLine = {
      orderKey: p.order.key,
      name: who.name,
      flat: who.flat,
      phone: who.phone,
      email: who.email ?? '',
      lang: who.lang,
      items: itemsOf(data, p.order.key, who.lang),
      dueMinor: p.totalMinor,
      paidMinor: acc.paidMinor + acc.creditInMinor,
      balanceMinor: acc.balanceMinor,
      pickedUp: acc.pickedUp,
    };
    let list = blocks.get(place);
    if (!list) blocks.set(place, (list = []));
    list.push(line);
  }
  return [...blocks.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([place, lines]) => ({ place, lines: lines.sort(byFlat) }));
}

/** Writes the round's distribution sheet (one block per building) and returns the blocks for the print view. */
export function distributionLists(roundId: string): HandOutBlock[] {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const blocks = handOutBlocks(data);
    writeDistribution(ctx, data, blocks);
    return blocks;
  });
}

function writeDistribution(ctx: ActionContext, data: RoundData, blocks: HandOutBlock[]): void {
  const code = data.record.currency;
  const rows: unknown[][] = [];
  for (const b of blocks) {
    rows.push(row('distribution', { place: b.place }));
    for (const l of b.lines) {
      rows.push(
        row(
          'distribution',
          {
            flat: l.flat,
            name: l.name,
            phone: l.phone,
            items: l.items.map((i) => `${i.name} ${i.quantity}`).join('; '),
            due: l.dueMinor,
            paid: l.paidMinor,
            pickedUp: l.pickedUp,
          },
          code,
        ),
      );
    }
  }
  writeResultSheet(ctx.book.ss, ctx.store, data.record.id, 'distribution', ctx.book.lang, data.record.currency, rows);
}

/** Emails each building volunteer the list of their building (Volunteers sheet: role volunteer + building). */
export function sendVolunteerLists(roundId: string): { queued: number; withoutVolunteer: string[] } {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const blocks = handOutBlocks(data);
    const volunteers = ctx.book
      .rows('volunteers')
      .map((r) => ({
        email: cellText(get('volunteers', r, 'email')),
        name: cellText(get('volunteers', r, 'name')),
        role: parseRole(cellText(get('volunteers', r, 'role'))),
        building: cellText(get('volunteers', r, 'building')),
      }))
      .filter((v) => v.email && v.building && v.role !== 'finance');
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
              items: l.items.map((i) => `${i.name} ${i.quantity}`).join(', '),
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
        const acc = data.accounts.get(p.order.key) ?? account(p.order.key, p.totalMinor, []);
        const ordered = Object.entries(p.items)
          .map(([id, v]) => {
            const item = data.items.get(id);
            return `${item ? itemName(item, ctx.lang) : id} ${formatNumber(unitsOf(v.orderedSteps, item?.stepMilli ?? 1000), ctx.lang)}`;
          })
          .join(', ');
        return {
          orderKey: p.order.key,
          name: who.name,
          flat: who.flat,
          phone: who.phone,
          email: who.email ?? '',
          lang: who.lang,
          building: who.building,
          pickupPoint: who.pickupPoint,
          items: itemsOf(data, p.order.key, ctx.lang),
          orderedSummary: ordered,
          enteredBy: who.enteredBy ?? '',
          dueMinor: p.totalMinor,
          paidMinor: acc.paidMinor + acc.creditInMinor,
          balanceMinor: acc.balanceMinor,
          pickedUp: acc.pickedUp,
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

/** The cells of a bill that payments and pickups change. */
const ACCOUNT = span('bills', ['credit', 'paid', 'balance', 'pickedUp']);

/** Rewrites one participant's paid/balance/picked-up cells in the Bills sheet: a search and one write. */
function refreshBill(ctx: ActionContext, data: RoundData, orderKey: string | undefined): void {
  if (!orderKey) return;
  const sheet = ctx.book.ss.getSheetByName(roundSheetName(data.record.id, 'bills', ctx.book.lang));
  const acc = data.accounts.get(orderKey);
  if (!sheet || !acc) return;
  const hit = sheet.getRange(wholeColumn('bills', 'orderKey')).createTextFinder(orderKey).matchEntireCell(true).findNext();
  if (!hit) return;
  sheet
    .getRange(hit.getRow(), ACCOUNT.column, 1, ACCOUNT.width)
    .setValues([
      ACCOUNT.cells(
        { credit: acc.creditInMinor, paid: acc.paidMinor, balance: acc.balanceMinor, pickedUp: acc.pickedUp },
        data.record.currency,
      ),
    ]);
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
    let rows = 0;
    // Orders: blank the personal columns of this round's rows, in one write.
    const orders = ctx.book.sheet('orders');
    const values = orders.getDataRange().getValues();
    const personal = ['name', 'email', 'phone', 'flat', 'comment', 'editUrl'] as const;
    let touched = false;
    values.forEach((v, r) => {
      if (r === 0 || cellText(get('orders', v, 'round')) !== data.record.id) return;
      const i = index.get(cellText(get('orders', v, 'orderKey'))) ?? 0;
      for (const col of personal) v[columnIndex('orders', col)] = col === 'name' ? textCell(label(i)) : '';
      touched = true;
      rows++;
    });
    if (touched) orders.getRange(1, 1, values.length, values[0].length).setValues(values);
    // Journal and outbox rows of the round.
    for (const key of ['journal', 'outbox'] as const) {
      const sheet = ctx.book.sheet(key);
      const all = sheet.getDataRange().getValues();
      let changed = false;
      all.forEach((v, r) => {
        if (r === 0 || cellText(v[columnIndex(key, 'round')]) !== data.record.id) return;
        if (key === 'journal') {
          v[columnIndex('journal', 'who')] = textCell(label(index.get(cellText(v[columnIndex('journal', 'orderKey')])) ?? 0));
          v[columnIndex('journal', 'identity')] = '';
        } else {
          for (const col of ['to', 'subject', 'body', 'html'] as const) v[columnIndex('outbox', col)] = '';
        }
        changed = true;
      });
      if (changed) sheet.getRange(1, 1, all.length, all[0].length).setValues(all);
    }
    // Result sheets are rebuilt from the purged data.
    const purged = loadRound(ctx, data.record.id);
    purged.record = data.record;
    writeResults(ctx, purged);
    writeDistribution(ctx, purged, handOutBlocks(purged));
    return { rows };
  });
}
