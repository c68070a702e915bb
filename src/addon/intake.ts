import { CatalogItem } from '../core/catalog';
import { describeProblem } from '../core/describe';
import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { Order, reviseOrder } from '../core/orders';
import { Problem, RawOrderInput, ValidatedOrder, validateOrder } from '../core/validation';
import { logEntry } from '../workspace/log';
import { SUBMIT_LOCK_WAIT_MS, withScriptLock } from '../workspace/lock';
import { StoredOrder, findOrder, orderRows, writeOrder } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { receiptEmail, sendReceipt } from './mail';
import { LANGUAGE_CHOICES, findResponse } from '../workspace/roundForm';
import { RoundSnapshot, snapshotForSheet } from '../workspace/rounds';
import { Book } from '../workspace/sheets/book';
import { cellText } from '../workspace/sheets/cells';
import { ResponseAt, ResponseSource, parkedResponse, rowEmail, rowTimestamp, submittedResponse } from '../workspace/responses';

/**
 * The spreadsheet form-submit trigger, shared by every round's form. Blank events are ignored; when
 * the lock cannot be had in time the event is parked in document properties and the hourly tick
 * records it later, so nothing is lost.
 */
export function onFormSubmit_(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const submitted = submittedResponse(e);
  if (!submitted) return;
  const { at, source } = submitted;
  const done = withScriptLock(SUBMIT_LOCK_WAIT_MS, () => recordResponse(DocumentStore.open(), at, source));
  if (!done.ok) DocumentStore.open().set(KEYS.pending(at), new Date().toISOString());
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

export type RecordOutcome = 'recorded' | 'duplicate' | 'stale' | 'rejected' | 'unknownForm';

function answer(named: Record<string, string[]>, title: string | null): string {
  if (!title) return '';
  return String(named[title]?.[0] ?? '').trim();
}

function langFromChoice(choice: string, fallback: Lang): Lang {
  const found = (Object.entries(LANGUAGE_CHOICES) as [Lang, string][]).find(([, label]) => label === choice);
  return found ? found[0] : fallback;
}

/** Turns one response row into the order it stands for: validated, deduplicated, written in one go. */
export function recordResponse(store: DocumentStore, { sheetId, row }: ResponseAt, source: ResponseSource): RecordOutcome {
  const snapshot = snapshotForSheet(store, sheetId);
  if (!snapshot || !snapshot.questions) return 'unknownForm';
  const book = Book.open(store);
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  const fromForm = source.values ? null : findResponse(snapshot.formId, source.email, source.named);
  const values = source.values ?? (fromForm ? null : (source.readValues?.() ?? null));
  const timestamp = fromForm?.timestamp ?? rowTimestamp(values) ?? new Date();
  const responseAt = timestamp.toISOString();
  const orderKey = `form:${snapshot.round.id}:${row}`;

  // A row past the highest one recorded is a new response: there is nothing to find.
  const seen = store.get(KEYS.seenRow(sheetId)) ?? 0;
  const previous = row > seen ? null : findOrder(book, orderKey, items);
  if (previous && previous.responseAt === responseAt) return 'duplicate';
  if (previous && previous.responseAt > responseAt) return 'stale';
  if (row > seen) store.set(KEYS.seenRow(sheetId), row);

  const q = snapshot.questions;
  const named = source.named;
  const raw: RawOrderInput = {
    name: answer(named, q.name),
    email: source.email || rowEmail(values),
    phone: answer(named, q.phone),
    building: answer(named, q.building),
    flat: answer(named, q.flat),
    pickupPoint: answer(named, q.pickupPoint) || (snapshot.pickupPoints.length === 1 ? snapshot.pickupPoints[0] : ''),
    lang: langFromChoice(answer(named, q.lang), snapshot.defaultLang),
    comment: answer(named, q.comment),
    quantities: Object.fromEntries(Object.entries(q.items).map(([id, titles]) => [id, answer(named, titles.quantity)])),
    extras: Object.fromEntries(
      Object.entries(q.items)
        .filter(([, t2]) => t2.extra)
        .map(([id, titles]) => [id, answer(named, titles.extra)]),
    ),
    submittedAt: timestamp.getTime(),
  };
  const checked = validate(raw, snapshot, items);
  if (!checked.accepted) {
    logProblems(book, snapshot, orderKey, raw, checked.problems, items);
    return 'rejected';
  }
  const editUrl = fromForm?.editUrl ?? previous?.editUrl ?? '';
  const order = saveOrder(
    book,
    store,
    snapshot,
    items,
    previous,
    orderKey,
    'form',
    checked,
    timestamp.getTime(),
    responseAt,
    editUrl,
  );
  if (checked.problems.length) logProblems(book, snapshot, orderKey, raw, checked.problems, items);
  const settings = communitySettings(store);
  sendReceipt(
    book,
    store,
    receiptEmail(snapshot, items, order, editUrl, settings.paymentInstructions),
    settings.replyTo,
    t(snapshot.defaultLang, 'app.name'),
  );
  return 'recorded';
}

/** The core's checks, plus the round's own state: a round that is not open takes no orders. */
export function validate(raw: RawOrderInput, snapshot: RoundSnapshot, items: ReadonlyMap<string, CatalogItem>): ValidatedOrder {
  const checked = validateOrder(raw, {
    items,
    deadline: snapshot.round.deadline,
    defaultLang: snapshot.defaultLang,
    buildings: snapshot.buildings,
    pickupPoints: snapshot.pickupPoints,
  });
  if (snapshot.round.state !== 'open' && !checked.problems.some((p) => p.key === 'problem.late')) {
    checked.problems.push({ key: 'problem.late', severity: 'reject', field: 'submittedAt' });
    checked.accepted = false;
  }
  return checked;
}

export function saveOrder(
  book: Book,
  store: DocumentStore,
  snapshot: RoundSnapshot,
  items: ReadonlyMap<string, CatalogItem>,
  previous: StoredOrder | null,
  orderKey: string,
  source: 'form' | 'offline',
  checked: ValidatedOrder,
  submittedAt: number,
  responseAt: string,
  editUrl: string,
): Order {
  const order = reviseOrder(previous?.order, {
    key: orderKey,
    source,
    participant: checked.participant,
    lines: checked.lines,
    submittedAt,
    revision: (previous?.order.revision ?? 0) + 1,
    comment: checked.comment,
  });
  writeOrder(
    book,
    store,
    previous,
    orderRows(order, snapshot.round.id, responseAt, editUrl, items, snapshot.defaultLang),
    snapshot.round.id,
  );
  return order;
}

/** The few settings a submission needs, cached with the round so intake reads no Settings sheet. */
function communitySettings(store: DocumentStore): { paymentInstructions: string; replyTo: string } {
  return store.get(KEYS.mailSettings) ?? { paymentInstructions: '', replyTo: '' };
}

export function logProblems(
  book: Book,
  snapshot: RoundSnapshot,
  source: string,
  raw: RawOrderInput,
  problems: Problem[],
  items: ReadonlyMap<string, CatalogItem>,
): void {
  const lang = snapshot.defaultLang;
  const worst = problems.some((p) => p.severity === 'reject')
    ? 'reject'
    : problems.some((p) => p.severity === 'line')
      ? 'line'
      : 'warning';
  logEntry(
    book,
    {
      round: snapshot.round.id,
      source,
      who: [cellText(raw.name), cellText(raw.email)].filter(Boolean).join(' '),
      severity: t(lang, `severity.${worst}` as const),
      problem: problems.map((p) => describeProblem(p, lang, items)).join('\n'),
    },
    new Date(),
  );
}
