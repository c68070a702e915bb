import { guarded } from './guard';
import { Runtime } from './runtime';

type Members = 'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey';

export class EmuSession implements Pick<GoogleAppsScript.Base.Session, Members> {
  readonly proxy: GoogleAppsScript.Base.Session;
  /** Per user: the locale their Google account uses (what getActiveUserLocale returns). */
  locales = new Map<string, string>();

  constructor(
    private runtime: Runtime,
    private scriptTimeZone: string,
  ) {
    this.proxy = guarded(this, 'Session');
  }

  private user(email: string): GoogleAppsScript.Base.User {
    return guarded({ getEmail: () => email }, 'User');
  }

  /**
   * "the user's email address is not available in any context that allows a script to run without that
   * user's authorization, like a simple onOpen(e) or onEdit(e) trigger" (reference/base/session#getActiveUser()):
   * in AuthMode.LIMITED getEmail() is blank (the stricter reading of "generally").
   */
  private visible(): string {
    return this.runtime.authMode === 'FULL' ? this.runtime.user : '';
  }

  getActiveUser() {
    this.runtime.call('session', 'Session.getActiveUser');
    return this.user(this.visible());
  }

  getEffectiveUser() {
    this.runtime.call('session', 'Session.getEffectiveUser');
    return this.user(this.visible());
  }

  getActiveUserLocale() {
    this.runtime.call('session', 'Session.getActiveUserLocale');
    return this.locales.get(this.runtime.user) ?? 'en';
  }

  getScriptTimeZone() {
    this.runtime.call('session', 'Session.getScriptTimeZone');
    return this.scriptTimeZone;
  }

  getTemporaryActiveUserKey() {
    this.runtime.call('session', 'Session.getTemporaryActiveUserKey');
    return `key-${Buffer.from(this.runtime.user).toString('base64')}`;
  }
}
