import { formatMoney } from '../../../../core/i18n/format';
import { append, clear, el, notice, select } from '../../../shared/dom';
import { Screen } from './context';
import { personCard } from './person';

/** Ordered vs allocated, money due and paid, pickups; filters by building, pickup point, unpaid, not picked up. */
export const participantsScreen: Screen = async (ctx) => {
  const { tr, lang } = ctx;
  const data = await ctx.call('participantsScreen', ctx.roundId());
  const money = (m: number) => formatMoney(m, data.currency, lang);
  const list = el('div');
  const place = select([
    { value: '', label: tr('ui.participants.allPlaces') },
    ...data.buildings.map((b) => ({ value: `b:${b}`, label: b })),
    ...data.pickupPoints.map((p) => ({ value: `p:${p}`, label: p })),
  ]);
  const which = select([
    { value: 'all', label: tr('ui.participants.everyone') },
    { value: 'unpaid', label: tr('ui.participants.unpaid') },
    { value: 'notPickedUp', label: tr('ui.participants.notPickedUp') },
  ]);
  place.setAttribute('aria-label', tr('ui.participants.place'));
  which.setAttribute('aria-label', tr('ui.participants.show'));
  const l = data.ledger;
  const summary = el(
    'div',
    { className: 'card' },
    el('div', {}, tr('ui.labelled', { label: tr('ui.ledger.billed'), value: money(l.billedMinor) })),
    el('div', {}, tr('ui.labelled', { label: tr('ui.ledger.collected'), value: money(l.collectedMinor + l.creditUsedMinor) })),
    el('div', {}, tr('ui.labelled', { label: tr('ui.ledger.outstanding'), value: money(l.outstandingMinor) })),
    el('div', {}, tr('ui.labelled', { label: tr('ui.ledger.supplier'), value: money(l.paidToSupplierMinor) })),
    el('div', {}, tr('ui.labelled', { label: tr('ui.ledger.saving'), value: money(l.savingMinor) })),
  );

  const render = () => {
    clear(list);
    const shown = data.participants.filter((p) => {
      if (place.value.startsWith('b:') && p.building !== place.value.slice(2)) return false;
      if (place.value.startsWith('p:') && p.pickupPoint !== place.value.slice(2)) return false;
      if (which.value === 'unpaid' && p.balanceMinor <= 0) return false;
      if (which.value === 'notPickedUp' && p.pickedUp) return false;
      return true;
    });
    if (!shown.length) append(list, notice('info', tr('ui.participants.none')));
    for (const p of shown) append(list, personCard(ctx, data, p, 'full'));
  };
  place.addEventListener('change', render);
  which.addEventListener('change', render);
  render();
  return el(
    'section',
    { 'aria-label': tr('ui.tab.participants') },
    summary,
    el('div', { className: 'filters' }, place, which),
    list,
  );
};
