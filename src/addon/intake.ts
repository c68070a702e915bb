import { t } from '../core/i18n/translate';
import { RawOrderInput } from '../core/validation';
import { SUBMIT_LOCK_WAIT_MS, withDocumentLock } from '../workspace/lock';
import { StoredOrder, findOrder, readRoundOrders } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import {
  ResponseAt,
  ResponseSource,
  parkedResponse,
  responseRows,
  rowEmail,
  rowTimestamp,
  submittedResponse,
} from '../workspace/responses';
import { answersByColumn, answersById, findResponse, orderAnswers } from '../workspace/roundForm';
import { roundSnapshots, snapshotForSheet, snapshotOf } from '../workspace/rounds';
import { queueEmails } from '../workspace/outbox';
import { OutgoingEmail } from '../core/emails';
import { Book } from '../workspace/sheets/book';
import { effectiveUserEmail } from '../workspace/session';
import { isCellLimit } from '../workspace/sheets/setup';
import { isCommunityTrigger, retireTrigger } from '../workspace/triggers';
import { lightTriggerContext } from './action';
import { recordFormComplaint } from './complaintForm';
import { catchUp } from './dueWork';
import { authorizedToRun } from './reauthorize';
import { receiptEmail, sendReceipt, withdrawnEmail } from './receipt';
import { OpenRound, openRoundOf, recountRoundSoFar } from './roundData';
import { checkOrder, logOrderProblems, saveOrder } from './saveOrder';
import { BATCH_MS, drainFor, senderName } from './sendEmails';
import { notePlannedOrder, syncTickPlan } from './tickPlan';
import { PlannedRecipient } from '../workspace/tickPlan';

/** After a late submission closed a round, this much of the run sends its bills; the rest go later. */
const BILLS_AFTER_CLOSE_MS = Math.min(60_000, BATCH_MS);

/**
 * The spreadsheet form-submit trigger, shared by every round's form. Blank events are ignored, and so is
 * an event fired by any trigger but the community's own (two coordinators' triggers never both record).
 * When the lock cannot be had in time, or the owner must authorize the add-on again first, the event is
 * parked in document properties and recorded later, so nothing is lost. A submission is also an execution
 * that has the file: it does what fell due (dueWork.ts), so a late one closes its round.
 */
export function onFormSubmit_(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const submitted = submittedResponse(e);
  if (!submitted) return;
  const { at, source } = submitted;
  const park = () => DocumentStore.open().set(KEYS.pending(at), new Date().toISOString());
  if (!authorizedToRun()) return park();
  const uid = (e as { triggerUid?: string }).triggerUid;
  const done = withDocumentLock(SUBMIT_LOCK_WAIT_MS, () => {
    const store = DocumentStore.open();
    if (!isCommunityTrigger(store, 'onFormSubmit_', uid)) return 'notOurs';
    // Written ahead: killed before the order is recorded, the next execution records it (drainPendingSubmissions).
    store.set(KEYS.pending(at), new Date().toISOString());
    const outcome = recordOrPark(store, at, source);
    if (outcome !== 'parked') store.delete(KEYS.pending(at));
    const ctx = lightTriggerContext(store, Book.open(store), effectiveUserEmail());
    const closed = catchUp(ctx);
    if (typeof outcome === 'object') notePlannedOrder(ctx, outcome.roundId, outcome.who);
    syncTickPlan(ctx);
    return closed.length ? { replyTo: ctx.settings.replyTo, sender: senderName(ctx) } : 'done';
  });
  if (!done.ok) return done.reason === 'busy' ? park() : undefined;
  if (done.value === 'notOurs') return retireTrigger(uid);
  // The submission that found the stop passed sends the bills it queued, for a minute; the rest go later.
  if (done.value !== 'done') drainFor(BILLS_AFTER_CLOSE_MS, done.value.replyTo, done.value.sender);
}

/** Records parked submissions; called by every execution with the file under the lock. Returns how many were recorded. */
export function drainPendingSubmissions(store: DocumentStore, book: Book): number {
  let n = 0;
  for (const parked of store.list(KEYS.pending)) {
    const source = parkedResponse(book, parked);
    // The caller's own store: what this records (next rows, spans) is what its later steps see.
    if (source && recordOrPark(store, parked, source) === 'parked') break;
    if (source) n++;
    store.delete(KEYS.pending(parked));
  }
  return n;
}

/**
 * Receipts a submission killed after saving its order (and before its receipt went out) still owes:
 * queued now, each once — the Outbox keys a receipt by order and revision, so one already sent or queued
 * (or left SENDING by a kill mid-send: the Emails screen asks about those) is not queued again. An order
 * that was never saved owes nothing here: its response is recorded again, receipt and all.
 */
export function queueOwedReceipts(store: DocumentStore, book: Book): number {
  const owed = store.list(KEYS.receiptOwed);
  if (!owed.length) return 0;
  const settings = store.get(KEYS.mailSettings) ?? { paymentInstructions: '', replyTo: '' };
  const emails: OutgoingEmail[] = [];
  const rounds = new Map<string, { round: OpenRound; orders: Map<string, StoredOrder> } | null>();
  // The round's orders, read once: its running totals may have missed the killed order too (roundData.ts).
  const roundOf = (roundId: string) => {
    if (rounds.has(roundId)) return rounds.get(roundId) ?? null;
    const snapshot = snapshotOf(store, roundId);
    const round = snapshot && openRoundOf(book, store, snapshot);
    const orders = round ? readRoundOrders(book, roundId, round.items, store) : [];
    if (snapshot)
      recountRoundSoFar(
        store,
        snapshot,
        orders.map((o) => o.order),
      );
    const found = round ? { round, orders: new Map(orders.map((o) => [o.order.key, o])) } : null;
    rounds.set(roundId, found);
    return found;
  };
  for (const orderKey of owed) {
    const marker = store.get(KEYS.receiptOwed(orderKey));
    const r = roundOf(orderKey.split(':')[1] ?? '');
    const saved = r?.orders.get(orderKey);
    const round = r?.round;
    if (round && marker && saved)
      emails.push(
        marker.withdrawn
          ? withdrawnEmail(round, saved.order, saved.editUrl, settings)
          : receiptEmail(round, saved.order, saved.editUrl, settings, marker.problems),
      );
  }
  const queued = queueEmails(
    book,
    store,
    emails.filter((e) => e.to),
    new Date(),
  );
  store.deleteAll(owed.map((k) => KEYS.receiptOwed(k)));
  return queued;
}

/**
 * Records a response, or parks it when the spreadsheet is at Google's 10 million cells: the response
 * stays in its response sheet and in the form, waits in document properties, and Check set-up says why.
 */
function recordOrPark(store: DocumentStore, at: ResponseAt, source: ResponseSource): RecordOutcome | 'parked' {
  try {
    const handled = handledThrough(store, at.sheetId);
    const outcome = recordResponse(store, at, source);
    if (handled === at.row - 1) store.set(KEYS.handledRow(at.sheetId), at.row);
    return outcome;
  } catch (err) {
    if (!isCellLimit(err)) throw err;
    store.set(KEYS.pending(at), new Date().toISOString());
    const error = typeof (err as Error)?.message === 'string' ? (err as Error).message : String(err);
    store.set(KEYS.triggerProblem, { at: new Date().toISOString(), handler: 'onFormSubmit_', user: effectiveUserEmail(), error });
    return 'parked';
  }
}

/** The response rows of a sheet handled without a gap (before this mark existed: the rows seen). */
function handledThrough(store: DocumentStore, sheetId: number): number {
  return store.get(KEYS.handledRow(sheetId)) ?? Math.max(1, store.get(KEYS.seenRow(sheetId)) ?? 1);
}

/**
 * A form-submit trigger killed before it recorded its response — by the 6-minute limit or a failing
 * service, at any call, even the first (https://developers.google.com/apps-script/guides/services/quotas#current_limitations) —
 * is not fired again: the response waits in its response sheet. The hourly tick looks at each open
 * round's rows past the last handled without a gap and records those whose order is missing, once: one
 * getLastRow per open round when nothing was missed.
 */
export function recordMissedResponses(store: DocumentStore, book: Book): number {
  let n = 0;
  for (const snapshot of roundSnapshots(store)) {
    const sheetId = snapshot.responseSheetId;
    if (snapshot.round.state !== 'open' || sheetId === null) continue;
    const from = handledThrough(store, sheetId);
    const sheet = responseRows(book, sheetId);
    const last = sheet?.last ?? 0;
    if (!sheet || last <= from) continue;
    const items = new Map(snapshot.items.map((i) => [i.id, i]));
    const recorded = new Set(readRoundOrders(book, snapshot.round.id, items, store).map((o) => o.order.key));
    for (let row = from + 1; row <= last; row++) {
      if (recorded.has(`form:${snapshot.round.id}:${row}`)) continue;
      if (recordOrPark(store, { sheetId, row }, sheet.source(row)) === 'parked') return n;
      n++;
    }
    store.set(KEYS.handledRow(sheetId), last);
  }
  return n + recordMissedComplaints(store, book);
}

/** The complaint form's rows past the last handled, the same way: each recorded (or refused) once. */
function recordMissedComplaints(store: DocumentStore, book: Book): number {
  const sheetId = store.get(KEYS.complaintForm)?.sheetId;
  if (sheetId === undefined) return 0;
  const from = handledThrough(store, sheetId);
  const sheet = responseRows(book, sheetId);
  if (!sheet || sheet.last <= from) return 0;
  for (let row = from + 1; row <= sheet.last; row++)
    if (recordOrPark(store, { sheetId, row }, sheet.source(row)) === 'parked') return row - from - 1;
  store.set(KEYS.handledRow(sheetId), sheet.last);
  return sheet.last - from;
}

/** A recorded order, as the tick's plan needs it (its reminders must not say "you have not ordered"). */
interface Recorded {
  roundId: string;
  who: PlannedRecipient;
}

type RecordOutcome = Recorded | 'duplicate' | 'stale' | 'rejected' | 'unknownForm' | 'notAnOrder' | 'complaint';

/**
 * Turns one response row into the order it stands for: validated, deduplicated, written in one go. The
 * answers come from the form's own FormResponse, by item id; when the form cannot be read (its owner has
 * not shared it with the trigger's account), from the row, by column.
 */
function recordResponse(store: DocumentStore, { sheetId, row }: ResponseAt, source: ResponseSource): RecordOutcome {
  // The complaint form shares this trigger; its responses are told apart by their response sheet.
  if (store.get(KEYS.complaintForm)?.sheetId === sheetId) {
    recordFormComplaint(store, { sheetId, row }, source);
    return 'complaint';
  }
  const snapshot = snapshotForSheet(store, sheetId);
  if (!snapshot || !snapshot.questions) return 'unknownForm';
  const round = openRoundOf(Book.open(store), store, snapshot);
  const values = source.row();
  const timestamp = rowTimestamp(values) ?? new Date();
  const fromForm = findResponse(snapshot.formId, timestamp, rowEmail(values));
  const answer = fromForm ? answersById(fromForm.byItem) : answersByColumn(source.header(), values);
  const responseAt = timestamp.toISOString();
  const orderKey = `form:${snapshot.round.id}:${row}`;

  // A row past the highest one recorded is a new response: there is nothing to find.
  const seen = store.get(KEYS.seenRow(sheetId)) ?? 0;
  const previous = row > seen ? null : findOrder(round.book, orderKey, round.items);
  if (previous && previous.responseAt === responseAt) return 'duplicate';
  if (previous && previous.responseAt > responseAt) return 'stale';
  if (row > seen) store.set(KEYS.seenRow(sheetId), row);

  const raw: RawOrderInput = {
    ...orderAnswers(answer, snapshot.questions, snapshot),
    email: rowEmail(values),
    submittedAt: timestamp.getTime(),
  };
  const checked = checkOrder(raw, round);
  if (!checked.accepted) {
    logOrderProblems(round, orderKey, raw, checked.problems);
    return 'rejected';
  }
  // A blank response is not an order: no receipt. An edit to blank withdraws the order, with a short note.
  if (checked.outcome === 'notAnOrder' && !previous?.order.lines.length) return 'notAnOrder';
  const editUrl = fromForm?.editUrl ?? previous?.editUrl ?? '';
  const submittedAt = timestamp.getTime();
  const withdrawn = checked.outcome === 'notAnOrder';
  store.set(KEYS.receiptOwed(orderKey), { withdrawn, problems: checked.problems });
  const order = saveOrder({ round, previous, orderKey, source: 'form', checked, submittedAt, responseAt, editUrl });
  if (checked.problems.length && checked.outcome !== 'notAnOrder') logOrderProblems(round, orderKey, raw, checked.problems);
  // The few settings a receipt needs, cached with the round so intake reads no Settings sheet.
  const settings = store.get(KEYS.mailSettings) ?? { paymentInstructions: '', replyTo: '' };
  const email = withdrawn
    ? withdrawnEmail(round, order, editUrl, settings)
    : receiptEmail(round, order, editUrl, settings, checked.problems);
  sendReceipt(round, email, settings.replyTo, t(snapshot.defaultLang, 'app.name'));
  store.delete(KEYS.receiptOwed(orderKey));
  const who = order.participant;
  const recipient = { email: (who.email ?? '').toLowerCase(), name: who.name, lang: who.lang, orderKey, link: editUrl };
  return { roundId: snapshot.round.id, who: { ...recipient, hasOrdered: order.lines.length > 0 } };
}
