import { Lang, resolveLang } from '../core/i18n/lang';

/** The coordinator's language from their Google account; allowed even in AuthMode.NONE. */
export function userLang(): Lang {
  return resolveLang(Session.getActiveUserLocale(), 'en');
}

/** Who is calling: needs userinfo.email (reference/base/session#getActiveUser()); '' where Google does not say. */
export function userEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** The account the add-on runs as (a trigger's owner); '' when it cannot be told (its scope not granted yet). */
export function effectiveUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail();
  } catch {
    return '';
  }
}

export function newId(): string {
  return Utilities.getUuid();
}

/**
 * The URL at which this account must authorize the add-on again, or null when it need not. A trigger keeps
 * firing after an update that declares a new scope ("Some script executions can start without a user's
 * consent to all required scopes used by the script", reference/script/authorization-info), and fails at
 * the first call that needs it: handlers check first, as the forms/notifications sample does.
 */
export function reauthorizationUrl(): string | null {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED ? info.getAuthorizationUrl() || '' : null;
}

/** The scopes this account has granted, of those the add-on declares (for Check set-up). */
export function grantedScopes(): string[] {
  // getAuthorizedScopes() is newer than @types/google-apps-script.
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL) as unknown as { getAuthorizedScopes(): string[] | null };
  return info.getAuthorizedScopes() ?? [];
}
