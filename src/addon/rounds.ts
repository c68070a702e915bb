import { Lang } from '../core/i18n/lang';
import { MessageKey, t } from '../core/i18n/translate';
import { currency, parseAmount } from '../core/money';
import { DeliverySplit, RoundState, canTransition } from '../core/round';
import { readCatalog, readPlaces } from '../workspace/community';
import { ACTION_LOCK_WAIT_MS, withScriptLock } from '../workspace/lock';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { buildRoundForm, setFormAccepting } from '../workspace/roundForm';
import { RoundRecord, RoundSnapshot, cacheSnapshot, readRounds, snapshotOf, writeRound } from '../workspace/rounds';
import { userLang } from '../workspace/session';
import { ActionContext, UserError, actionContext } from './context';
import { logEntry } from '../workspace/log';
import { Book } from '../workspace/sheets/book';
import { OutgoingEmail, queueEmails } from '../workspace/outbox';
import { readRoundOrders } from '../workspace/orders';
import { renderEmail } from '../core/emails';
import { createRoundSheets } from '../workspace/results';

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

/** Runs a coordinator's action under the script lock; a busy lock is a clear message, not a stack trace. */
export function locked<T>(fn: (ctx: ActionContext) => T): T {
  const lang = userLang();
  const result = withScriptLock(ACTION_LOCK_WAIT_MS, () => fn(actionContext()));
  if (!result.ok) throw new UserError(t(lang, 'error.busy'));
  return result.value;
}

function fail(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): never {
  throw new UserError(t(lang, key, params));
}

function findRound(ctx: ActionContext, roundId: string): RoundRecord {
  const round = readRounds(ctx.book).find((r) => r.id === roundId);
  return round ?? fail(ctx.lang, 'round.notFound', { id: roundId });
}

/** Creates a round in draft from catalog items; checks every field and reports all problems at once. */
export function createRound(input: NewRoundInput): RoundView {
  return locked((ctx) => {
    const request = input.requestId ? KEYS.createdRound(input.requestId) : null;
    const earlier = request ? ctx.store.get(request) : null;
    const rounds = readRounds(ctx.book);
    if (earlier) {
      const done = rounds.find((r) => r.id === earlier);
      if (done) return toView(done);
    }
    const { lang, settings } = ctx;
    const problems: string[] = [];
    const title = String(input.title ?? '').trim();
    if (!title) problems.push(t(lang, 'round.titleMissing'));
    const deadline = Date.parse(String(input.deadline ?? ''));
    if (!Number.isFinite(deadline)) problems.push(t(lang, 'round.deadlineInvalid'));
    else if (deadline <= ctx.now.getTime()) problems.push(t(lang, 'round.deadlinePast'));
    const catalog = readCatalog(ctx.book, settings, lang);
    const itemIds = [...new Set((input.itemIds ?? []).map(String))];
    if (itemIds.length === 0) problems.push(t(lang, 'round.noItems'));
    for (const id of itemIds) {
      if (catalog.items.has(id)) continue;
      const cells = catalog.problems.filter((p) => p.itemId === id);
      // A row with a bad cell is named cell by cell, so the coordinator knows what to fix.
      if (cells.length) problems.push(...cells.map((p) => `${p.cell}: ${p.message}`));
      else problems.push(t(lang, 'round.itemUnknown', { id }));
    }
    const exponent = currency(settings.currency)?.exponent ?? 2;
    const deliveryMinor = input.delivery === undefined || input.delivery === '' ? 0 : parseAmount(input.delivery, exponent);
    if (deliveryMinor === undefined || deliveryMinor < 0)
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

    const record: RoundRecord = {
      id: `R${rounds.length + 1}`,
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
      sheetRow: 0,
    };
    while (rounds.some((r) => r.id === record.id)) record.id = `R${Number(record.id.slice(1)) + 1}`;
    const saved = writeRound(ctx.book, record, ctx.now);
    if (request) ctx.store.set(request, saved.id);
    return toView(saved);
  });
}

/**
 * Opens a draft round: freezes its items (prices cannot change under residents), creates its Google
 * Form linked to this spreadsheet, and starts taking orders. Opening an open round rebuilds its form.
 */
export function openRound(roundId: string): RoundView {
  return locked((ctx) => {
    const { lang, settings, book } = ctx;
    const record = findRound(ctx, roundId);
    if (record.state !== 'draft' && record.state !== 'open')
      fail(lang, 'round.cannotOpen', { state: t(lang, `state.${record.state}` as MessageKey) });
    if (record.deadline <= ctx.now.getTime()) fail(lang, 'round.deadlinePast');
    const catalog = readCatalog(book, settings, lang);
    const bad = catalog.problems.filter((p) => record.itemIds.includes(p.itemId));
    if (bad.length)
      throw new UserError([t(lang, 'round.catalogProblems'), ...bad.map((p) => `${p.cell}: ${p.message}`)].join('\n'));
    const items = record.itemIds.map((id) => catalog.items.get(id)).filter((i): i is NonNullable<typeof i> => !!i);
    if (items.length !== record.itemIds.length)
      fail(lang, 'round.itemUnknown', { id: record.itemIds.filter((id) => !catalog.items.has(id)).join(', ') });
    const places = readPlaces(book);
    const pickupPoints = record.pickupPoints.length ? record.pickupPoints : places.pickup;
    const timeZone = book.timeZone();
    const formLang = settings.defaultLang;
    const built = buildRoundForm(
      { round: { ...record, pickupPoints }, items, buildings: places.building, pickupPoints, lang: formLang, timeZone },
      record.formId,
    );
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
    ctx.store.set(KEYS.mailSettings, { paymentInstructions: settings.paymentInstructions, replyTo: settings.replyTo });
    createRoundSheets(book, opened);
    return toView(opened);
  });
}

/** Moves the stop; a round closed by its deadline reopens and its form takes responses again. */
export function extendDeadline(roundId: string, deadlineIso: string): RoundView {
  return locked((ctx) => {
    const { lang } = ctx;
    const record = findRound(ctx, roundId);
    const deadline = Date.parse(String(deadlineIso));
    if (!Number.isFinite(deadline)) fail(lang, 'round.deadlineInvalid');
    if (deadline <= ctx.now.getTime()) fail(lang, 'round.deadlinePast');
    if (record.state !== 'open' && !(record.state === 'closed' && canTransition('closed', 'open'))) {
      fail(lang, 'round.cannotOpen', { state: t(lang, `state.${record.state}` as MessageKey) });
    }
    const updated: RoundRecord = { ...record, deadline, state: 'open' };
    writeRound(ctx.book, updated, ctx.now);
    // Reopened after closing: the next close tallies again and bills under a new revision.
    ctx.store.delete(KEYS.closed(roundId));
    const snapshot = snapshotOf(ctx.store, roundId);
    if (snapshot) cacheSnapshot(ctx.store, { ...snapshot, round: { ...snapshot.round, deadline, state: 'open' } });
    setFormAccepting(record.formId, true, ctx.settings.defaultLang);
    return toView(updated);
  });
}

/** Cancels a round: its form stops taking orders, everyone who ordered is told why, the reason goes to the Log. */
export function cancelRound(roundId: string, reason: string): RoundView {
  return locked((ctx) => {
    const { lang } = ctx;
    const record = findRound(ctx, roundId);
    if (!canTransition(record.state, 'cancelled'))
      fail(lang, 'round.cannotCancel', { state: t(lang, `state.${record.state}` as MessageKey) });
    const updated: RoundRecord = { ...record, state: 'cancelled' };
    writeRound(ctx.book, updated, ctx.now);
    const snapshot = snapshotOf(ctx.store, roundId);
    if (snapshot) {
      cacheSnapshot(ctx.store, { ...snapshot, round: { ...snapshot.round, state: 'cancelled' } });
      queueEmails(ctx.book, ctx.store, cancellationEmails(ctx, snapshot, String(reason ?? '').trim()), ctx.now);
    }
    setFormAccepting(record.formId, false, ctx.settings.defaultLang);
    logEntry(
      ctx.book,
      {
        round: roundId,
        source: 'sidebar',
        who: ctx.me,
        severity: 'info',
        problem: t(lang, 'round.cancelledBecause', { reason: String(reason ?? '').trim() }),
      },
      ctx.now,
    );
    return toView(updated);
  });
}

/** Every round, newest first, for the sidebar's Rounds screen. */
export function listRounds(): RoundView[] {
  return readRounds(Book.open(DocumentStore.open())).map(toView).reverse();
}

/** "The round is cancelled, and why": one email to each person who ordered (or a NO_EMAIL row for their volunteer). */
function cancellationEmails(ctx: ActionContext, snapshot: RoundSnapshot, reason: string): OutgoingEmail[] {
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  const round = snapshot.round;
  return readRoundOrders(ctx.book, round.id, items, ctx.store)
    .filter((o) => o.order.lines.length > 0)
    .map((o) => {
      const who = o.order.participant;
      const r = renderEmail(
        { kind: 'cancelled', name: who.name, reason, items: [] },
        {
          title: round.title,
          currency: round.currency,
          timeZone: snapshot.timeZone,
          deadline: round.deadline,
          pickupTime: round.pickupTime,
          pickupPlace: round.pickupPoints.join(', '),
          paymentInstructions: ctx.settings.paymentInstructions,
        },
        who.lang,
      );
      return {
        key: `${round.id}|${o.order.key}|cancelled|round`,
        round: round.id,
        orderKey: o.order.key,
        kind: 'cancelled',
        to: who.email ?? '',
        lang: who.lang,
        subject: r.subject,
        body: r.text,
        html: r.html,
      };
    });
}
