import { t } from '../core/i18n/translate';
import { toast } from '../workspace/ui/dialogs';
import { locked, requireAccess } from './action';
import { protectCommunity } from './protections';

/** Menu: "Set up community sheets". Safe to run again: creates only what is missing. */
export function setUpCommunity(): { created: string[] } {
  // Setting up is what every writing action does first (see action.ts); this one does nothing else.
  const { lang, created } = locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    // Running set-up again also brings every sheet's protection in line with the Volunteers sheet.
    protectCommunity(ctx);
    return { lang: ctx.lang, created: ctx.created };
  });
  toast(t(lang, 'setup.done'), t(lang, 'app.name'));
  return { created };
}
