import type { RoundSoFar } from '../../core/billing';
import type { Steps } from '../../core/quantity';
import type { Problem } from '../../core/validation';
import type { StoredChatImport } from '../chatImports';
import type { CloseSummary } from '../../core/round';
import type { MailTexts } from '../../core/emailContent';
import type { LedgerLine } from '../ledgerSheet';
import type { DrainResult } from '../outbox';
import type { SheetSize } from '../results';
import type { RoundSnapshot } from '../rounds';
import type { StoredPoll } from '../pollForm';
import type { ComplaintLink, StoredComplaintForm } from '../complaintForm';
import type { SheetIds } from '../sheets/book';
import type { TickLog, TickPlan } from '../tickPlan';
import type { TriggerProblem } from '../triggers';
import type { RoundSheetKey } from '../sheets/schema';
import { family, int, json, key, text } from './store';

/** Where a person edited a building's tab, and who Google said they were ('' when it did not say). */
export interface ParkedTabEdit {
  building: string;
  row: number;
  rows: number;
  column: number;
  columns: number;
  editor: string;
}

/** Sheets appended at a remembered next row (see sheets/append.ts). */
export type AppendingSheet = 'orders' | 'outbox' | 'archive';

/** The first and last row a round's orders occupy in the Orders sheet. */
export interface RowSpan {
  first: number;
  last: number;
}

const rowSpan = {
  encode: (s: RowSpan) => `${s.first},${s.last}`,
  decode: (stored: string): RowSpan => {
    const [first, last] = stored.split(',').map(Number);
    return { first, last };
  },
  chunked: false,
};

const counter = (sheet: AppendingSheet) => ({
  /** The next free row. */
  next: key(`${sheet}NextRow`, int),
  /** How many rows the sheet has, so appending need not ask. */
  capacity: key(`${sheet}NextRowCapacity`, int),
});

/**
 * Every document property the add-on keeps, with the type of its value: the one list. A new key goes
 * here; nothing else names a property.
 */
export const KEYS = {
  /** Where each community sheet is and the language it was set up in (see sheets/book.ts). */
  sheetIds: key('sheets', json<SheetIds>()),
  /** The account that owns the add-on's triggers (see triggers.ts). */
  triggerOwner: key('triggerOwner', text),
  /** The community's secret for sealing purged identities (core/ledger.ts sealedIdentity); made at the first purge. */
  identityKey: key('identityKey', text),
  /** Each of this community's triggers, by its unique id: a handler fired by any other does nothing. */
  triggerId: family('trigger:', text),
  /** A trigger Google refused to create, or a handler that could not run, for Check set-up. */
  triggerProblem: key('triggerProblem', json<TriggerProblem>()),
  /** When the hourly tick last ran with this spreadsheet open (ms): reminders that fell due since then go out. */
  lastTick: key('lastTick', int),
  /**
   * What the last full tick saw that an idle hour needs: the reminder offsets from the Settings sheet and
   * when it last swept (missed responses, protections, the Orders counter). See addon/tick.ts idleHour.
   */
  tickSweep: key('tickSweep', json<{ at: number; reminderOffsetsHours: number[] }>()),
  /** Set when the Outbox was left with nothing to send; cleared by whatever queues an email (outbox.ts). */
  outboxDrained: key('outboxDrained', int),
  /** When the tick was last known to run, and whether it had the spreadsheet (see tickPlan.ts). */
  tickSeen: key('tickSeen', json<{ at: number; withFile: boolean; learnt: number }>()),
  /** MailApp refused to send (even the request to authorize again): what Google said, for Check set-up. */
  mailProblem: key('mailProblem', json<{ at: string; error: string }>()),
  /** What the last email batch did, for the Emails screen. */
  lastDrain: key('lastDrain', json<DrainResult & { at: string }>()),
  /**
   * The settings a receipt needs, cached when a round opens so a submission reads no Settings sheet. Its
   * texts are per language (a plain string in a value cached before), so each receipt is in its reader's.
   */
  mailSettings: key('mailSettings', json<MailTexts & { replyTo: string }>()),
  /** Rounds archived (addon/archive.ts): every other key of theirs is gone. */
  archivedRounds: key('archivedRounds', json<string[]>()),
  /** Where an archive under way put the round's rows in the Archive sheet, until its keys go. */
  archiving: family('archiving:', json<{ first: number; rows: number }>()),
  /** Archived rounds' lines at the top of the Ledger sheet, written once, and their figures summed. */
  ledgerArchived: key('ledgerArchived', json<{ rows: number; totals: LedgerLine | null }>()),
  /** The rounds in the Ledger sheet, in its order. */
  ledgerRounds: key('ledgerRounds', json<string[]>()),
  /** Each round's line of the Ledger sheet. */
  ledgerLine: family('ledger:', json<LedgerLine>()),
  /** Next free row and size of each appending sheet. */
  counters: { orders: counter('orders'), outbox: counter('outbox'), archive: counter('archive') },
  /** The rows a round's orders occupy, so reading a round costs its own block only. */
  orderSpan: family('orderSpan:', rowSpan),
  /** An open round as intake needs it, frozen when it opened. */
  snapshot: family('round:', json<RoundSnapshot>()),
  /**
   * The community's complaint form (workspace/complaintForm.ts, issue 18), written only once the form is
   * built, published and linked: an execution killed before leaves nothing half made behind in here.
   */
  complaintForm: key('complaintForm', json<StoredComplaintForm>()),
  /** The secret that signs the codes in complaint links (HMAC-SHA256); made once, never in a sheet. */
  complaintKey: key('complaintKey', text),
  /** A round's prefilled complaint link (with a mark where each person's code goes) and its items' choices. */
  complaintLink: family('complaintLink:', json<ComplaintLink>()),
  /** A complaint-form response refused and logged (sheet id:row), so a retry does not log it again. */
  complaintRefused: family('complaintRefused:', int),
  /** A needs poll: its items and its form's questions (see workspace/pollForm.ts, issue 18). */
  poll: family('poll:', json<StoredPoll>()),
  /** Which round a form's response sheet belongs to (by sheet id). */
  responseSheet: family('responses:', json<string>(), (sheetId: number) => String(sheetId), Number),
  /** The highest response row recorded from a response sheet: a row past it is new. */
  seenRow: family('seen:', int, (sheetId: number) => String(sheetId), Number),
  /**
   * Response rows recorded without a gap from the top (a rejected or blank response counts as handled): a
   * row past it whose order is missing was killed mid-way, and the tick records it (intake.ts).
   */
  handledRow: family('handled:', int, (sheetId: number) => String(sheetId), Number),
  /**
   * A submission not recorded yet (value: when): parked when it could not get the lock, and written first
   * by every submission, so one killed before it recorded its order is recorded by the next execution.
   */
  pending: family(
    'pending:',
    text,
    (at: { sheetId: number; row: number }) => `${at.sheetId}:${at.row}`,
    (s) => {
      const [sheetId, row] = s.split(':').map(Number);
      return { sheetId, row };
    },
  ),
  /**
   * A receipt owed for an order being saved (by order key): written before the order, gone once its receipt
   * is sent or queued. One left behind means the submission was killed in between (intake.ts).
   */
  receiptOwed: family<string, { withdrawn: boolean; problems: Problem[] }>(
    'owed:',
    json<{ withdrawn: boolean; problems: Problem[] }>(),
  ),
  /** A receipt sent right away, confirmed here (outbox row → its key) until the next drain marks it SENT. */
  sentReceipt: family('sent:', text, (row: number) => String(row), Number),
  /** Rows and capacity of a round's result sheet, so writing it asks the sheet nothing. */
  resultSize: family('size:', json<SheetSize>(), (at: { roundId: string; sheet: RoundSheetKey }) => `${at.roundId}:${at.sheet}`),
  /** What closing a round came to; present while the round stays closed. */
  closed: family('closed:', json<CloseSummary>()),
  /**
   * A close under way: its revision and the Outbox row its bills start at. Written before the bills are
   * queued and deleted with the close recorded, so a close killed in between resumes and queues only
   * what is missing (close.ts).
   */
  closing: family('closing:', json<{ close: number; outboxRow: number }>()),
  /** How many times a round has been closed: each close after a reopening bills under a new revision. */
  closes: family('closes:', int),
  /** What the supplier delivered, where it differs from what was bought (item id → steps, less or more). */
  received: family('received:', json<Record<string, Steps>>()),
  /** Each participant's payment reference in a round (order key → reference): once printed, kept. */
  paymentRefs: family('refs:', json<Record<string, string>>()),
  /** An open round's orders so far as running totals, for the estimate on each receipt. */
  roundSoFar: family('soFar:', json<RoundSoFar>()),
  /** A sidebar click already done (its request id → the round it created), so a double click does one thing. */
  createdRound: family('request:', json<string>()),
  /** A sidebar click already done (its request id → the offline order it saved). */
  savedOfflineOrder: family(
    'request:',
    json<{
      orderKey: string;
      enteredBy: string;
      notes: string[];
      /** Written before saving; gone once saved. */ saving?: boolean;
    }>(),
  ),
  /**
   * What chat imports into a round recorded, person by person (see workspace/chatImports.ts): read in the
   * one getProperties every execution makes, chunked past 9 KB; a 400-line 接龙 takes about 25 KB.
   */
  chatImport: family<string, StoredChatImport>('chatImport:', json<StoredChatImport>()),
  // — volunteers —
  /** Each building's tab for its volunteers (building as typed → sheet id), see buildingTabs.ts. */
  buildingTabs: key('buildingTabs', json<Record<string, number>>()),
  /** Set when rounds changed and the buildings' tabs must be rewritten; cleared when they are. */
  tabsStale: key('tabsStale', int),
  /** Tab edits made while the lock was busy: the next run (edit trigger or tick) brings the books in line. */
  tabsToCheck: key('tabsToCheck', json<ParkedTabEdit[]>()),
  /** Who may edit which sheet, as last applied (see sheets/setup.ts): protections change only when it does. */
  protections: key('protections', text),
};

/**
 * The running account's user properties (UserStore): what the hourly tick needs and does when it runs with
 * no spreadsheet open (tickPlan.ts). Shared by every spreadsheet the account uses a published add-on in, so
 * each entry names the tick (by its trigger id) it belongs to.
 */
export const USER_KEYS = {
  /** What a tick without its file must do for one community: forms to close, reminders to send. */
  plan: family('plan:', json<TickPlan>()),
  /** What that tick did: when it ran, the reminders it sent, what went wrong. */
  tickLog: family('tickLog:', json<TickLog>()),
  /** The day (UTC, yyyy-mm-dd) the last "please authorize again" email went out: at most one a day. */
  authMailDay: key('authMailDay', text),
  /** This account's address, for that email when Session cannot tell it (its scope is the one missing). */
  me: key('me', text),
  /** MailApp refused to send, with Google's words (copied to the document for Check set-up). */
  mailRefused: key('mailRefused', json<{ at: string; error: string }>()),
};
