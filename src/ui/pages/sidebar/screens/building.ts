import { pickupTimeIn } from '../../../../core/i18n/pickupTime';
import { formatDateTime, formatMoney, listOf } from '../../../../core/i18n/format';
import { MessageKey } from '../../../../core/i18n/translate';
import { actionButton, append, clear, el, notice, statusLine } from '../../../shared/dom';
import { Screen, roundPicker } from './context';
import { labelled, personCard } from './person';

/**
 * A building volunteer's "My building": the round they are working on, who picks up and pays, how to do
 * the same from a phone (their building's tab in the Sheets app), and where to enter a neighbour's order.
 * The server sends only their own buildings' residents.
 */
export const buildingScreen: Screen = async (ctx) => {
  const { tr, lang } = ctx;
  const data = await ctx.call('myBuildingScreen', ctx.roundId());
  const root = el('section', { 'aria-label': tr('ui.myBuilding.title') });
  append(root, el('h1', {}, data.buildings.length ? listOf(data.buildings, lang) : tr('ui.myBuilding.title')));
  if (data.rounds.length > 1) append(root, roundPicker(ctx, data.rounds, data.round?.id, 'building'));
  const round = data.round;
  if (!round) {
    append(root, notice('info', tr('ui.round.none')));
    return root;
  }
  const money = (m: number) => formatMoney(m, round.currency, lang);
  const pickup = listOf([pickupTimeIn(round.pickupTime, ctx.lang), listOf(round.pickupPoints, ctx.lang)], ctx.lang);
  append(
    root,
    el(
      'div',
      { className: 'card' },
      el(
        'div',
        { className: 'title' },
        `${round.id} · ${round.title} `,
        el('span', { className: 'state' }, tr(`state.${round.state}` as MessageKey)),
      ),
      round.state === 'open'
        ? el(
            'div',
            { className: 'muted' },
            labelled(lang, tr('ui.round.deadline'), formatDateTime(Date.parse(round.deadline), data.timeZone, lang)),
          )
        : null,
      pickup ? el('div', { className: 'muted' }, tr('ui.myBuilding.pickup', { pickup })) : null,
      data.tabs.length
        ? el('p', { className: 'phone-hint' }, tr('ui.myBuilding.phone', { tabs: listOf(data.tabs, lang) }))
        : null,
    ),
  );
  if (round.state === 'open') {
    append(
      root,
      el('p', {}, tr('ui.myBuilding.orders', { count: data.orders })),
      el(
        'button',
        { type: 'button', className: 'action', onclick: () => ctx.go('offline', round.id) },
        tr('ui.myBuilding.enterOrder'),
      ),
    );
    if (round.formUrl)
      append(root, el('p', {}, el('a', { href: round.formUrl, target: '_blank', rel: 'noopener' }, tr('ui.round.formLink'))));
    return root;
  }
  const list = data.list;
  if (!list) return root;
  // The totals follow each tick and payment made on this screen.
  const counts = el('div', { className: 'card counts', 'aria-live': 'polite' });
  const showCounts = () => {
    const people = list.participants;
    clear(counts);
    append(
      counts,
      el('div', {}, tr('ui.myBuilding.pickedUp', { count: people.filter((p) => p.pickedUp).length, total: people.length })),
      el('div', {}, tr('ui.myBuilding.paid', { count: people.filter((p) => p.balanceMinor <= 0).length, total: people.length })),
      el(
        'div',
        {},
        labelled(lang, tr('ui.ledger.outstanding'), money(people.reduce((sum, p) => sum + Math.max(0, p.balanceMinor), 0))),
      ),
    );
  };
  showCounts();
  append(root, counts);
  const mail = statusLine();
  append(
    root,
    el(
      'div',
      { className: 'row' },
      actionButton(
        tr('ui.myBuilding.emailMe'),
        async () => {
          try {
            const r = await ctx.call('sendVolunteerLists', round.id);
            mail.show('ok', tr('ui.myBuilding.emailed', { count: r.queued }));
          } catch (err) {
            mail.show('error', (err as Error).message);
          }
        },
        'secondary',
        tr('ui.working'),
      ),
      // The printable list opens as a dialog (one building a page), the same the menu's "distribution lists" opens.
      actionButton(
        tr('ui.myBuilding.print'),
        async () => {
          try {
            await ctx.call('showDistributionLists', round.id);
          } catch (err) {
            mail.show('error', (err as Error).message);
          }
        },
        'secondary',
        tr('ui.working'),
      ),
    ),
    mail.element,
  );
  if (!list.participants.length) append(root, notice('info', tr('ui.participants.none')));
  for (const p of list.participants) append(root, personCard(ctx, list, p, 'door', showCounts));
  return root;
};
