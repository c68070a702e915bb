import { editorsOf } from '../core/access';
import { tabBuildings } from '../workspace/buildingTabs';
import { roundSnapshots } from '../workspace/rounds';
import { protectSheets } from '../workspace/sheets/setup';
import type { ActionContext } from './action';

/**
 * Keeps every sheet's protection in step with the Volunteers sheet: coordinators alone on their sheets,
 * the team on the sheets their actions write, each building's volunteers on its tab (see
 * workspace/sheets/setup.ts for why). Cheap when nothing changed; only coordinators' runs and the
 * triggers (which run as the coordinator who installed them) call it.
 */
export function protectCommunity(ctx: ActionContext): void {
  const sources = ctx.sources;
  const tabs = Object.fromEntries(tabBuildings(ctx.store).map((b) => [b, editorsOf({ building: b }, sources)]));
  // Forms writes responses whatever the protection; people should not.
  const responses = roundSnapshots(ctx.store)
    .map((s) => s.responseSheetId)
    .filter((id): id is number => id !== null);
  protectSheets(ctx.book, ctx.store, {
    coordinators: editorsOf('coordinators', sources),
    team: editorsOf('team', sources),
    tabs,
    responses,
  });
}
