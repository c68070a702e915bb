import { OrderSlip, orderSlip } from '../core/slips';
import { t } from '../core/i18n/translate';
import { showDialog } from '../workspace/ui/dialogs';
import { reading, requireAccess } from './action';
import { openRoundFor } from './chatImport';

/**
 * Paper order slips (issue 17): for neighbours who never open a form, a volunteer prints slips, goes door
 * to door, and types them in on the offline-order screen (source "paper"). The slips are a print page
 * like the distribution lists: an HtmlService dialog that gets its data through google.script.run and
 * builds its DOM from text nodes only.
 */
export interface OrderSlips extends OrderSlip {
  /** The buildings printed on the slip: a volunteer's own; none for a coordinator (a line to write on). */
  buildings: string[];
}

/** What every slip of the round says, in the caller's language; volunteers get their building printed. */
export function orderSlips(roundId: string): OrderSlips {
  return reading((ctx) => {
    requireAccess(ctx, 'enterOrders');
    const { snapshot } = openRoundFor(ctx, roundId);
    const round = {
      ...snapshot.round,
      timeZone: snapshot.timeZone,
      formUrl: snapshot.formUrl,
    };
    const buildings = ctx.access.role === 'volunteer' ? ctx.access.buildings : [];
    return { ...orderSlip(round, snapshot.items, ctx.lang), buildings };
  });
}

/** Opens the printable slips of a round (A4, as many per page as fit) from the offline-order screen. */
export function showOrderSlips(roundId: string): void {
  reading((ctx) => {
    requireAccess(ctx, 'enterOrders');
    const { snapshot } = openRoundFor(ctx, roundId);
    showDialog(
      'Slips',
      t(ctx.lang, 'ui.slips.title'),
      { lang: ctx.lang, roundId: snapshot.round.id },
      { width: 820, height: 640 },
    );
  });
}
