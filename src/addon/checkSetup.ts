import { formatDateTime, formatNumber, listOf } from '../core/i18n/format';
import { Lang } from '../core/i18n/lang';
import { MessageKey, t } from '../core/i18n/translate';
import { outboxSummary } from '../workspace/outbox';
import { KEYS, USER_KEYS } from '../workspace/properties/keys';
import { UserStore } from '../workspace/properties/store';
import { formState } from '../workspace/roundForm';
import { roundSnapshots } from '../workspace/rounds';
import { DECLARED_SCOPES, grantedScopes, reauthorizationUrl } from '../workspace/session';
import { CELL_LIMIT, cellsUsed } from '../workspace/sheets/setup';
import { mailQuotaLeft, readLog } from '../workspace/tickPlan';
import { TRIGGERS, myTriggers, takeOverTriggers as takeOver } from '../workspace/triggers';
import { ActionContext, locked, reading, requireAccess, requireMember } from './action';
import { showSidebar } from './dialogs';

/**
 * "Check set-up": what the emulator can only assume, verified on the real account and said in plain words
 * with what to fix — the permissions granted, the triggers and who runs them, when the hourly check last
 * ran, each open round's form, today's email quota, and the property store and cells against Google's
 * limits. From the menu, at set-up, and in the sidebar (which also warns when the hourly check is late).
 */

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';
export type CheckId = 'scopes' | 'triggers' | 'tick' | 'form' | 'mail' | 'store' | 'cells';

export interface CheckLine {
  id: CheckId;
  status: CheckStatus;
  title: string;
  text: string;
}

export interface SetupCheck {
  lines: CheckLine[];
  /** The hourly check has not run for over two hours. */
  tickLate: boolean;
  /** This coordinator may take the triggers over (they run as someone else, or not at all). */
  canTakeOver: boolean;
  /** Where to authorize the add-on again, when Google says it must be. */
  authorizeUrl: string;
}

/** The hourly check is late once it has missed two of its hourly runs. */
const LATE_MS = 2 * 3600_000;
const STORE_LIMIT_BYTES = 500 * 1024;

const SCOPE_NAMES: Record<string, MessageKey> = {
  'https://www.googleapis.com/auth/spreadsheets.currentonly': 'check.scope.sheet',
  'https://www.googleapis.com/auth/forms': 'check.scope.forms',
  'https://www.googleapis.com/auth/script.container.ui': 'check.scope.panels',
  'https://www.googleapis.com/auth/script.scriptapp': 'check.scope.triggers',
  'https://www.googleapis.com/auth/script.send_mail': 'check.scope.mail',
  'https://www.googleapis.com/auth/userinfo.email': 'check.scope.email',
};

const TRIGGER_NAMES: Record<string, MessageKey> = {
  onFormSubmit_: 'check.trigger.form',
  onTick_: 'check.trigger.tick',
};

const line = (id: CheckId, status: CheckStatus, title: string, text: string): CheckLine => ({ id, status, title, text });

function scopesLine(lang: Lang): { line: CheckLine; url: string } {
  const title = t(lang, 'check.scopes.title');
  const url = reauthorizationUrl();
  const granted = new Set(grantedScopes());
  const missing = DECLARED_SCOPES.filter((s) => !granted.has(s)).map((s) => t(lang, SCOPE_NAMES[s] ?? 'check.scope.other'));
  if (url === null && !missing.length) return { line: line('scopes', 'ok', title, t(lang, 'check.scopes.ok')), url: '' };
  const text = t(lang, 'check.scopes.missing', { which: listOf(missing, lang) || '—', url: url ?? '' });
  return { line: line('scopes', 'fail', title, text), url: url ?? '' };
}

function triggersLine(ctx: ActionContext): CheckLine {
  const { lang, store } = ctx;
  const title = t(lang, 'check.triggers.title');
  const owner = store.get(KEYS.triggerOwner);
  const refused = store.get(KEYS.triggerProblem);
  const why = refused ? `\n${t(lang, 'check.triggers.refused', { error: refused.error })}` : '';
  if (!owner) return line('triggers', 'fail', title, t(lang, 'check.triggers.none') + why);
  if (owner !== ctx.me)
    return line('triggers', refused ? 'warn' : 'unknown', title, t(lang, 'check.triggers.other', { owner }) + why);
  const mine = new Set(myTriggers().map((x) => x.id));
  const missing = TRIGGERS.filter((s) => !mine.has(store.get(KEYS.triggerId(s.handler)) ?? '')).map((s) =>
    t(lang, TRIGGER_NAMES[s.handler] ?? 'check.trigger.other'),
  );
  if (missing.length)
    return line('triggers', 'fail', title, t(lang, 'check.triggers.missing', { which: listOf(missing, lang) }) + why);
  return line('triggers', refused ? 'warn' : 'ok', title, t(lang, 'check.triggers.ok', { owner }) + why);
}

/** When the hourly check last ran, as this account can know it: exactly for its owner, as last learnt otherwise. */
function lastTick(ctx: ActionContext): { at: number; withFile: boolean } | null {
  const seen = ctx.store.get(KEYS.tickSeen);
  let at = seen?.at ?? ctx.store.get(KEYS.lastTick) ?? 0;
  let withFile = seen?.withFile ?? at > 0;
  const tickId = ctx.store.get(KEYS.triggerId('onTick_'));
  if (tickId && ctx.store.get(KEYS.triggerOwner) === ctx.me) {
    const ranAt = readLog(UserStore.open(), tickId).ranAt;
    if (ranAt > at) [at, withFile] = [ranAt, false];
  }
  return at ? { at, withFile } : null;
}

function tickLine(ctx: ActionContext): { line: CheckLine; late: boolean } {
  const { lang } = ctx;
  const title = t(lang, 'check.tick.title');
  const last = lastTick(ctx);
  const owner = ctx.store.get(KEYS.triggerOwner) ?? '';
  if (!last) return { line: line('tick', 'unknown', title, t(lang, 'check.tick.never')), late: false };
  const when = formatDateTime(last.at, ctx.book.timeZone(), lang);
  const hours = Math.floor((ctx.now.getTime() - last.at) / 3600_000);
  if (ctx.now.getTime() - last.at > LATE_MS)
    return { line: line('tick', 'warn', title, t(lang, 'check.tick.late', { count: hours, when, owner })), late: true };
  return {
    line: line('tick', 'ok', title, t(lang, last.withFile ? 'check.tick.ran' : 'check.tick.ranNoFile', { when })),
    late: false,
  };
}

function formLines(ctx: ActionContext): CheckLine[] {
  const { lang } = ctx;
  return roundSnapshots(ctx.store)
    .filter((s) => s.round.state === 'open' && s.formId)
    .map((s) => {
      const title = t(lang, 'check.form.title', { round: s.round.title });
      const state = formState(s.formId);
      if (!state.open) return line('form', 'fail', title, t(lang, 'check.form.noAccess', { error: state.error }));
      const problems: string[] = [];
      if (!state.published) problems.push(t(lang, 'check.form.notPublished'));
      else if (!state.accepting && s.round.deadline > ctx.now.getTime()) problems.push(t(lang, 'check.form.notAccepting'));
      if (!state.linked) problems.push(t(lang, 'check.form.notLinked'));
      return problems.length
        ? line('form', 'fail', title, problems.join('\n'))
        : line('form', 'ok', title, t(lang, 'check.form.ok'));
    });
}

function mailLine(ctx: ActionContext): CheckLine {
  const { lang } = ctx;
  const title = t(lang, 'check.mail.title');
  const quota = mailQuotaLeft();
  const waiting = outboxSummary(ctx.book, ctx.store).counts.QUEUED;
  const counts = [t(lang, 'ui.emails.quota', { count: quota }), t(lang, 'check.mail.waiting', { count: waiting })].join(
    t(lang, 'check.and'),
  );
  const refused = ctx.store.get(KEYS.mailProblem);
  if (refused) {
    const when = formatDateTime(Date.parse(refused.at), ctx.book.timeZone(), lang);
    return line('mail', 'fail', title, `${t(lang, 'check.mail.refused', { when, error: refused.error })}\n${counts}`);
  }
  if (quota < 1 && waiting > 0) return line('mail', 'warn', title, `${t(lang, 'check.mail.spent')}\n${counts}`);
  return line('mail', 'ok', title, counts);
}

function percent(used: number, limit: number): number {
  return Math.round((used / limit) * 100);
}

function storeLine(ctx: ActionContext): CheckLine {
  const { lang } = ctx;
  const kb = (bytes: number) => formatNumber(Math.ceil(bytes / 1024), lang);
  const here = ctx.store.bytes();
  const mine = UserStore.open().bytes();
  const fullest = Math.max(percent(here, STORE_LIMIT_BYTES), percent(mine, STORE_LIMIT_BYTES));
  const text = t(lang, 'check.store.detail', { used: kb(here), mine: kb(mine) });
  if (fullest >= 80) return line('store', 'warn', t(lang, 'check.store.title'), `${text}\n${t(lang, 'check.store.full')}`);
  return line('store', 'ok', t(lang, 'check.store.title'), text);
}

function cellsLine(ctx: ActionContext): CheckLine {
  const { lang } = ctx;
  const used = cellsUsed(ctx.book);
  const share = percent(used, CELL_LIMIT);
  const text = t(lang, 'check.cells.detail', { used: formatNumber(used, lang), percent: share });
  const status = share >= 95 ? 'fail' : share >= 80 ? 'warn' : 'ok';
  return line('cells', status, t(lang, 'check.cells.title'), status === 'ok' ? text : `${text}\n${t(lang, 'limits.cellsSoon')}`);
}

function check(ctx: ActionContext): SetupCheck {
  const scopes = scopesLine(ctx.lang);
  const tick = tickLine(ctx);
  const triggers = triggersLine(ctx);
  const owner = ctx.store.get(KEYS.triggerOwner);
  const lines = [scopes.line, triggers, tick.line, ...formLines(ctx), mailLine(ctx), storeLine(ctx), cellsLine(ctx)];
  return {
    lines,
    tickLate: tick.late,
    canTakeOver: owner !== ctx.me && (tick.late || triggers.status === 'fail' || !owner),
    authorizeUrl: scopes.url,
  };
}

/** Sidebar: the whole check, in one call. */
export function checkSetup(): SetupCheck {
  return reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    return check(ctx);
  });
}

/** Menu: "Check set-up" opens the panel on it. */
export function showCheckSetup(): void {
  reading((ctx) => requireAccess(ctx, 'manageRounds'));
  showSidebar('check');
}

/**
 * Sidebar: the coordinator takes the triggers over (their owner has left, lost access or used up their
 * quota). Theirs are created now; the old ones do nothing when they next fire and delete themselves.
 */
export function takeOverTriggers(): SetupCheck {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const report = takeOver(ctx.store, ctx.me);
    if (ctx.me) UserStore.open().set(USER_KEYS.me, ctx.me);
    if (report.refused.length) ctx.store.set(KEYS.triggerProblem, report.refused[0]);
    return check(ctx);
  });
}

/** The sidebar's banner, at every opening: cheap (document properties only), so it costs no sheet read. */
export function setupWarnings(): { tickLate: boolean; hours: number } {
  return reading((ctx) => {
    requireMember(ctx);
    // Only a coordinator can take the triggers over, so only they are told the tick is late.
    if (ctx.access.role !== 'coordinator') return { tickLate: false, hours: 0 };
    const last = lastTick(ctx);
    const owned = !!ctx.store.get(KEYS.triggerOwner);
    const late = owned && !!last && ctx.now.getTime() - last.at > LATE_MS;
    return { tickLate: late, hours: last ? Math.floor((ctx.now.getTime() - last.at) / 3600_000) : 0 };
  });
}

/** Set-up runs the check too; anything to fix opens the panel on it. */
export function problemsAfterSetUp(): boolean {
  return reading((ctx) => check(ctx).lines.some((l) => l.status === 'fail' || l.status === 'warn'));
}
