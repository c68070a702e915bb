import { Access, Capability, accessOf, refusal } from '../core/access';
import { Lang, resolveLang } from '../core/i18n/lang';
import { MessageKey, Params, t } from '../core/i18n/translate';
import { CommunitySettings } from '../core/settings';
import { readSettings, readVolunteers, spreadsheetOwner } from '../workspace/community';
import { KEYS } from '../workspace/properties/keys';
import { ACTION_LOCK_WAIT_MS, withDocumentLock } from '../workspace/lock';
import { DocumentStore } from '../workspace/properties/store';
import { userEmail, userLang } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { SheetKey } from '../workspace/sheets/schema';
import { ensureSheets, isCellLimit } from '../workspace/sheets/setup';
import { ensureTriggers } from '../workspace/triggers';
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
  let access: Access | null = null;
  return {
    created,
    lang,
    me,
    store,
    book,
    get settings() {
      return (settings ??= readSettings(book));
    },
    get access() {
      return (access ??= accessOf(me, {
        owners: [spreadsheetOwner(book), store.get(KEYS.triggerOwner) ?? ''].filter(Boolean),
        volunteers: book.find('volunteers') ? readVolunteers(book) : [],
      }));
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
  if (why) fail(ctx.lang, why, { email: ctx.access.email, buildings: ctx.access.buildings.join(', ') });
}

/**
 * Runs a coordinator's action that writes: under the document lock (a busy lock is a clear message, not a
 * stack trace), after setting the community up if it is not yet (idempotent: the owner's visit also
 * re-creates a trigger that has gone missing) and doing what fell due (a stop that passed: dueWork.ts).
 */
export function locked<T>(fn: (ctx: ActionContext) => T): T {
  const lang = userLang();
  const result = explained(lang, () =>
    withDocumentLock(ACTION_LOCK_WAIT_MS, () => {
      const me = userEmail();
      const store = DocumentStore.open();
      const book = Book.open(store);
      const { created } = ensureSheets(book, store, lang);
      ensureTriggers(store, me);
      // New sheets: a fresh view of the book, with the ids set-up just recorded.
      const ctx = context(store, created.length ? Book.open(store) : book, lang, me, null, created);
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
