import { t } from '../core/i18n/translate';
import { KEYS, USER_KEYS } from '../workspace/properties/keys';
import { DocumentStore, UserStore } from '../workspace/properties/store';
import { effectiveUserEmail, reauthorizationUrl, userLang } from '../workspace/session';
import { mailNow } from '../workspace/tickPlan';

function errorText(err: unknown): string {
  return typeof (err as Error)?.message === 'string' ? (err as Error).message : String(err);
}

/**
 * Whether a trigger may do its work. After an update that declares a new scope, the triggers' owner must
 * authorize the add-on again; their triggers still fire but would fail at the first call needing it, and
 * nobody would know. So each handler checks first and, when authorization is REQUIRED, emails its owner
 * the authorization URL at most once a day instead of failing silently — the pattern of Google's
 * forms/notifications sample (github.com/googleworkspace/apps-script-samples, forms/notifications). If
 * MailApp itself is refused, Google's words are kept for Check set-up.
 */
export function authorizedToRun(): boolean {
  let url: string | null;
  try {
    url = reauthorizationUrl();
  } catch {
    // getAuthorizationInfo itself failed: go on, and let the first refused call be the error.
    return true;
  }
  if (url === null) return true;
  askToAuthorizeAgain(url);
  return false;
}

function askToAuthorizeAgain(url: string): void {
  const users = UserStore.open();
  const today = new Date().toISOString().slice(0, 10);
  if (users.get(USER_KEYS.authMailDay) === today) return;
  // Marked first: one email a day at most, even if this run is cut short.
  users.set(USER_KEYS.authMailDay, today);
  const lang = userLang();
  try {
    const to = effectiveUserEmail() || users.get(USER_KEYS.me) || '';
    if (!to) throw new Error(t(lang, 'reauth.noAddress'));
    mailNow({ to, subject: t(lang, 'reauth.subject'), body: t(lang, 'reauth.body', { url }), html: '' }, '', t(lang, 'app.name'));
  } catch (err) {
    const refused = { at: new Date().toISOString(), error: errorText(err) };
    users.set(USER_KEYS.mailRefused, refused);
    DocumentStore.openIfAny()?.set(KEYS.mailProblem, refused);
  }
}
