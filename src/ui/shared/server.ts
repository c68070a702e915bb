import type { entryPoints } from '../../addon/entrypoints';
import { Lang } from '../../core/i18n/lang';
import { t } from '../../core/i18n/translate';

/** The server's functions as the client may call them; the compiler checks names, arguments and results. */
type Api = typeof entryPoints;
type Callable = { [K in keyof Api as K extends `${string}_` ? never : K]: Api[K] };
export type ServerName = keyof Callable;
type Result<K extends ServerName> = ReturnType<Callable[K]>;

let lang: Lang = 'en';

export function setServerLang(l: Lang): void {
  lang = l;
}

/** Turns what google.script.run hands the failure handler into a sentence for the coordinator. */
export function readableError(error: unknown): string {
  const message = String((error as Error)?.message ?? error ?? '');
  if (/PERMISSION_DENIED|authori[sz]ation is required|multiple accounts|ScriptError: We're sorry/i.test(message))
    return t(lang, 'error.multipleAccounts');
  // A UserError's message is already in the user's language; anything else is shown with a plain prefix.
  return message.replace(/^(Exception|UserError|Error):\s*/, '') || t(lang, 'error.generic', { detail: '' });
}

/** google.script.run as a promise: one call, one answer, failures as readable messages. */
export function call<K extends ServerName>(name: K, ...args: Parameters<Callable[K]>): Promise<Result<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: Result<K>) => resolve(value))
      .withFailureHandler((error: Error) => reject(new Error(readableError(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
