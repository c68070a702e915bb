import { roundComplaintLink } from './complaintForm';
import { CatalogItem } from '../core/catalog';
import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { formatDateTime, listOf } from '../core/i18n/format';
import { LANG_WORDS, wordChoices } from '../core/i18n/words';
import { roundFacts } from '../core/emailContent';
import { OutgoingEmail, renderEmail } from '../core/emails';
import { t } from '../core/i18n/translate';
import { creditToReturn } from '../core/ledger';
import { readAmount } from '../core/money';
import { describeAmountProblem } from '../core/moneyText';
import { outgoingEmail } from '../core/outgoing';
import { DeliverySplit, RoundState, canMoveDeadline, canOpen, canTransition, stateLabel } from '../core/round';
import { CatalogReading, readCatalog, readPlaces, readVolunteers, spreadsheetOwner } from '../workspace/community';
import { appendJournal, readJournal } from '../workspace/journal';
import { logEntry } from '../workspace/log';
import { readRoundOrders } from '../workspace/orders';
import { queueEmails } from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { createRoundSheets } from '../workspace/results';
import { isCellLimit } from '../workspace/sheets/setup';
import { BuiltForm, FormOutcome, buildRoundForm, setFormAccepting } from '../workspace/roundForm';
import { RoundRecord, RoundSnapshot, cacheSnapshot, readRounds, saveRound, snapshotOf, writeRound } from '../workspace/rounds';
import { ActionContext, UserError, fail, locked, requireAccess } from './action';
import { markTabsStale } from './buildingTabs';
import { protectCommunity } from './protections';

/** The coordinator's steps before and around the stop: create a round, open it, move its stop, cancel it. */

/** A round as the sidebar sees it: plain values, dates as ISO strings (Dates cannot cross google.script.run). */
export interface RoundView {
  id: string;
  title: string;
  state: RoundState;
  deadline: string;
  pickupTime: string;
  pickupPoints: string[];
  itemIds: string[];
  deliveryMinor: number;
  deliverySplit: DeliverySplit;
  feePercent: number;
  currency: string;
  formUrl: string;
  formEditUrl: string;
  /** What did not go as asked (a form not published, not shared, not linked), in the coordinator's words. */
  warning?: string;
}

export function toView(r: RoundRecord): RoundView {
  return {
    id: r.id,
    title: r.title,
    state: r.state,
    deadline: new Date(r.deadline).toISOString(),
    pickupTime: r.pickupTime,
    pickupPoints: r.pickupPoints,
    itemIds: r.itemIds,
    deliveryMinor: r.deliveryMinor,
    deliverySplit: r.deliverySplit,
    feePercent: r.feeBasisPoints / 100,
    currency: r.currency,
    formUrl: r.formUrl,
    formEditUrl: r.formEditUrl,
  };
}

export interface NewRoundInput {
  title: string;
  deadline: string;
  pickupTime?: string;
  pickupPoints?: string[];
  itemIds: string[];
  delivery?: string | number;
  deliverySplit?: DeliverySplit;
  feePercent?: string | number;
  /** Set by the client once per click, so a double click creates one round. */
  requestId?: string;
}

function findRound(ctx: ActionContext, roundId: string): RoundRecord {
  const round = readRounds(ctx.book).find((r) => r.id === roundId);
  return round ?? fail(ctx.lang, 'round.notFound', { id: roundId });
}

/** Each catalog row a round would use, as problems a coordinator can fix cell by cell. */
function itemProblems(ctx: ActionContext, itemIds: string[], catalog: CatalogReading): string[] {
  const problems: string[] = [];
  for (const id of itemIds) {
    if (catalog.items.has(id)) continue;
    const cells = catalog.problems.filter((p) => p.itemId === id);
    // A row with a bad cell is named cell by cell, so the coordinator knows what to fix.
    if (cells.length) problems.push(...cells.map((p) => p.message));
    else problems.push(t(ctx.lang, 'round.itemUnknown', { id }));
  }
  return problems;
}

/** A new round's fields, checked all at once: the round to create, or every problem in the coordinator's words. */
function checkNewRound(ctx: ActionContext, input: NewRoundInput): Omit<RoundRecord, 'id' | 'sheetRow'> {
  const { lang, settings } = ctx;
  const problems: string[] = [];
  const title = String(input.title ?? '').trim();
  if (!title) problems.push(t(lang, 'round.titleMissing'));
  const deadline = Date.parse(String(input.deadline ?? ''));
  if (!Number.isFinite(deadline)) problems.push(t(lang, 'round.deadlineInvalid'));
  else if (deadline <= ctx.now.getTime()) problems.push(t(lang, 'round.deadlinePast'));
  const itemIds = [...new Set((input.itemIds ?? []).map(String))];
  const catalog = readCatalog(ctx.book, settings, lang);
  // An empty Catalog sheet is the cause, not the coordinator's choice: say so.
  const empty = catalog.items.size === 0 && catalog.problems.length === 0;
  if (itemIds.length === 0) problems.push(t(lang, empty ? 'catalog.empty' : 'round.noItems'));
  problems.push(...itemProblems(ctx, itemIds, catalog));
  // The delivery cost as the coordinator types it ("1 500,50 ₽", "¥300", "2,862.17").
  const typed =
    input.delivery === undefined || String(input.delivery).trim() === '' ? null : readAmount(input.delivery, settings.currency);
  const deliveryMinor = typed === null ? 0 : typed.ok ? typed.minor : undefined;
  if (typed && !typed.ok) problems.push(describeAmountProblem(typed, lang, settings.currency));
  else if (deliveryMinor === undefined || deliveryMinor < 0)
    problems.push(t(lang, 'round.deliveryInvalid', { value: String(input.delivery) }));
  const fee =
    input.feePercent === undefined || input.feePercent === ''
      ? settings.feeBasisPoints / 100
      : Number(String(input.feePercent).replace(',', '.'));
  if (!Number.isFinite(fee) || fee < 0 || fee > 100)
    problems.push(t(lang, 'round.feeInvalid', { value: String(input.feePercent) }));
  const split = input.deliverySplit ?? settings.deliverySplit;
  if (!['equal', 'byValue', 'byQuantity'].includes(split)) problems.push(t(lang, 'round.splitInvalid'));
  if (problems.length) throw new UserError(problems.join('\n'));
  return {
    title,
    state: 'draft',
    deadline,
    pickupTime: String(input.pickupTime ?? '').trim(),
    pickupPoints: (input.pickupPoints ?? []).map((p) => String(p).trim()).filter(Boolean),
    itemIds,
    deliveryMinor: deliveryMinor as number,
    deliverySplit: split,
    feeBasisPoints: Math.round(fee * 100),
    rounding: settings.rounding,
    currency: settings.currency,
    formId: '',
    formUrl: '',
    formEditUrl: '',
    responseSheetId: null,
    createdBy: ctx.me,
  };
}

/** Creates a round in draft from catalog items; checks every field and reports all problems at once. */
export function createRound(input: NewRoundInput): RoundView {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const request = input.requestId ? KEYS.createdRound(input.requestId) : null;
    const earlier = request ? ctx.store.get(request) : null;
    const rounds = readRounds(ctx.book);
    const done = earlier ? rounds.find((r) => r.id === earlier) : undefined;
    if (done) return toView(done);
    const record: RoundRecord = { ...checkNewRound(ctx, input), id: `R${rounds.length + 1}`, sheetRow: 0 };
    while (rounds.some((r) => r.id === record.id)) record.id = `R${Number(record.id.slice(1)) + 1}`;
    const saved = writeRound(ctx.book, record, ctx.now);
    if (request) ctx.store.set(request, saved.id);
    return toView(saved);
  });
}

/** The round's items from the catalog, refusing when a row it uses has a problem. */
function roundItems(ctx: ActionContext, record: RoundRecord): CatalogItem[] {
  const catalog = readCatalog(ctx.book, ctx.settings, ctx.lang);
  const bad = catalog.problems.filter((p) => record.itemIds.includes(p.itemId));
  if (bad.length)
    throw new UserError([t(ctx.lang, 'round.catalogProblems'), ...bad.map((p) => `${p.cell}: ${p.message}`)].join('\n'));
  const items = record.itemIds.map((id) => catalog.items.get(id)).filter((i): i is CatalogItem => !!i);
  if (items.length !== record.itemIds.length)
    fail(ctx.lang, 'round.itemUnknown', {
      id: listOf(
        record.itemIds.filter((id) => !catalog.items.has(id)),
        ctx.lang,
      ),
    });
  return items;
}

/**
 * Everyone who must be able to open a round's form besides its creator: the coordinators in the
 * Volunteers sheet, the spreadsheet's owner and the account the triggers run as (the form-submit trigger
 * reads responses from the form, the tick closes it). See roundForm.ts share().
 */
export function formEditors(ctx: ActionContext): string[] {
  const coordinators = readVolunteers(ctx.book)
    .filter((v) => v.role === 'coordinator')
    .map((v) => v.email);
  const all = [spreadsheetOwner(ctx.book), ctx.store.get(KEYS.triggerOwner) ?? '', ...coordinators];
  const seen = new Set([ctx.me.trim().toLowerCase()]);
  return all
    .map((e) => e.trim())
    .filter((e) => /^[^\s@]+@[^\s@]+$/.test(e) && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()));
}

/** What did not go as asked when a round's form was built, in the Log for the coordinator (and Check set-up). */
function logFormProblems(ctx: ActionContext, record: RoundRecord, built: BuiltForm): string[] {
  const round = record.title;
  const problems = [
    ...(built.accepting ? [] : [t(ctx.lang, 'form.notAccepting', { round })]),
    ...(built.notLinked ? [t(ctx.lang, 'form.notLinked', { round, error: built.notLinked })] : []),
    ...built.notShared.map((n) => t(ctx.lang, 'form.notShared', { round, email: n.email, error: n.error })),
  ];
  for (const problem of problems)
    logEntry(ctx.book, { round: record.id, source: 'form', who: ctx.me, severity: 'warning', problem }, ctx.now);
  return problems;
}

/** A word in the Settings sheet's languages row that is no language: the form is made without it, and the coordinator told. */
function languageWarnings(ctx: ActionContext): string[] {
  const choices = listOf(wordChoices(LANG_WORDS, ctx.lang), ctx.lang);
  return ctx.settings.unknownLanguages.map((value) =>
    t(ctx.lang, 'ui.labelled', {
      label: t(ctx.lang, 'settingName.languages'),
      value: t(ctx.lang, 'settings.languagesInvalid', { value, choices }),
    }),
  );
}

/** A form that could not be opened is logged (and shown by Check set-up); the round's step goes on. */
export function logFormOutcome(
  ctx: ActionContext,
  record: RoundRecord,
  outcome: FormOutcome,
  key: 'round.formNotClosed' | 'round.formNotReopened',
): string {
  if (outcome.ok) return '';
  const problem = t(ctx.lang, key, { round: record.title, error: outcome.error });
  logEntry(ctx.book, { round: record.id, source: 'form', who: ctx.me, severity: 'warning', problem }, ctx.now);
  return problem;
}

/**
 * Opens a draft round: freezes its items (prices cannot change under residents), creates its Google
 * Form linked to this spreadsheet, and starts taking orders. Opening an open round rebuilds its form.
 */
export function openRound(roundId: string): RoundView {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const { lang, settings, book } = ctx;
    const record = findRound(ctx, roundId);
    if (!canOpen(record.state)) fail(lang, 'round.cannotOpen', { state: stateLabel(record.state, lang) });
    if (record.deadline <= ctx.now.getTime()) fail(lang, 'round.deadlinePast');
    const items = roundItems(ctx, record);
    const places = readPlaces(book);
    const pickupPoints = record.pickupPoints.length ? record.pickupPoints : places.pickup;
    const timeZone = book.timeZone();
    const formLang = settings.defaultLang;
    // Its own sheets first: at the spreadsheet's 10 million cells this is where it stops, before any form.
    createRoundSheets(book, record);
    // The community's complaint form and this round's link to it, for its bills and "arrived" emails; made
    // before the round's form, so the round's stays the newest form (the playground shows the newest).
    roundComplaintLink(ctx, record, items, formLang);
    const built = buildRoundForm(
      {
        round: { ...record, pickupPoints },
        items,
        buildings: places.building,
        pickupPoints,
        lang: formLang,
        langs: settings.languages,
        rules: settings.chatRules,
        timeZone,
      },
      record.formId,
      formEditors(ctx),
    );
    if (isCellLimit(built.notLinked)) {
      // The form exists but has no response sheet: kept on the draft, so opening again links this one.
      writeRound(book, { ...record, formId: built.formId, formUrl: built.formUrl, formEditUrl: built.formEditUrl }, ctx.now);
      fail(lang, 'limits.cells');
    }
    const opened: RoundRecord = {
      ...record,
      pickupPoints,
      state: 'open',
      formId: built.formId,
      formUrl: built.formUrl,
      formEditUrl: built.formEditUrl,
      responseSheetId: built.responseSheetId ?? record.responseSheetId,
    };
    writeRound(book, opened, ctx.now);
    const snapshot: RoundSnapshot = {
      round: opened,
      items,
      buildings: places.building,
      pickupPoints,
      defaultLang: formLang,
      timeZone,
      formId: built.formId,
      formUrl: built.formUrl,
      responseSheetId: opened.responseSheetId,
      questions: built.questions,
    };
    cacheSnapshot(ctx.store, snapshot);
    ctx.store.set(KEYS.mailSettings, {
      paymentInstructions: settings.paymentInstructions,
      chatRules: settings.chatRules,
      replyTo: settings.replyTo,
    });
    // The round's new sheets (and its form's response sheet) get their protections like the others.
    protectCommunity(ctx);
    markTabsStale(ctx);
    const problems = [...languageWarnings(ctx), ...logFormProblems(ctx, opened, built)];
    return { ...toView(opened), ...(problems.length ? { warning: problems.join('\n') } : {}) };
  });
}

/**
 * Moves the stop; a round closed by its deadline reopens and its form takes responses again. Reopening
 * a closed round asks first: everyone billed will get a revised bill when it closes again.
 */
export function extendDeadline(roundId: string, deadlineIso: string, confirm?: string): RoundView | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const { lang } = ctx;
    const record = findRound(ctx, roundId);
    const deadline = Date.parse(String(deadlineIso));
    if (!Number.isFinite(deadline)) fail(lang, 'round.deadlineInvalid');
    if (deadline <= ctx.now.getTime()) fail(lang, 'round.deadlinePast');
    if (!canMoveDeadline(record.state)) fail(lang, 'round.cannotOpen', { state: stateLabel(record.state, lang) });
    if (record.state === 'closed') {
      const billed = ctx.store.get(KEYS.closed(roundId))?.participants ?? 0;
      const token = confirmationToken('reopen', roundId, [billed, deadline]);
      const until = formatDateTime(deadline, ctx.book.timeZone(), lang);
      if (confirm !== token)
        return asks(t(lang, 'confirm.reopen', { round: record.title, deadline: until, count: billed }), token);
    }
    markTabsStale(ctx);
    const updated = saveRound(ctx.book, ctx.store, { ...record, deadline, state: 'open' }, ctx.now);
    // Reopened after closing: the next close tallies again and bills under a new revision.
    ctx.store.delete(KEYS.closed(roundId));
    const warning = logFormOutcome(
      ctx,
      record,
      setFormAccepting(record.formId, true, ctx.settings.languages),
      'round.formNotReopened',
    );
    return { ...toView(updated), ...(warning ? { warning } : {}) };
  });
}

/**
 * Cancels a round: its form stops taking orders, everyone who ordered is told why, the reason goes to the
 * Log. It cannot be undone, so it needs a reason and asks first, saying how many people will be told.
 */
export function cancelRound(roundId: string, reason: string, confirm?: string): RoundView | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const { lang } = ctx;
    const why = String(reason ?? '').trim();
    const record = findRound(ctx, roundId);
    if (!canTransition(record.state, 'cancelled')) fail(lang, 'round.cannotCancel', { state: stateLabel(record.state, lang) });
    if (!why) fail(lang, 'round.cancelNeedsReason');
    const snapshot = snapshotOf(ctx.store, roundId);
    const emails = snapshot ? cancellationEmails(ctx, snapshot, why) : [];
    const token = confirmationToken('cancel', roundId, [emails.length, why]);
    if (confirm !== token) return asks(t(lang, 'confirm.cancel', { round: record.title, count: emails.length }), token);
    const updated = saveRound(ctx.book, ctx.store, { ...record, state: 'cancelled' }, ctx.now);
    // Credit a closed round's bills had used is given back, so the person's next round can use it.
    const back = creditToReturn(roundId, readJournal(ctx.book, record.currency));
    if (back.length)
      appendJournal(
        ctx.book,
        back.map((e) => ({ ...e, at: ctx.now.getTime(), recordedBy: ctx.me, who: '' })),
        record.currency,
      );
    if (emails.length) queueEmails(ctx.book, ctx.store, emails, ctx.now);
    markTabsStale(ctx);
    const warning = logFormOutcome(
      ctx,
      record,
      setFormAccepting(record.formId, false, ctx.settings.languages),
      'round.formNotClosed',
    );
    const problem = t(lang, 'round.cancelledBecause', { reason: why });
    logEntry(ctx.book, { round: roundId, source: 'sidebar', who: ctx.me, severity: 'info', problem }, ctx.now);
    return { ...toView(updated), ...(warning ? { warning } : {}) };
  });
}

/** "The round is cancelled, and why": one email to each person who ordered (or a NO_EMAIL row for their volunteer). */
function cancellationEmails(ctx: ActionContext, snapshot: RoundSnapshot, reason: string): OutgoingEmail[] {
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  const round = snapshot.round;
  const facts = roundFacts(round, snapshot.timeZone, ctx.settings);
  return readRoundOrders(ctx.book, round.id, items, ctx.store)
    .filter((o) => o.order.lines.length > 0)
    .map((o) => {
      const who = o.order.participant;
      const rendered = renderEmail({ kind: 'cancelled', name: who.name, reason, items: [] }, facts, who.lang);
      return outgoingEmail(
        round.id,
        { kind: 'cancelled', orderKey: o.order.key, roundCancelled: true },
        { orderKey: o.order.key, to: who.email ?? '', lang: who.lang },
        rendered,
      );
    });
}
