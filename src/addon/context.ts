import { Lang } from '../core/i18n/lang';
import { CommunitySettings } from '../core/settings';
import { readSettings } from '../workspace/community';
import { DocumentStore } from '../workspace/properties/store';
import { userEmail, userLang } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { ensureSheets } from '../workspace/sheets/setup';
import { ensureTriggers } from '../workspace/triggers';

/** What a coordinator's action starts from: who, in which language, on which book, with which settings. */
export interface ActionContext {
  lang: Lang;
  me: string;
  store: DocumentStore;
  book: Book;
  settings: CommunitySettings;
  now: Date;
}

/** Sets the community up if it is not yet (idempotent) and gathers the context for an action. */
export function actionContext(): ActionContext {
  const lang = userLang();
  const me = userEmail();
  const store = DocumentStore.open();
  let book = Book.open(store);
  const { created } = ensureSheets(book, store, lang);
  ensureTriggers(store, me);
  // New sheets: a fresh view of the book, with the ids set-up just recorded.
  if (created.length) book = Book.open(store);
  return { lang, me, store, book, settings: readSettings(book), now: new Date() };
}

/** A failure the user caused, carrying a message already in their language. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
