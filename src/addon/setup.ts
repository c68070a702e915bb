import { t } from '../core/i18n/translate';
import { toast } from '../workspace/ui/dialogs';
import { locked, requireAccess } from './action';
import { protectCommunity } from './protections';
import { problemsAfterSetUp, showCheckSetup } from './checkSetup';

/**
 * Menu: "Set up community sheets". Safe to run again: creates only what is missing. Then it checks the
 * set-up on the real account (checkSetup.ts) and opens the panel on the check when something needs fixing.
 */
export function setUpCommunity(): { created: string[]; problems: boolean } {
  // Setting up is what every writing action does first (see action.ts); this one does nothing else.
  const { lang, created } = locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    // Running set-up again also brings every sheet's protection in line with the Volunteers sheet.
    protectCommunity(ctx);
    return { lang: ctx.lang, created: ctx.created };
  });
  const problems = problemsAfterSetUp();
  toast(t(lang, problems ? 'check.someProblems' : 'setup.done'), t(lang, 'app.name'));
  if (problems) showCheckSetup();
  return { created, problems };
}
