import { METHOD_SCOPES } from './scopeTable';

/**
 * Who may call what: the manifest's scopes, each user's consent, and the authorization mode of the
 * execution. Every emulated service call passes through check() (from Runtime.call), so one table
 * (scopeTable.ts, generated from the reference pages' "Authorization" sections) decides for all services.
 */
export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export const SCOPE = {
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  forms: 'https://www.googleapis.com/auth/forms',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/**
 * Apps Script's own wording. With explicit `oauthScopes` a missing scope reads "Specified permissions are
 * not sufficient to call …"; a call the user has not consented to (or that the mode forbids) reads "You do
 * not have permission to call …". Several scopes are joined as "(a || b)", one stands alone, e.g.
 * "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions:
 * (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)".
 */
export function requiredPermissions(scopes: readonly string[]): string {
  return scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
}

export function notPermitted(method: string, scopes: readonly string[]): string {
  const list = scopes.length ? ` Required permissions: ${requiredPermissions(scopes)}` : '';
  return `You do not have permission to call ${method}.${list}`;
}

export function notSufficient(method: string, scopes: readonly string[]): string {
  return `Specified permissions are not sufficient to call ${method}. Required permissions: ${requiredPermissions(scopes)}`;
}

/** Apps Script's text when an execution starts for a user who has not authorized the script. */
export const AUTHORIZATION_REQUIRED_ERROR = 'Authorization is required to perform that action.';

export function scopesOf(method: string): readonly string[] {
  return METHOD_SCOPES[method] ?? [];
}

/**
 * What AuthMode.NONE still allows: building the add-on menu and reading the user's locale.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle : "Do not attempt to take
 * any action that requires authorization (such as checking the script Properties) while the add-on is in
 * ScriptApp.AuthMode.NONE" (https://developers.google.com/workspace/add-ons/concepts/menus). Utilities and
 * HtmlService touch no user data; everything else (properties, locks, the document) is refused.
 */
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Ui.createMenu', 'Ui.createAddonMenu', 'Session.getActiveUserLocale']);
const PURE_SERVICES = ['Utilities.', 'HtmlService.', 'HtmlTemplate.', 'HtmlOutput.', 'Menu.'];

/**
 * LIMITED (a simple onOpen/onEdit of a bound script or of an add-on enabled in the file) reaches the bound
 * file and the services that need no authorization: "They can modify the file they are bound to, but cannot
 * access other files because that would require authorization" and "cannot access services that require
 * authorization" (https://developers.google.com/apps-script/guides/triggers#restrictions). The bound file is
 * whatever a `spreadsheets.currentonly` scope covers; showing a sidebar or dialog needs script.container.ui,
 * which is an authorization, so it is refused too (the stricter reading).
 */
function allowedInLimited(method: string, scopes: readonly string[]): boolean {
  if (scopes.length === 0) return true;
  if (method === 'Session.getActiveUser' || method === 'Session.getEffectiveUser') return true; // email comes back blank
  return scopes.includes(SCOPE.spreadsheetsCurrentOnly);
}

export class Authorization {
  /** null: no explicit oauthScopes, so Apps Script detects them from the code and every call is covered. */
  readonly manifestScopes: ReadonlySet<string> | null;
  /** Users who have not (or no longer) authorized the script; everyone else consented to all its scopes. */
  readonly unauthorized = new Set<string>();
  /**
   * Users who authorized an earlier version of the script, with the scopes they granted then: a new
   * version that declares another scope needs their consent again. Their triggers still start — "Some
   * script executions can start without a user's consent to all required scopes used by the script"
   * (https://developers.google.com/apps-script/reference/script/authorization-info), which is why the
   * forms/notifications sample checks getAuthorizationInfo in its trigger — and a call needing a scope
   * they have not granted fails with "Authorization is required to perform that action."
   */
  readonly grantedEarlier = new Map<string, ReadonlySet<string>>();

  constructor(manifestScopes: readonly string[] | null) {
    this.manifestScopes = manifestScopes ? new Set(manifestScopes) : null;
  }

  /** The scopes the script holds: the manifest's, exactly (null: none declared, so every call is covered). */
  granted(): ReadonlySet<string> | null {
    return this.manifestScopes;
  }

  isAuthorized(user: string): boolean {
    return !this.unauthorized.has(user) && !this.needsConsentAgain(user);
  }

  /** Whether `user` authorized an earlier version, without a scope this one declares. */
  needsConsentAgain(user: string): boolean {
    const earlier = this.grantedEarlier.get(user);
    return !!earlier && !!this.manifestScopes && [...this.manifestScopes].some((s) => !earlier.has(s));
  }

  /** The scopes `user` has granted: none, all the manifest's, or those of an earlier version. */
  grantedTo(user: string): readonly string[] {
    if (this.unauthorized.has(user)) return [];
    const all = this.manifestScopes ? [...this.manifestScopes] : [];
    const earlier = this.grantedEarlier.get(user);
    return earlier ? all.filter((s) => earlier.has(s)) : all;
  }

  check(method: string, mode: AuthMode, user?: string): void {
    const scopes = scopesOf(method);
    if (mode === 'NONE' && !NONE_ALLOWED.has(method) && !PURE_SERVICES.some((p) => method.startsWith(p)))
      throw new Error(notPermitted(method, scopes));
    if (mode === 'LIMITED' && !allowedInLimited(method, scopes)) throw new Error(notPermitted(method, scopes));
    const granted = this.granted();
    if (scopes.length && granted && !scopes.some((s) => granted.has(s))) throw new Error(notSufficient(method, scopes));
    const earlier = user === undefined ? undefined : this.grantedEarlier.get(user);
    if (scopes.length && earlier && !scopes.some((s) => earlier.has(s))) throw new Error(AUTHORIZATION_REQUIRED_ERROR);
  }
}
