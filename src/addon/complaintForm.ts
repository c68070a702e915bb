import { complaintChoice, complaintCode, codeMatches, personalLink, readComplaintCode } from '../core/complaints';
import { cyrb53 } from '../core/hash';
import { t } from '../core/i18n/translate';
import { isTallied } from '../core/round';
import { CatalogItem } from '../core/catalog';
import { Lang } from '../core/i18n/lang';
import {
  ComplaintLink,
  StoredComplaintForm,
  buildComplaintForm,
  prefilledComplaintLink,
  signer,
} from '../workspace/complaintForm';
import { readComplaints } from '../workspace/complaints';
import { logEntry } from '../workspace/log';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { ResponseAt, ResponseSource, rowTimestamp } from '../workspace/responses';
import { answersByColumn, answersById, errorText, findResponse } from '../workspace/roundForm';
import { Book } from '../workspace/sheets/book';
import { effectiveUserEmail } from '../workspace/session';
import { ActionContext, UserError, lightTriggerContext } from './action';
import { addComplaint, checkComplaint } from './complaints';
import { formEditors } from './rounds';
import { RoundData, loadRound } from './roundData';

/**
 * A resident reports a problem with an item by themselves (issue 18): their final bill and "goods arrived"
 * email carry a link to the community's complaint form with the round and their signed code filled in; the
 * form-submit trigger hands each response here (intake.ts routes it by its response sheet), where it
 * becomes a complaint exactly as if their volunteer had entered it — or, when it cannot be one, a line in
 * the Log saying why, with everything the resident sent.
 */

/** The community's complaint form, made the first time a bill needs it; null when Forms refused. */
function complaintForm(ctx: ActionContext, lang: Lang): StoredComplaintForm | null {
  const stored = ctx.store.get(KEYS.complaintForm);
  if (stored) return stored;
  let built: ReturnType<typeof buildComplaintForm>;
  try {
    built = buildComplaintForm(lang, formEditors(ctx));
  } catch (err) {
    built = { notLinked: errorText(err) };
  }
  if ('notLinked' in built) {
    logMade(ctx, '', built.notLinked);
    return null;
  }
  ctx.store.set(KEYS.complaintForm, built);
  return built;
}

function logMade(ctx: ActionContext, roundId: string, error: string): void {
  const problem = t(ctx.book.lang, 'complaintForm.notMade', { error });
  logEntry(ctx.book, { round: roundId, source: 'form', who: ctx.me, severity: 'warning', problem }, ctx.now);
}

/**
 * The round's prefilled complaint link, made once and kept (null when Forms refused: the emails then have
 * no such sentence). Called when the round opens — making the form links a response sheet, spreadsheet
 * calls a close must not spend — and again at the close or the delivery for a round opened before.
 */
export function roundComplaintLink(
  ctx: ActionContext,
  round: { id: string; title: string },
  items: readonly CatalogItem[],
  lang: Lang,
): ComplaintLink | null {
  const link = ctx.store.get(KEYS.complaintLink(round.id));
  const stored = ctx.store.get(KEYS.complaintForm);
  if (link && stored && items.every((i) => link.choices.includes(complaintChoice(i, stored.lang)))) return link;
  const form = complaintForm(ctx, lang);
  if (!form) return null;
  const made = prefilledComplaintLink(
    form,
    round.title,
    items.map((i) => complaintChoice(i, form.lang)),
  );
  if ('error' in made) {
    logMade(ctx, round.id, made.error);
    return null;
  }
  ctx.store.set(KEYS.complaintLink(round.id), made);
  return made;
}

/**
 * Each participant's complaint link for this round ('' without one): the round's link with their signed
 * code put in — one HMAC each, no Forms call.
 */
export function complaintLinks(ctx: ActionContext, data: RoundData): (orderKey: string) => string {
  const roundId = data.record.id;
  const link = roundComplaintLink(ctx, data.record, [...data.items.values()], data.snapshot.defaultLang);
  if (!link) return () => '';
  const sign = signer(ctx.store);
  return (orderKey) => personalLink(link.url, complaintCode(roundId, orderKey, sign));
}

/** What the resident sent, as the Log quotes it when it cannot become a complaint. */
interface Sent {
  code: string;
  item: string;
  quantity: string;
  note: string;
}

/**
 * Records one response of the complaint form, once: a response already recorded (its request id is in
 * the Complaints sheet) or already refused (KEYS.complaintRefused) is left alone, so a trigger delivered
 * twice or a tick that sweeps the rows again records nothing twice. Returns what became of it.
 */
export function recordFormComplaint(
  store: DocumentStore,
  at: ResponseAt,
  source: ResponseSource,
): 'recorded' | 'refused' | 'duplicate' {
  const form = store.get(KEYS.complaintForm)!;
  const requestId = `complaintForm:${at.sheetId}:${at.row}`;
  if (store.get(KEYS.complaintRefused(`${at.sheetId}:${at.row}`)) !== null) return 'duplicate';
  const book = Book.open(store);
  const ctx = lightTriggerContext(store, book, effectiveUserEmail());
  const sent = sentOf(form, source);
  const outcome = take(ctx, form, sent, requestId);
  if (outcome === 'recorded' || outcome === 'duplicate') return outcome;
  // Logged first, then marked: killed in between, the next run logs it once more rather than never.
  const what = [sent.item, sent.quantity, sent.note, sent.code].filter(Boolean).join('; ');
  const problem = t(book.lang, 'complaint.fromForm', { why: outcome.why, sent: what });
  logEntry(book, { round: outcome.roundId, source: 'form', who: outcome.who, severity: 'warning', problem }, ctx.now);
  store.set(KEYS.complaintRefused(`${at.sheetId}:${at.row}`), ctx.now.getTime());
  return 'refused';
}

/** The answers, from the form's own response by item id; from the row by column title when it cannot be read. */
function sentOf(form: StoredComplaintForm, source: ResponseSource): Sent {
  const values = source.row();
  const timestamp = rowTimestamp(values) ?? new Date();
  const fromForm = findResponse(form.formId, timestamp, '');
  const answer = fromForm ? answersById(fromForm.byItem) : answersByColumn(source.header(), values);
  const q = form.questions;
  return { code: answer(q.code), item: answer(q.item), quantity: answer(q.quantity), note: answer(q.note) };
}

/** The checks the sidebar makes, plus the code's: a complaint, or why not (in the spreadsheet's language). */
function take(
  ctx: ActionContext,
  form: StoredComplaintForm,
  sent: Sent,
  requestId: string,
): 'recorded' | 'duplicate' | { why: string; roundId: string; who: string } {
  const lang = ctx.book.lang;
  const code = readComplaintCode(sent.code);
  const forged = (roundId: string) => ({ why: t(lang, 'complaint.codeForged'), roundId, who: '' });
  if (!code) return forged('');
  let data: RoundData;
  try {
    data = loadRound(ctx, code.roundId);
  } catch (err) {
    // An archived or unknown round: the reason, in the spreadsheet's language ("Закупка R9 не найдена.").
    if (!(err instanceof UserError)) throw err;
    return { why: err.message, roundId: code.roundId, who: '' };
  }
  const sign = signer(ctx.store);
  const p = data.tally.participants.find((x) => cyrb53(x.order.key) === code.person);
  if (!p || !codeMatches(code, p.order.key, sign)) return forged(data.record.id);
  const roundId = data.record.id;
  const who = p.order.participant.name;
  if (!isTallied(data.record.state)) return { why: t(lang, 'complaint.roundNotClosed'), roundId, who };
  if (!ctx.book.find('complaints')) return { why: t(lang, 'complaint.sheetMissing'), roundId, who };
  const all = readComplaints(ctx.book, data.record.currency);
  if (all.some((c) => c.requestId === requestId)) return 'duplicate';
  const item = [...data.items.values()].filter((i) => complaintChoice(i, form.lang) === sent.item);
  if (item.length !== 1) return { why: t(lang, 'complaint.itemNotInRound', { item: sent.item }), roundId, who };
  const checked = checkComplaint(data, p, item[0].id, sent.quantity, lang);
  if (!checked.ok) return { why: checked.problem, roundId, who };
  addComplaint(ctx, data, all, { ...checked, note: sent.note, enteredBy: t(lang, 'complaint.byForm'), requestId });
  return 'recorded';
}
