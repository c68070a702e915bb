import { Lang } from '../core/i18n/lang';
import { CommunitySettings } from '../core/settings';
import { readSettings } from '../workspace/community';
import { readAll } from '../workspace/properties';
import { userEmail, userLang } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { ensureSheets } from '../workspace/sheets/setup';
import { ensureTriggers } from '../workspace/triggers';

/** What a coordinator's action starts from: who, in which language, on which book, with which settings. */
export interface ActionContext {
  lang: Lang;
  me: string;
  properties: Record<string, string>;
  book: Book;
  settings: CommunitySettings;
  now: Date;
}

/** Sets the community up if it is not yet (idempotent) and gathers the context for an action. */
export function actionContext(): ActionContext {
  const lang = userLang();
  const me = userEmail();
  let properties = readAll();
  let book = Book.open(properties);
  const { created } = ensureSheets(book, lang);
  ensureTriggers(properties, me);
  if (created.length) {
    properties = readAll();
    book = Book.open(properties);
  }
  return { lang, me, properties, book, settings: readSettings(book), now: new Date() };
}

/** A failure the user caused, carrying a message already in their language. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
