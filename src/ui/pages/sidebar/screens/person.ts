import { formatMoney, formatNumber } from '../../../../core/i18n/format';
import { Lang } from '../../../../core/i18n/lang';
import { itemsLine } from '../../../../core/ladder';
import { currency } from '../../../../core/money';
import type { ParticipantRow } from '../../../../addon/screens/participants';
import { actionButton, el, requestId, statusLine } from '../../../shared/dom';
import { confirmed } from './confirm';
import { ScreenContext } from './context';

/**
 * One resident's card, as the Participants screen and a volunteer's "My building" show it: what they get,
 * what they owe, the "picked up" box and a payment. Every message appears on the card itself, next to
 * the button pressed, not at the top of a long scrolled list.
 */
export function personCard(
  ctx: ScreenContext,
  round: { roundId: string; currency: string },
  p: ParticipantRow,
  detail: 'full' | 'door',
  /** Called after a pickup or payment changed `p`, so a screen can update its totals. */
  changed: () => void = () => undefined,
): HTMLElement {
  const { tr, lang } = ctx;
  const money = (m: number) => formatMoney(m, round.currency, lang);
  const said = (label: string, value: string) => labelled(lang, label, value);
  const exponent = currency(round.currency)?.exponent ?? 2;
  const status = statusLine();
  const owed = () => (p.balanceMinor > 0 ? formatNumber(p.balanceMinor / 10 ** exponent, lang, exponent) : '');
  const amount = el('input', {
    type: 'text',
    inputmode: 'decimal',
    value: owed(),
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
        roundId: round.roundId,
        orderKey: p.orderKey,
        pickedUp: picked.checked,
        requestId: requestId(),
      });
      p.pickedUp = picked.checked;
      changed();
      status.show('ok', tr(p.pickedUp ? 'ui.person.pickedUp' : 'ui.person.notPickedUp', { name: p.name }));
    } catch (err) {
      picked.checked = !picked.checked;
      status.show('error', (err as Error).message);
    } finally {
      picked.disabled = false;
    }
  });
  const balance = el('span', {}, money(p.balanceMinor));
  // Paid so far (with credit from earlier rounds) is what the bill no longer asks for.
  const paidLine = el('div', { className: 'muted' });
  const showPaid = () =>
    (paidLine.textContent = `${said(tr('ui.participants.due'), money(p.dueMinor))} · ${said(tr('ui.participants.paid'), money(p.dueMinor - p.balanceMinor))}`);
  showPaid();
  const pay = actionButton(
    tr('ui.participants.pay'),
    async () => {
      try {
        const result = await confirmed(ctx, status.element, (again) =>
          ctx.call('recordPayment', {
            roundId: round.roundId,
            orderKey: p.orderKey,
            amount: amount.value,
            method: method.value,
            requestId: payRequest,
            again,
          }),
        );
        if (!result) return;
        payRequest = requestId();
        p.balanceMinor = result.balanceMinor;
        balance.textContent = money(result.balanceMinor);
        showPaid();
        changed();
        // The form clears: a second press is a second payment, asked about if it looks like the first.
        amount.value = owed();
        method.value = '';
        status.show('ok', tr('ui.participants.recorded', { name: p.name }));
      } catch (err) {
        status.show('error', (err as Error).message);
      }
    },
    'secondary',
    tr('ui.working'),
  );
  return el(
    'div',
    { className: 'person', 'data-order': p.orderKey },
    el('span', { className: 'money' }, balance),
    el('div', { className: 'title' }, p.name, p.flat ? ` · ${p.flat}` : ''),
    detail === 'full' ? el('div', { className: 'muted' }, [p.building, p.pickupPoint].filter(Boolean).join(' · ')) : null,
    p.reference ? el('div', { className: 'reference' }, said(tr('ui.participants.reference'), p.reference)) : null,
    detail === 'full' ? el('div', { className: 'muted' }, said(tr('ui.participants.ordered'), p.orderedSummary)) : null,
    el('div', { className: 'muted' }, said(tr('ui.participants.gets'), itemsLine(p.items, lang) || '—')),
    p.phone && detail === 'door' ? el('div', { className: 'muted' }, said(tr('ui.offline.phone'), p.phone)) : null,
    paidLine,
    el('label', {}, picked, ` ${tr('ui.participants.pickedUp')}`),
    el('div', { className: 'pay' }, amount, method, pay),
    status.element,
  );
}

/** "Label: value", with the full-width colon Chinese uses ("应付：¥88.50"). */
export function labelled(lang: Lang, label: string, value: string): string {
  return lang === 'zh-CN' ? `${label}：${value}` : `${label}: ${value}`;
}
