import { t } from '../core/i18n/translate';
import { RawOrderInput } from '../core/validation';
import { SUBMIT_LOCK_WAIT_MS, withDocumentLock } from '../workspace/lock';
import { findOrder } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { ResponseAt, ResponseSource, parkedResponse, rowEmail, rowTimestamp, submittedResponse } from '../workspace/responses';
import { answersByColumn, answersById, findResponse, orderAnswers } from '../workspace/roundForm';
import { snapshotForSheet } from '../workspace/rounds';
import { Book } from '../workspace/sheets/book';
import { receiptEmail, sendReceipt } from './receipt';
import { openRoundOf } from './roundData';
import { checkOrder, logOrderProblems, saveOrder } from './saveOrder';

/**
 * The spreadsheet form-submit trigger, shared by every round's form. Blank events are ignored; when
 * the lock cannot be had in time the event is parked in document properties and the hourly tick
 * records it later, so nothing is lost.
 */
export function onFormSubmit_(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const submitted = submittedResponse(e);
  if (!submitted) return;
  const { at, source } = submitted;
  const done = withDocumentLock(SUBMIT_LOCK_WAIT_MS, () => recordResponse(DocumentStore.open(), at, source));
  if (!done.ok && done.reason === 'busy') DocumentStore.open().set(KEYS.pending(at), new Date().toISOString());
}

/** Records parked submissions; called by the tick under the lock. Returns how many were recorded. */
export function drainPendingSubmissions(store: DocumentStore, book: Book): number {
  let n = 0;
  for (const parked of store.list(KEYS.pending)) {
    const source = parkedResponse(book, parked);
    if (source) {
      // The tick's own store: what this records (next rows, spans) is what the tick's later steps see.
      recordResponse(store, parked, source);
      n++;
    }
    store.delete(KEYS.pending(parked));
  }
  return n;
}

type RecordOutcome = 'recorded' | 'duplicate' | 'stale' | 'rejected' | 'unknownForm';

/**
 * Turns one response row into the order it stands for: validated, deduplicated, written in one go. The
 * answers come from the form's own FormResponse, by item id; when the form cannot be read (its owner has
 * not shared it with the trigger's account), from the row, by column.
 */
function recordResponse(store: DocumentStore, { sheetId, row }: ResponseAt, source: ResponseSource): RecordOutcome {
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
  const editUrl = fromForm?.editUrl ?? previous?.editUrl ?? '';
  const submittedAt = timestamp.getTime();
  const order = saveOrder({ round, previous, orderKey, source: 'form', checked, submittedAt, responseAt, editUrl });
  if (checked.problems.length) logOrderProblems(round, orderKey, raw, checked.problems);
  // The few settings a receipt needs, cached with the round so intake reads no Settings sheet.
  const settings = store.get(KEYS.mailSettings) ?? { paymentInstructions: '', replyTo: '' };
  const email = receiptEmail(round, order, editUrl, settings.paymentInstructions);
  sendReceipt(round, email, settings.replyTo, t(snapshot.defaultLang, 'app.name'));
  return 'recorded';
}
