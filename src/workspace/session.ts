import { Lang, resolveLang } from '../core/i18n/lang';

/** The coordinator's language from their Google account; allowed even in AuthMode.NONE. */
export function userLang(): Lang {
  return resolveLang(Session.getActiveUserLocale(), 'en');
}

export function userEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** The account the add-on runs as (a trigger's owner). */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

export function newId(): string {
  return Utilities.getUuid();
}
