import { t } from '../core/i18n/translate';
import { toast } from '../workspace/ui/dialogs';
import { locked } from './action';

/** Menu: "Set up community sheets". Safe to run again: creates only what is missing. */
export function setUpCommunity(): { created: string[] } {
  // Setting up is what every writing action does first (see action.ts); this one does nothing else.
  const { lang, created } = locked((ctx) => ({ lang: ctx.lang, created: ctx.created }));
  toast(t(lang, 'setup.done'), t(lang, 'app.name'));
  return { created };
}
