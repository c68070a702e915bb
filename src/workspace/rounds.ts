import { CatalogItem } from '../core/catalog';
import { Lang } from '../core/i18n/lang';
import { Round, parseRoundState } from '../core/round';
import { Book } from './sheets/book';
import { cellMoney, cellNumber, cellText, cellTime } from './sheets/cells';
import { ROUND_SHEETS, RoundSheetKey, get, row } from './sheets/schema';

const ROUND_SHEET_KEYS = Object.keys(ROUND_SHEETS) as RoundSheetKey[];
import { KEYS } from './properties/keys';
import { DocumentStore, entry } from './properties/store';
import { currency } from '../core/money';
import { ShortfallRule } from '../core/allocation';
import {
  CURRENCY_WORDS,
  ROUND_STATE_WORDS,
  ROUNDING_WORDS,
  SHORTFALL_WORDS,
  SPLIT_WORDS,
  codeOf,
  wordOf,
} from '../core/i18n/words';

/**
 * A question of a round's form: its item id, which stays the same for the life of the question whatever
 * its title becomes (https://developers.google.com/apps-script/reference/forms/item#getId()), and the
 * title it was created with, to find its column in the response sheet when the form cannot be read.
 */
export interface FormQuestion {
  id: number;
  title: string;
}

/** Which form question holds which answer. */
export interface FormQuestions {
  name: FormQuestion;
  phone: FormQuestion;
  building: FormQuestion | null;
  flat: FormQuestion;
  pickupPoint: FormQuestion | null;
  lang: FormQuestion;
  comment: FormQuestion;
  items: Record<string, { quantity: FormQuestion; extra: FormQuestion | null }>;
}

/**
 * What intake needs to know about an open round, frozen when it opens (prices do not change under
 * residents' feet) and cached in document properties so a submission need not read the Rounds sheet.
 */
export interface RoundSnapshot {
  round: Round;
  items: CatalogItem[];
  buildings: string[];
  pickupPoints: string[];
  defaultLang: Lang;
  timeZone: string;
  formId: string;
  formUrl: string;
  responseSheetId: number | null;
  questions: FormQuestions | null;
  /** When the round reached its present state (ms), as saveRound last moved it: a cancelled round is archived a while after. */
  stateSince?: number;
}

export interface RoundRecord extends Round {
  formId: string;
  formUrl: string;
  formEditUrl: string;
  responseSheetId: number | null;
  createdBy: string;
  /** Who loses when less arrives than was bought (chosen when receiving; the default until then). */
  shortfallRule?: ShortfallRule;
  /** 1-based row in the Rounds sheet. */
  sheetRow: number;
}

const list = (v: unknown) =>
  cellText(v)
    .split(/\s*;\s*/)
    .filter(Boolean);

export function readRounds(book: Book): RoundRecord[] {
  const values = book.sheet('rounds').getDataRange().getValues();
  const out: RoundRecord[] = [];
  values.forEach((r, i) => {
    if (i === 0 || !cellText(get('rounds', r, 'id'))) return;
    const code = readCurrency(get('rounds', r, 'currency'));
    out.push({
      id: cellText(get('rounds', r, 'id')),
      title: cellText(get('rounds', r, 'title')),
      state: codeOf(ROUND_STATE_WORDS, get('rounds', r, 'state')) ?? parseRoundState(''),
      deadline: cellTime(get('rounds', r, 'deadline')) ?? 0,
      pickupTime: cellText(get('rounds', r, 'pickupTime')),
      pickupPoints: list(get('rounds', r, 'pickupPoints')),
      itemIds: list(get('rounds', r, 'items')),
      deliveryMinor: cellMoney(get('rounds', r, 'delivery'), code),
      deliverySplit: codeOf(SPLIT_WORDS, get('rounds', r, 'deliverySplit')) ?? 'equal',
      feeBasisPoints: Math.round(cellNumber(get('rounds', r, 'feePercent')) * 100),
      rounding: codeOf(ROUNDING_WORDS, get('rounds', r, 'rounding')) ?? 'halfUp',
      currency: code,
      formId: cellText(get('rounds', r, 'formId')),
      formUrl: cellText(get('rounds', r, 'formUrl')),
      formEditUrl: cellText(get('rounds', r, 'formEditUrl')),
      responseSheetId: cellText(get('rounds', r, 'responseSheet')) ? cellNumber(get('rounds', r, 'responseSheet')) : null,
      createdBy: cellText(get('rounds', r, 'createdBy')),
      shortfallRule: codeOf(SHORTFALL_WORDS, get('rounds', r, 'shortfallRule')) ?? 'latestLoseFirst',
      sheetRow: i + 1,
    });
  });
  return out;
}

/** A currency cell: its code (older sheets), or its name in any language ("рубли, ₽"). */
function readCurrency(cell: unknown): string {
  return codeOf(CURRENCY_WORDS, cell) ?? currency(cellText(cell))?.code ?? 'RUB';
}

/** The row in the sheet's language: states, splits and rules as words, read back by `readRounds`. */
function roundRow(r: RoundRecord, now: Date, lang: Lang): unknown[] {
  return row(
    'rounds',
    {
      id: r.id,
      title: r.title,
      state: wordOf(ROUND_STATE_WORDS, r.state, lang),
      deadline: r.deadline,
      pickupTime: r.pickupTime,
      pickupPoints: r.pickupPoints.join('; '),
      items: r.itemIds.join('; '),
      delivery: r.deliveryMinor,
      deliverySplit: wordOf(SPLIT_WORDS, r.deliverySplit, lang),
      feePercent: r.feeBasisPoints / 100,
      rounding: wordOf(ROUNDING_WORDS, r.rounding, lang),
      currency: wordOf(CURRENCY_WORDS, r.currency, lang),
      formUrl: r.formUrl,
      formEditUrl: r.formEditUrl,
      formId: r.formId,
      responseSheet: r.responseSheetId,
      createdBy: r.createdBy,
      updatedAt: now,
      shortfallRule: wordOf(SHORTFALL_WORDS, r.shortfallRule ?? 'latestLoseFirst', lang),
    },
    r.currency,
  );
}

/** Writes one round's row: its existing row, or the next free one. One write either way. */
export function writeRound(book: Book, r: RoundRecord, now: Date): RoundRecord {
  const sheet = book.sheet('rounds');
  const values = [roundRow(r, now, book.lang)];
  const target = r.sheetRow > 1 ? r.sheetRow : sheet.getLastRow() + 1;
  // A new round may need a row past the sheet's end; an existing one already has its row.
  if (r.sheetRow <= 1 && target > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 100);
  sheet.getRange(target, 1, 1, values[0].length).setValues(values);
  return { ...r, sheetRow: target };
}

/** Writes a round's row and keeps its cached snapshot's state and stop in step with it. */
export function saveRound(book: Book, store: DocumentStore, record: RoundRecord, now: Date): RoundRecord {
  const saved = writeRound(book, record, now);
  const snapshot = snapshotOf(store, record.id);
  if (snapshot) {
    const moved = snapshot.round.state !== record.state;
    const stateSince = moved ? now.getTime() : snapshot.stateSince;
    cacheSnapshot(store, {
      ...snapshot,
      round: { ...snapshot.round, state: record.state, deadline: record.deadline },
      ...(stateSince === undefined ? {} : { stateSince }),
    });
  }
  return saved;
}

export function cacheSnapshot(store: DocumentStore, s: RoundSnapshot): void {
  const entries = [entry(KEYS.snapshot(s.round.id), s)];
  if (s.responseSheetId !== null) entries.push(entry(KEYS.responseSheet(s.responseSheetId), s.round.id));
  store.setAll(...entries);
}

export function snapshotForSheet(store: DocumentStore, sheetId: number): RoundSnapshot | null {
  const roundId = store.get(KEYS.responseSheet(sheetId));
  return roundId ? store.get(KEYS.snapshot(roundId)) : null;
}

export function snapshotOf(store: DocumentStore, roundId: string): RoundSnapshot | null {
  return store.get(KEYS.snapshot(roundId));
}

/** Every round that has been opened, as cached when it opened (with its state kept current). */
export function roundSnapshots(store: DocumentStore): RoundSnapshot[] {
  return store
    .list(KEYS.snapshot)
    .map((id) => store.get(KEYS.snapshot(id)))
    .filter((s): s is RoundSnapshot => !!s);
}

/** Whether a round has been archived (its tabs folded into the Archive sheet, its keys gone). */
export function isArchived(store: DocumentStore, roundId: string): boolean {
  return (store.get(KEYS.archivedRounds) ?? []).includes(roundId);
}

/** The request ids (double-click guards) whose saved answer belongs to the round. */
function requestsOf(store: DocumentStore, roundId: string): string[] {
  return store
    .list(KEYS.createdRound)
    .map(String)
    .filter((id) => {
      const saved = store.get(KEYS.createdRound(id)) as unknown;
      const orderKey = typeof saved === 'object' && saved ? String((saved as { orderKey?: unknown }).orderKey ?? '') : '';
      return saved === roundId || orderKey.split(':')[1] === roundId;
    });
}

/**
 * Marks a round archived, then lets go of every document property it held (issue 19; review item 7):
 * snapshot, rows span, result sheet sizes, close records, what arrived, payment references (kept in the
 * Archive sheet), running totals, chat-import records, its complaint link, its Ledger line (summed into ledgerArchived), its
 * response sheet's marks and the double-click guards of its requests — in one call. What the store holds
 * then no longer grows with the rounds a community has run.
 */
export function forgetRound(store: DocumentStore, roundId: string, responseSheetId: number | null): void {
  const archived = store.get(KEYS.archivedRounds) ?? [];
  if (!archived.includes(roundId)) store.set(KEYS.archivedRounds, [...archived, roundId]);
  const keys = [
    KEYS.snapshot(roundId),
    KEYS.orderSpan(roundId),
    KEYS.closed(roundId),
    KEYS.closes(roundId),
    KEYS.closing(roundId),
    KEYS.received(roundId),
    KEYS.paymentRefs(roundId),
    KEYS.roundSoFar(roundId),
    KEYS.chatImport(roundId),
    KEYS.ledgerLine(roundId),
    KEYS.archiving(roundId),
    KEYS.complaintLink(roundId),
    ...ROUND_SHEET_KEYS.map((sheet) => KEYS.resultSize({ roundId, sheet })),
    ...requestsOf(store, roundId).map((id) => KEYS.createdRound(id)),
  ];
  const sheetId = responseSheetId ?? store.list(KEYS.responseSheet).find((id) => store.get(KEYS.responseSheet(id)) === roundId);
  if (sheetId !== undefined && sheetId !== null)
    keys.push(KEYS.responseSheet(sheetId), KEYS.seenRow(sheetId), KEYS.handledRow(sheetId));
  store.deleteAll(keys);
}
