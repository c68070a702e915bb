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

/**
 * The scopes appsscript.json declares (test/bundle/checkSetup.test.ts keeps the two lists equal): Check
 * set-up compares them with what this account has granted.
 */
export const DECLARED_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/forms',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/userinfo.email',
];

/** The scopes this account has granted, of those the add-on declares (for Check set-up). */
export function grantedScopes(): string[] {
  // getAuthorizedScopes() is newer than @types/google-apps-script.
  // The scopes argument and getAuthorizedScopes() are newer than @types/google-apps-script.
  const app = ScriptApp as unknown as {
    getAuthorizationInfo(mode: GoogleAppsScript.Script.AuthMode, scopes: string[]): { getAuthorizedScopes(): string[] | null };
  };
  return app.getAuthorizationInfo(ScriptApp.AuthMode.FULL, DECLARED_SCOPES).getAuthorizedScopes() ?? [];
}
