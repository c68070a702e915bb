import { LocalizedText } from '../core/catalog';
import { ItemUnit } from '../core/units';
import { OutgoingEmail, RoundFacts } from '../core/emails';
import { Lang } from '../core/i18n/lang';
import { USER_KEYS } from './properties/keys';
import { UserStore } from './properties/store';

/**
 * What the hourly tick needs when it runs with no spreadsheet open, and what it did then.
 *
 * In a published add-on a time-driven run may have no active spreadsheet, no document properties and no
 * document lock, and under spreadsheets.currentonly it cannot open the file by id (local/emulator/FIDELITY.md,
 * "Active spreadsheet in a time-driven run"). What it can still reach is its owner's user properties, the
 * round's forms (FormApp, the forms scope) and MailApp. So every execution that runs as the triggers' owner
 * with the file leaves here, under the tick's trigger id, the little the tick needs to keep the two promises
 * that cannot wait for someone to open the spreadsheet: forms close at the stop, and reminders go out before
 * it. Bills and other queued mail need the Outbox sheet, so they go out from the next execution that has the
 * file (README, "The tick without a file").
 */

/** Someone a reminder may go to. */
export interface PlannedRecipient {
  email: string;
  name: string;
  lang: Lang;
  orderKey: string;
  hasOrdered: boolean;
  link: string;
}

/** An open round as the tick without a file sees it. */
export interface PlannedRound {
  id: string;
  formId: string;
  deadline: number;
  /** Reminders due at or before this instant were not this tick's to send (the round opened later). */
  since: number;
  facts: RoundFacts;
  news: { name: LocalizedText; unit: string | ItemUnit; missing: number }[];
  recipients: PlannedRecipient[];
}

export interface TickPlan {
  spreadsheetId: string;
  /** The triggers' owner: the re-authorization email goes here when Session cannot say. */
  owner: string;
  lang: Lang;
  /** The community's languages, for the closed form's message (absent in a plan made before). */
  langs?: Lang[];
  offsets: number[];
  /** Those who ordered are reminded too that they can still change it (Settings: remindOrdered). */
  remindOrdered: boolean;
  senderName: string;
  replyTo: string;
  rounds: PlannedRound[];
  madeAt: number;
}

/** What the tick without a file did, for the next execution with the file to take in. */
export interface TickLog {
  ranAt: number;
  /** Outbox keys of the reminders it sent (each at most once). */
  sent: string[];
  /** Rounds whose forms it closed at the stop. */
  closedForms: string[];
  /** What went wrong, in Google's words. */
  problems: string[];
}

export function readPlan(users: UserStore, tickId: string): TickPlan | null {
  return users.get(USER_KEYS.plan(tickId));
}

export function savePlan(users: UserStore, tickId: string, plan: TickPlan): void {
  users.set(USER_KEYS.plan(tickId), plan);
}

export function dropPlan(users: UserStore, tickId: string): void {
  users.delete(USER_KEYS.plan(tickId));
  users.delete(USER_KEYS.tickLog(tickId));
}

export function readLog(users: UserStore, tickId: string): TickLog {
  return users.get(USER_KEYS.tickLog(tickId)) ?? { ranAt: 0, sent: [], closedForms: [], problems: [] };
}

export function saveLog(users: UserStore, tickId: string, log: TickLog): void {
  users.set(USER_KEYS.tickLog(tickId), log);
}

/** Today's remaining recipients (MailApp's daily quota). */
export function mailQuotaLeft(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends one email now, as the outbox would (no outbox row: the tick without a file has no Outbox sheet). */
export function mailNow(e: Pick<OutgoingEmail, 'to' | 'subject' | 'body' | 'html'>, replyTo: string, senderName: string): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters & { to: string; subject: string; body: string } = {
    to: e.to,
    subject: e.subject,
    body: e.body,
    name: senderName,
  };
  if (e.html) message.htmlBody = e.html;
  if (replyTo) message.replyTo = replyTo;
  MailApp.sendEmail(message);
}

/**
 * Whether this execution has its spreadsheet: a bound script's time-driven run always does; a published
 * add-on's may not ("A timed trigger will receive null when it calls SpreadsheetApp.getActiveSpreadsheet()",
 * mogsdad/SheetConverter#2 — the reference is silent; local/emulator/FIDELITY.md).
 */
export function fileIsOpen(): boolean {
  return SpreadsheetApp.getActiveSpreadsheet() !== null;
}
