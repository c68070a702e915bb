import { t } from '../core/i18n/translate';
import { emailKey } from '../core/outgoing';
import { reminderSlots } from '../core/reminders';
import { Member, readMembers, spreadsheetId } from '../workspace/community';
import { KEYS, USER_KEYS } from '../workspace/properties/keys';
import { UserStore } from '../workspace/properties/store';
import { setFormAccepting } from '../workspace/roundForm';
import { RoundSnapshot, roundSnapshots } from '../workspace/rounds';
import {
  PlannedRecipient,
  PlannedRound,
  TickPlan,
  dropPlan,
  mailNow,
  mailQuotaLeft,
  readLog,
  readPlan,
  saveLog,
  savePlan,
} from '../workspace/tickPlan';
import { ActionContext } from './action';
import { boxNews, reminderFacts, reminderRecipients, renderReminder } from './remind';
import { loadRound } from './roundData';
import { senderName } from './sendEmails';

/** Reminders go out this many at a time, each chunk logged before it is sent. */
const CHUNK = 20;
/** A plan older than this is made again at the owner's next execution with the file. */
const PLAN_FRESH_MS = 3600_000;

/** The community's tick, if this account owns it and it has been seen running without the file (or not yet). */
function ownTickId(ctx: ActionContext): string | null {
  if (ctx.store.get(KEYS.triggerOwner) !== ctx.me) return null;
  return ctx.store.get(KEYS.triggerId('onTick_'));
}

/** The open rounds' stops, so a plan made before a round opened, moved or closed is made again. */
function roundsSignature(ctx: ActionContext): string {
  return roundSnapshots(ctx.store)
    .filter((s) => s.round.state === 'open')
    .map((s) => `${s.round.id}@${s.round.deadline}`)
    .sort()
    .join(',');
}

function planSignature(plan: TickPlan): string {
  return plan.rounds
    .map((r) => `${r.id}@${r.deadline}`)
    .sort()
    .join(',');
}

/**
 * One open round as the tick without a file needs it. Who its reminders go to costs sheet reads (Members,
 * the round's orders), so it is worked out again only when the plan is made afresh (hourly) or the round
 * is new to it; a stop moved or a round closed changes the plan without a read. A round nobody has ordered
 * in yet has no rows to read.
 */
function plannedRound(
  ctx: ActionContext,
  snapshot: RoundSnapshot,
  members: () => Member[],
  previous: PlannedRound | undefined,
  afresh: boolean,
): PlannedRound {
  const facts = reminderFacts(ctx, snapshot);
  const base = { id: snapshot.round.id, formId: snapshot.formId, deadline: snapshot.round.deadline, facts };
  if (previous && !afresh) return { ...previous, ...base };
  const since = previous?.since ?? ctx.now.getTime();
  if (!ctx.store.get(KEYS.orderSpan(snapshot.round.id)))
    return { ...base, since, news: [], recipients: reminderRecipients(ctx, [], snapshot.formUrl, members()) };
  const data = loadRound(ctx, snapshot.round.id);
  return { ...base, since, news: boxNews(data), recipients: reminderRecipients(ctx, data.orders, snapshot.formUrl, members()) };
}

/** The plan as it stands now: every open round with its form, its stop and who its reminders go to. */
function makePlan(ctx: ActionContext, previous: TickPlan | null, afresh: boolean): TickPlan {
  let members: Member[] | null = null;
  const readOnce = () => (members ??= readMembers(ctx.book, ctx.settings.defaultLang));
  const rounds = roundSnapshots(ctx.store)
    .filter((s) => s.round.state === 'open')
    .map((s) =>
      plannedRound(
        ctx,
        s,
        readOnce,
        previous?.rounds.find((r) => r.id === s.round.id),
        afresh,
      ),
    );
  return {
    spreadsheetId: spreadsheetId(ctx.book),
    owner: ctx.me,
    lang: ctx.settings.defaultLang,
    langs: ctx.settings.languages,
    offsets: ctx.settings.reminderOffsetsHours,
    remindOrdered: ctx.settings.remindOrdered,
    senderName: senderName(ctx),
    replyTo: ctx.settings.replyTo,
    rounds,
    madeAt: afresh || !previous ? ctx.now.getTime() : previous.madeAt,
  };
}

/**
 * Run by every execution of the triggers' owner that has the file (their sidebar visits, every form
 * submission): takes in what the tick did without the file (when it ran, what went wrong), and leaves it
 * an up-to-date plan. Once the tick has been seen running with its file (a bound script, or Google giving
 * add-on clock runs their file after all) there is nothing to plan.
 */
export function syncTickPlan(ctx: ActionContext): void {
  const tickId = ownTickId(ctx);
  if (!tickId) return;
  const users = UserStore.open();
  if (users.get(USER_KEYS.me) !== ctx.me) users.set(USER_KEYS.me, ctx.me);
  const log = readLog(users, tickId);
  const seen = ctx.store.get(KEYS.tickSeen);
  if (log.ranAt > (seen?.at ?? 0)) ctx.store.set(KEYS.tickSeen, { at: log.ranAt, withFile: false, learnt: ctx.now.getTime() });
  const refused = users.get(USER_KEYS.mailRefused);
  if (refused) ctx.store.set(KEYS.mailProblem, refused);
  if (log.problems.length) {
    ctx.store.set(KEYS.triggerProblem, {
      at: new Date(log.ranAt).toISOString(),
      handler: 'onTick_',
      user: ctx.me,
      error: log.problems.join('\n'),
    });
    saveLog(users, tickId, { ...log, problems: [] });
  }
  if (ctx.store.get(KEYS.tickSeen)?.withFile) {
    if (readPlan(users, tickId)) dropPlan(users, tickId);
    return;
  }
  const plan = readPlan(users, tickId);
  const afresh = !plan || ctx.now.getTime() - plan.madeAt > PLAN_FRESH_MS;
  if (afresh || planSignature(plan) !== roundsSignature(ctx)) savePlan(users, tickId, makePlan(ctx, plan, afresh));
}

/**
 * A resident just ordered: the tick without a file must not remind them that they have not, and, when the
 * coordinator asked for it, reminds them instead that they can still change their order (their edit link).
 */
export function notePlannedOrder(ctx: ActionContext, roundId: string, who: PlannedRecipient): void {
  const tickId = ownTickId(ctx);
  if (!tickId || !who.email || ctx.store.get(KEYS.tickSeen)?.withFile) return;
  const users = UserStore.open();
  const plan = readPlan(users, tickId);
  const round = plan?.rounds.find((r) => r.id === roundId);
  if (!plan || !round) return;
  const before = JSON.stringify(round.recipients);
  round.recipients = round.recipients.filter((r) => r.email !== who.email && r.orderKey !== who.orderKey);
  if (plan.remindOrdered && who.hasOrdered) round.recipients.push(who);
  if (JSON.stringify(round.recipients) !== before) savePlan(users, tickId, plan);
}

/** The reminder slot due now for a planned round: the latest one passed, never one it opened after, never after the stop. */
function slotDue(round: PlannedRound, offsets: number[], now: number): number | null {
  if (now >= round.deadline) return null;
  const due = reminderSlots(round.deadline, offsets).filter((s) => s.at <= now && s.at > round.since);
  return due.length ? due[due.length - 1].offsetHours : null;
}

function errorText(err: unknown): string {
  return typeof (err as Error)?.message === 'string' ? (err as Error).message : String(err);
}

/**
 * The hourly tick with no spreadsheet open: closes the forms of rounds whose stop has passed (the tally and
 * the bills wait for the next execution that has the file) and sends the reminders that are due, each at most
 * once (its key is logged before it goes), within today's mail quota; what the quota leaves is tried again
 * next hour until the stop.
 */
export function runTickPlan(users: UserStore, tickId: string, now: number): void {
  const plan = readPlan(users, tickId);
  const log = readLog(users, tickId);
  log.ranAt = now;
  if (!plan) {
    saveLog(users, tickId, log);
    return;
  }
  const sent = new Set(log.sent);
  for (const round of plan.rounds) {
    if (now >= round.deadline && !log.closedForms.includes(round.id)) {
      const closed = setFormAccepting(round.formId, false, plan.langs ?? plan.lang);
      if (closed.ok) log.closedForms.push(round.id);
      else log.problems.push(t(plan.lang, 'round.formNotClosed', { round: round.facts.title, error: closed.error }));
    }
    const hours = slotDue(round, plan.offsets, now);
    if (hours === null) continue;
    const due = round.recipients
      .map((who) => ({ who, key: emailKey(round.id, { kind: 'reminder', email: who.email, hoursBefore: hours }) }))
      .filter((d) => !sent.has(d.key));
    while (due.length) {
      const chunk = due.splice(0, Math.min(CHUNK, mailQuotaLeft()));
      if (!chunk.length) break;
      // Logged before they go: a run killed mid-chunk never sends one twice (at most once, as the outbox).
      for (const d of chunk) sent.add(d.key);
      saveLog(users, tickId, { ...log, sent: [...sent] });
      try {
        for (const d of chunk)
          mailNow(renderReminder(round.id, round.facts, round.news, hours, d.who), plan.replyTo, plan.senderName);
      } catch (err) {
        log.problems.push(errorText(err));
        break;
      }
    }
  }
  // Keys of rounds no longer planned are not needed any more: the store stays small.
  const planned = new Set(plan.rounds.map((r) => r.id));
  log.sent = [...sent].filter((k) => planned.has(k.split('|')[0]));
  log.closedForms = log.closedForms.filter((id) => planned.has(id));
  saveLog(users, tickId, log);
}
