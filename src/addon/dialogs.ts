import { t } from '../core/i18n/translate';
import { isTallied } from '../core/round';
import { DocumentStore } from '../workspace/properties/store';
import { showRoundSheet } from '../workspace/results';
import { readRounds } from '../workspace/rounds';
import { userLang } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { alert, showDialog, showSidebarPage } from '../workspace/ui/dialogs';
import { supplierOrder } from './receive';

/** What the menu opens: the sidebar on a screen, the form link, the printable lists, the supplier order. */

export type ScreenName = 'rounds' | 'newRound' | 'tally' | 'offline' | 'participants' | 'emails' | 'settings' | 'check';

/** Menu: opens the coordinator's panel (optionally on a given screen). */
export function showSidebar(screen: ScreenName = 'rounds'): void {
  const lang = userLang();
  showSidebarPage('Sidebar', t(lang, 'app.name'), { lang, screen });
}

export function showNewRound(): void {
  showSidebar('newRound');
}

export function showSettings(): void {
  showSidebar('settings');
}

/** Menu: the current round's form link, in a small dialog (a script cannot open a browser tab). */
export function showFormLink(): void {
  const lang = userLang();
  const open = readRounds(Book.open(DocumentStore.open()))
    .filter((r) => r.formUrl)
    .pop();
  showDialog(
    'Link',
    t(lang, 'menu.formLink'),
    {
      lang,
      title: open ? open.title : t(lang, 'menu.noRound'),
      url: open?.formUrl ?? '',
      editUrl: open?.formEditUrl ?? '',
      copyLabel: t(lang, 'ui.copy'),
      editLabel: t(lang, 'ui.editForm'),
    },
    { width: 420, height: 200 },
  );
}

/** Menu: printable distribution lists (A4, one building per page) for the latest closed round. */
export function showDistributionLists(roundId?: string): void {
  const lang = userLang();
  const rounds = readRounds(Book.open(DocumentStore.open()));
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
}

/** Menu: makes the latest closed round's supplier order and shows its sheet. */
export function showSupplierOrder(): void {
  const lang = userLang();
  const rounds = readRounds(Book.open(DocumentStore.open()));
  const round = [...rounds].reverse().find((r) => isTallied(r.state) && r.state !== 'settled');
  if (!round) {
    alert(t(lang, 'menu.noClosedRound'));
    return;
  }
  supplierOrder(round.id);
  showRoundSheet(Book.open(DocumentStore.open()), round.id, 'supplier');
}
