import { t } from '../core/i18n/translate';
import { isTallied } from '../core/round';
import { showRoundSheet } from '../workspace/results';
import { readRounds } from '../workspace/rounds';
import { alert, showDialog, showSidebarPage } from '../workspace/ui/dialogs';
import { reading, requireAccess, requireMember } from './action';
import { supplierOrder } from './receive';

/**
 * What the menu opens: the sidebar on a screen, the form link, the printable lists, the supplier order.
 * The menu is the same for everyone (onOpen may run before anyone is known); each item checks who asks.
 */

export type ScreenName =
  'rounds' | 'newRound' | 'tally' | 'offline' | 'participants' | 'emails' | 'settings' | 'building' | 'check';

/**
 * Menu: opens the panel. A coordinator gets every screen, the treasurer the money, a building volunteer
 * "My building" — the page is told which, and every server call it makes checks again.
 */
export function showSidebar(screen: ScreenName = 'rounds'): void {
  reading((ctx) => {
    requireMember(ctx);
    const view = ctx.access.role;
    const title = t(ctx.lang, view === 'volunteer' ? 'ui.myBuilding.title' : 'app.name');
    showSidebarPage('Sidebar', title, { lang: ctx.lang, screen, view });
  });
}

export function showNewRound(): void {
  reading((ctx) => requireAccess(ctx, 'manageRounds'));
  showSidebar('newRound');
}

export function showSettings(): void {
  reading((ctx) => requireAccess(ctx, 'manageRounds'));
  showSidebar('settings');
}

/** Menu: the current round's form link, in a small dialog (a script cannot open a browser tab). */
export function showFormLink(): void {
  reading((ctx) => {
    requireMember(ctx);
    const { lang } = ctx;
    const open = readRounds(ctx.book)
      .filter((r) => r.formUrl)
      .pop();
    showDialog(
      'Link',
      t(lang, 'menu.formLink'),
      {
        lang,
        title: open ? open.title : t(lang, 'menu.noRound'),
        url: open?.formUrl ?? '',
        editUrl: ctx.access.role === 'coordinator' ? (open?.formEditUrl ?? '') : '',
        copyLabel: t(lang, 'ui.copy'),
        editLabel: t(lang, 'ui.editForm'),
      },
      { width: 420, height: 200 },
    );
  });
}

/** Menu: printable distribution lists (A4, one building per page) for the latest closed round. */
export function showDistributionLists(roundId?: string): void {
  reading((ctx) => {
    requireAccess(ctx, 'handOut');
    const { lang } = ctx;
    const rounds = readRounds(ctx.book);
    const round = roundId ? rounds.find((r) => r.id === roundId) : [...rounds].reverse().find((r) => isTallied(r.state));
    if (!round) {
      alert(t(lang, 'menu.noClosedRound'));
      return;
    }
    showDialog(
      'Print',
      t(lang, 'menu.distribution'),
      { lang, roundId: round.id, title: round.title, currency: round.currency },
      { width: 800, height: 600 },
    );
  });
}

/** Menu: makes the latest closed round's supplier order and shows its sheet. */
export function showSupplierOrder(): void {
  const round = reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const found = [...readRounds(ctx.book)].reverse().find((r) => isTallied(r.state) && r.state !== 'settled');
    if (!found) alert(t(ctx.lang, 'menu.noClosedRound'));
    return found;
  });
  if (!round) return;
  supplierOrder(round.id);
  reading((ctx) => showRoundSheet(ctx.book, round.id, 'supplier'));
}
