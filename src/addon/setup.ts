import { t } from '../core/i18n/translate';
import { DocumentStore } from '../workspace/properties/store';
import { userEmail, userLang } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { ensureSheets } from '../workspace/sheets/setup';
import { ensureTriggers } from '../workspace/triggers';
import { withScriptLock, ACTION_LOCK_WAIT_MS } from '../workspace/lock';
import { toast } from '../workspace/ui/dialogs';

/** Menu: "Set up community sheets". Safe to run again: creates only what is missing. */
export function setUpCommunity(): { created: string[] } {
  const lang = userLang();
  const result = withScriptLock(ACTION_LOCK_WAIT_MS, () => {
    const store = DocumentStore.open();
    const { created } = ensureSheets(Book.open(store), store, lang);
    ensureTriggers(store, userEmail());
    return created;
  });
  if (!result.ok) throw new Error(t(lang, 'error.busy'));
  toast(t(lang, 'setup.done'), t(lang, 'app.name'));
  return { created: result.value };
}
