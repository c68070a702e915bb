import { listOf } from '../core/i18n/format';
import { Access, AccessSources, Capability, accessOf, memberRefusal, refusal } from '../core/access';
import { Lang, resolveLang } from '../core/i18n/lang';
import { MessageKey, Params, t } from '../core/i18n/translate';
import { CommunitySettings } from '../core/settings';
import { Volunteer, readSettings, readVolunteers, spreadsheetOwner } from '../workspace/community';
import { KEYS } from '../workspace/properties/keys';
import { ACTION_LOCK_WAIT_MS, withDocumentLock } from '../workspace/lock';
import { DocumentStore } from '../workspace/properties/store';
import { userEmail, userLang } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { SheetKey } from '../workspace/sheets/schema';
import { ensureSheets, isCellLimit } from '../workspace/sheets/setup';
import { ensureTriggers } from '../workspace/triggers';
import { protectCommunity } from './protections';
import { catchUp, hasDueWork } from './dueWork';
import { syncTickPlan } from './tickPlan';

/** What a coordinator's action starts from: who, in which language, on which book, with which settings. */
export interface ActionContext {
  lang: Lang;
  me: string;
  store: DocumentStore;
  book: Book;
  /** The Settings sheet, read the first time it is asked for. */
  readonly settings: CommunitySettings;
  now: Date;
  /** Sheets this action's set-up had to create (a first visit, or a sheet deleted by hand). */
  created: SheetKey[];
  /** The caller's role in this community, read the first time it is asked for (see core/access.ts). */
  readonly access: Access;
  /** Who the community's coordinators and volunteers are, as access was decided from. */
  readonly sources: AccessSources;
  /** The Volunteers sheet, read once. */
  readonly volunteers: Volunteer[];
}

/** A failure the user caused, carrying a message already in their language. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function fail(lang: Lang, key: MessageKey, params: Params = {}): never {
  throw new UserError(t(lang, key, params));
}

function context(
  store: DocumentStore,
  book: Book,
  lang: Lang,
  me: string,
  read: CommunitySettings | null = null,
  created: SheetKey[] = [],
): ActionContext {
  let settings = read;
  let sources: AccessSources | null = null;
  let access: Access | null = null;
  let volunteers: Volunteer[] | null = null;
  return {
    created,
    lang,
    me,
    store,
    book,
    get settings() {
      return (settings ??= readSettings(book));
    },
    get volunteers() {
      return (volunteers ??= book.find('volunteers') ? readVolunteers(book) : []);
    },
    get sources() {
      return (sources ??= {
        owners: [spreadsheetOwner(book), store.get(KEYS.triggerOwner) ?? ''].filter(Boolean),
        volunteers: this.volunteers,
      });
    },
    get access() {
      return (access ??= accessOf(me, this.sources));
    },
    now: new Date(),
  };
}

/**
 * Google's refusals a coordinator can act on, as a sentence in their language instead of a stack trace: a
 * spreadsheet at its 10 million cells. Whatever was written before stays; nothing half-done is lost.
 */
function explained<T>(lang: Lang, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isCellLimit(err)) throw new UserError(t(lang, 'limits.cells'));
    throw err;
  }
}

/**
 * Refuses the call, in the caller's language, unless their role allows it (for a building volunteer:
 * for that building). Every entry point checks on the server; hiding a button is never enough.
 */
export function requireAccess(ctx: ActionContext, capability: Capability, building?: string): void {
  const why = refusal(ctx.access, capability, building);
  if (why) fail(ctx.lang, why, { email: ctx.access.email, buildings: listOf(ctx.access.buildings, ctx.lang) });
}

/** Refuses anyone without a role here: screens every coordinator, treasurer and volunteer may open. */
export function requireMember(ctx: ActionContext): void {
  const why = memberRefusal(ctx.access);
  if (why) fail(ctx.lang, why, { email: ctx.access.email, buildings: '' });
}

/**
 * Runs an action that writes: under the community's document lock (a busy lock is a clear message, not a
 * stack trace), after setting the community up if it is not yet (idempotent: the owner's visit also
 * re-creates a trigger that has gone missing) and doing what fell due (a stop that passed: dueWork.ts).
 * Only a coordinator sets up and catches up, or whoever opens the add-on first in a new spreadsheet (who
 * becomes its coordinator): a volunteer's visit never creates sheets or triggers, and never writes the
 * coordinators' sheets (protected against them), so what fell due waits for a coordinator's visit, a
 * form submission or the tick, which run as the triggers' owner.
 */
export function locked<T>(fn: (ctx: ActionContext) => T): T {
  const lang = userLang();
  const result = explained(lang, () =>
    withDocumentLock(ACTION_LOCK_WAIT_MS, () => {
      const me = userEmail();
      const store = DocumentStore.open();
      const book = Book.open(store);
      const first = context(store, book, lang, me);
      if (book.isSetUp() && first.access.role !== 'coordinator') return fn(first);
      const { created } = ensureSheets(book, store, lang);
      ensureTriggers(store, me);
      // New sheets: a fresh view of the book, with the ids set-up just recorded, protected for the team.
      const ctx = created.length ? context(store, Book.open(store), lang, me, null, created) : first;
      if (created.length) protectCommunity(ctx);
      catchUp(ctx);
      const value = fn(ctx);
      // What the action changed (a round opened, moved, closed) reaches the tick's plan (tickPlan.ts).
      syncTickPlan(ctx);
      return value;
    }),
  );
  if (!result.ok) throw new UserError(t(lang, 'error.busy'));
  return result.value;
}

/**
 * Runs a screen that only reads: no lock, so it answers while a long job holds it, and no set-up. It
 * may see another execution's write half done; it shows, it never decides. When something fell due (a
 * stop passed and nobody has closed the round yet), it is done first, under the lock: a visit is enough.
 */
export function reading<T>(fn: (ctx: ActionContext) => T): T {
  const store = DocumentStore.open();
  if (store.get(KEYS.sheetIds) && hasDueWork(store, Date.now())) {
    const lang = userLang();
    explained(lang, () =>
      withDocumentLock(ACTION_LOCK_WAIT_MS, () => {
        const fresh = DocumentStore.open();
        const ctx = context(fresh, Book.open(fresh), lang, userEmail());
        // Only a coordinator's visit writes the coordinators' sheets (see locked).
        if (ctx.access.role !== 'coordinator') return;
        catchUp(ctx);
        syncTickPlan(ctx);
      }),
    );
    const after = DocumentStore.open();
    return fn(context(after, Book.open(after), lang, userEmail()));
  }
  return fn(context(store, Book.open(store), userLang(), userEmail()));
}

/** The same context for a trigger, running as its owner in the community's language. */
export function triggerContext(store: DocumentStore, book: Book, settings: CommunitySettings, me: string): ActionContext {
  return context(store, book, resolveLang(settings.defaultLang), me, settings);
}

/** A trigger's context that reads the Settings sheet only if asked: its messages are in the set-up language. */
export function lightTriggerContext(store: DocumentStore, book: Book, me: string): ActionContext {
  return context(store, book, book.lang, me);
}
