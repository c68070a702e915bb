import { formatMoney, formatNumber } from '../../../../core/i18n/format';
import { currency } from '../../../../core/money';
import { actionButton, append, clear, el, notice, requestId, select, statusLine } from '../../../shared/dom';
import { Screen } from './context';

/** Ordered vs allocated, money due and paid, pickups; filters by building, pickup point, unpaid, not picked up. */
export const participantsScreen: Screen = async (ctx) => {
  const { tr, lang } = ctx;
  const data = await ctx.call('participantsScreen', ctx.roundId());
  const money = (m: number) => formatMoney(m, data.currency, lang);
  const exponent = currency(data.currency)?.exponent ?? 2;
  const status = statusLine();
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
    el('div', {}, `${tr('ui.ledger.billed')}: ${money(l.billedMinor)}`),
    el('div', {}, `${tr('ui.ledger.collected')}: ${money(l.collectedMinor + l.creditUsedMinor)}`),
    el('div', {}, `${tr('ui.ledger.outstanding')}: ${money(l.outstandingMinor)}`),
    el('div', {}, `${tr('ui.ledger.supplier')}: ${money(l.paidToSupplierMinor)}`),
    el('div', {}, `${tr('ui.ledger.saving')}: ${money(l.savingMinor)}`),
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
    for (const p of shown) {
      const amount = el('input', {
        type: 'text',
        inputmode: 'decimal',
        value: p.balanceMinor > 0 ? formatNumber(p.balanceMinor / 10 ** exponent, lang, exponent) : '',
        'aria-label': `${tr('ui.participants.amount')}: ${p.name}`,
      });
      const method = el('input', {
        type: 'text',
        placeholder: tr('ui.participants.method'),
        'aria-label': `${tr('ui.participants.method')}: ${p.name}`,
      });
      let payRequest = requestId();
      const picked = el('input', {
        type: 'checkbox',
        checked: p.pickedUp,
        'aria-label': `${tr('ui.participants.pickedUp')}: ${p.name}`,
      });
      picked.addEventListener('change', async () => {
        picked.disabled = true;
        try {
          await ctx.call('setPickedUp', {
            roundId: data.roundId,
            orderKey: p.orderKey,
            pickedUp: picked.checked,
            requestId: requestId(),
          });
          p.pickedUp = picked.checked;
        } catch (err) {
          picked.checked = !picked.checked;
          status.show('error', (err as Error).message);
        } finally {
          picked.disabled = false;
        }
      });
      const balance = el('span', {}, money(p.balanceMinor));
      append(
        list,
        el(
          'div',
          { className: 'person', 'data-order': p.orderKey },
          el('span', { className: 'money' }, balance),
          el('div', { className: 'title' }, p.name, p.flat ? ` · ${p.flat}` : ''),
          el('div', { className: 'muted' }, [p.building, p.pickupPoint].filter(Boolean).join(' · ')),
          p.reference ? el('div', { className: 'reference' }, `${tr('ui.participants.reference')}: ${p.reference}`) : null,
          el('div', { className: 'muted' }, `${tr('ui.participants.ordered')}: ${p.orderedSummary}`),
          el(
            'div',
            { className: 'muted' },
            `${tr('ui.participants.gets')}: ${p.items.map((i) => `${i.name} ${i.quantity}`).join(', ') || '—'}`,
          ),
          el(
            'div',
            { className: 'muted' },
            `${tr('ui.participants.due')}: ${money(p.dueMinor)} · ${tr('ui.participants.paid')}: ${money(p.paidMinor)}`,
          ),
          el('label', {}, picked, ` ${tr('ui.participants.pickedUp')}`),
          el(
            'div',
            { className: 'pay' },
            amount,
            method,
            actionButton(
              tr('ui.participants.pay'),
              async () => {
                try {
                  const result = await ctx.call('recordPayment', {
                    roundId: data.roundId,
                    orderKey: p.orderKey,
                    amount: amount.value,
                    method: method.value,
                    requestId: payRequest,
                  });
                  payRequest = requestId();
                  p.balanceMinor = result.balanceMinor;
                  balance.textContent = money(result.balanceMinor);
                  status.show('ok', tr('ui.participants.recorded', { name: p.name }));
                } catch (err) {
                  status.show('error', (err as Error).message);
                }
              },
              'secondary',
              tr('ui.working'),
            ),
          ),
        ),
      );
    }
  };
  place.addEventListener('change', render);
  which.addEventListener('change', render);
  render();
  return el(
    'section',
    { 'aria-label': tr('ui.tab.participants') },
    summary,
    el('div', { className: 'filters' }, place, which),
    status.element,
    list,
  );
};
