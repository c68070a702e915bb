import { isConfirmation, tokenOf } from '../../../../core/confirm';
import { confirmed } from './confirm';
import type { MoneyScreen } from '../../../../addon/screens/money';
import { formatMoney } from '../../../../core/i18n/format';
import { MessageKey } from '../../../../core/i18n/translate';
import { actionButton, append, clear, el, field, notice, requestId, select, statusLine } from '../../../shared/dom';
import { Screen, ScreenContext } from './context';

/**
 * The finance volunteer's screen for a round: its ledger; money paid to the supplier, for the delivery
 * and the organiser fee; refunds; settling (after saying what becomes credit); then the thank-you and
 * erasing personal data. Every amount is typed as people type it; every destructive step is checked
 * with the server first and confirmed.
 */
export const moneyScreen: Screen = async (ctx) => {
  const { tr } = ctx;
  const data = await ctx.call('moneyScreen', ctx.roundId());
  const money = (m: number) => formatMoney(m, data.currency, ctx.lang);
  const l = data.ledger;
  const figure = (key: MessageKey, minor: number) =>
    el('div', { className: 'figure' }, el('span', {}, tr(key)), el('span', {}, money(minor)));
  const root = el(
    'section',
    { 'aria-label': tr('ui.tab.money') },
    el('h1', {}, tr('ui.money.title', { round: data.title })),
    ...data.unreadable.map((line) => notice('error', line)),
    el(
      'div',
      { className: 'card figures' },
      figure('ui.ledger.billed', l.billedMinor),
      figure('ui.ledger.collected', l.collectedMinor),
      l.creditInMinor ? figure('ui.ledger.creditIn', l.creditInMinor) : null,
      figure('ui.ledger.outstanding', l.outstandingMinor),
      figure('ui.ledger.supplier', l.paidToSupplierMinor),
      figure('ui.ledger.deliveryPaid', l.deliveryPaidMinor),
      figure('ui.ledger.feePaid', l.feePaidOutMinor),
      l.creditOutMinor ? figure('ui.ledger.creditOut', l.creditOutMinor) : null,
      figure('ui.ledger.balance', l.balanceMinor),
    ),
  );
  if (data.state !== 'settled') {
    append(
      root,
      payOut(
        ctx,
        data,
        'supplier',
        tr('ui.money.supplierOwed', { amount: money(l.goodsMinor), owed: money(data.owed.supplierMinor) }),
      ),
      payOut(
        ctx,
        data,
        'delivery',
        tr('ui.money.deliveryOwed', { amount: money(l.deliveryMinor), owed: money(data.owed.deliveryMinor) }),
      ),
      payOut(ctx, data, 'fee', tr('ui.money.feeOwed', { amount: money(l.feeMinor), owed: money(data.owed.feeMinor) })),
      refunds(ctx, data),
      settle(ctx, data),
    );
    // The thank-you and erasing names are the coordinator's (the server checks it too), not the treasurer's.
  } else if ((document.body.dataset.view ?? 'coordinator') === 'coordinator')
    append(root, await thanks(ctx, data), purge(ctx, data), archive(ctx, data));
  return root;
};

/** The amount as the add-on shows it in the volunteer's language ("5 103,00 ₽", "₽5,103.00"): the box reads it back. */
function typedAmount(ctx: ScreenContext, minor: number, code: string): string {
  return minor > 0 ? formatMoney(minor, code, ctx.lang) : '';
}

const PAY_OUT = {
  supplier: { title: 'ui.money.supplier', call: 'recordSupplierPayment', owed: 'supplierMinor' },
  delivery: { title: 'ui.money.delivery', call: 'recordDeliveryPayment', owed: 'deliveryMinor' },
  fee: { title: 'ui.money.fee', call: 'recordFeePayout', owed: 'feeMinor' },
} as const;

/** Money out of the round: to the supplier, for the delivery, the organiser fee. */
function payOut(ctx: ScreenContext, data: MoneyScreen, what: keyof typeof PAY_OUT, owedText: string): HTMLElement {
  const { tr } = ctx;
  const spec = PAY_OUT[what];
  const amount = el('input', {
    type: 'text',
    inputmode: 'decimal',
    value: typedAmount(ctx, data.owed[spec.owed], data.currency),
  });
  const note = el('input', { type: 'text' });
  const status = statusLine();
  let request = requestId();
  return el(
    'div',
    { className: 'card' },
    el('h2', {}, tr(spec.title)),
    el('p', { className: 'muted' }, owedText),
    field(tr('ui.money.amount'), amount),
    field(tr('ui.money.note'), note),
    el(
      'div',
      { className: 'row', 'data-flash': what },
      actionButton(
        tr('ui.money.record'),
        async () => {
          try {
            const input = { roundId: data.roundId, amount: amount.value, note: note.value, requestId: request };
            const r = await confirmed(ctx, status.element, (again) => ctx.call(spec.call, { ...input, again }));
            if (!r) return;
            request = requestId();
            const paid = {
              supplier: r.ledger.paidToSupplierMinor,
              delivery: r.ledger.deliveryPaidMinor,
              fee: r.ledger.feePaidOutMinor,
            }[what];
            ctx.flash('ok', tr('ui.money.recorded', { amount: formatMoney(paid, data.currency, ctx.lang) }), what);
            ctx.go('money');
          } catch (err) {
            status.show('error', (err as Error).message);
          }
        },
        'primary',
        tr('ui.working'),
      ),
    ),
    status.element,
  );
}

/** Money back to a participant: the overpaid first, everyone else below. */
function refunds(ctx: ScreenContext, data: MoneyScreen): HTMLElement {
  const { tr } = ctx;
  const money = (m: number) => formatMoney(m, data.currency, ctx.lang);
  const box = el('div', { className: 'card' }, el('h2', {}, tr('ui.money.refunds')));
  if (!data.people.length) {
    append(box, notice('info', tr('ui.money.noRefunds')));
    return box;
  }
  const who = select(
    data.people.map((p) => ({
      value: p.orderKey,
      label: [
        p.balanceMinor < 0
          ? tr('ui.money.overpaid', { name: p.name, amount: money(-p.balanceMinor) })
          : tr('ui.money.owes', { name: p.name, amount: money(p.balanceMinor) }),
        p.reference,
      ]
        .filter(Boolean)
        .join(' · '),
    })),
  );
  const amount = el('input', { type: 'text', inputmode: 'decimal' });
  const prefill = () => {
    const p = data.people.find((x) => x.orderKey === who.value);
    amount.value = p && p.balanceMinor < 0 ? typedAmount(ctx, -p.balanceMinor, data.currency) : '';
  };
  who.addEventListener('change', prefill);
  prefill();
  const method = el('input', { type: 'text' });
  const status = statusLine();
  let request = requestId();
  if (!data.people.some((p) => p.balanceMinor < 0)) append(box, el('p', { className: 'muted' }, tr('ui.money.noRefunds')));
  append(
    box,
    field(tr('ui.money.refundWho'), who),
    field(tr('ui.money.amount'), amount),
    field(tr('ui.participants.method'), method),
    el(
      'div',
      { className: 'row', 'data-flash': 'refund' },
      actionButton(
        tr('ui.money.refund'),
        async () => {
          try {
            const done = await confirmed(ctx, status.element, (again) =>
              ctx.call('recordRefund', {
                roundId: data.roundId,
                orderKey: who.value,
                amount: amount.value,
                method: method.value,
                requestId: request,
                again,
              }),
            );
            if (!done) return;
            request = requestId();
            ctx.flash('ok', tr('ui.money.recorded', { amount: amount.value }), 'refund');
            ctx.go('money');
          } catch (err) {
            status.show('error', (err as Error).message);
          }
        },
        'secondary',
        tr('ui.working'),
      ),
    ),
    status.element,
  );
  return box;
}

/**
 * A two-step button: the first press asks the server what will happen (nothing changes), shows it with
 * a confirm button; the confirm press does it with the plan's token (src/core/confirm.ts). The server
 * refuses a destructive step without that token, and asks again when the figures changed meanwhile.
 */
function twoStep(
  ctx: ScreenContext,
  label: string,
  check: () => Promise<{ text: string[]; confirm: string; token?: string } | null>,
  act: (token?: string) => Promise<void>,
  anchor: string,
): HTMLElement {
  const status = statusLine();
  const plan = el('div', { 'aria-live': 'polite' });
  const first = actionButton(
    label,
    async () => {
      try {
        const shown = await check();
        clear(plan);
        if (!shown) return;
        append(
          plan,
          el('div', { className: 'card plan' }, ...shown.text.map((line) => el('p', {}, line))),
          el(
            'div',
            { className: 'row' },
            actionButton(
              shown.confirm,
              async () => {
                try {
                  await act(shown.token);
                } catch (err) {
                  status.show('error', (err as Error).message);
                }
              },
              'primary',
              ctx.tr('ui.working'),
            ),
          ),
        );
      } catch (err) {
        status.show('error', (err as Error).message);
      }
    },
    'secondary',
    ctx.tr('ui.working'),
  );
  return el('div', {}, el('div', { className: 'row', 'data-flash': anchor }, first), status.element, plan);
}

function settle(ctx: ScreenContext, data: MoneyScreen): HTMLElement {
  const { tr } = ctx;
  const money = (m: number) => formatMoney(m, data.currency, ctx.lang);
  return el(
    'div',
    { className: 'card' },
    el('h2', {}, tr('ui.money.settle')),
    el('p', { className: 'muted' }, tr('ui.money.needsSettled')),
    twoStep(
      ctx,
      tr('ui.money.settleCheck'),
      async () => {
        const p = await ctx.call('settleRound', data.roundId);
        return {
          text: [
            p.creditPeople
              ? tr('ui.money.settleCredit', { amount: money(p.creditMinor), count: p.creditPeople })
              : tr('ui.money.settleNoCredit'),
            p.outstandingMinor ? tr('ui.money.settleOwed', { amount: money(p.outstandingMinor) }) : '',
            tr('ui.money.settleFinal'),
          ].filter(Boolean),
          confirm: tr('ui.money.settleConfirm'),
          token: tokenOf(p),
        };
      },
      async (token) => {
        await ctx.call('settleRound', data.roundId, token);
        ctx.flash('ok', tr('ui.money.settled'), 'thanks');
        ctx.go('money');
      },
      'settle',
    ),
  );
}

/** After settlement: the text for the chat (with a copy button) and the email to every participant. */
async function thanks(ctx: ScreenContext, data: MoneyScreen): Promise<HTMLElement> {
  const { tr } = ctx;
  const plan = await ctx.call('thankYouScreen', data.roundId);
  const text = el('textarea', { readonly: true, rows: 8 });
  text.value = plan.chatText;
  const copied = statusLine();
  const copy = el(
    'button',
    {
      type: 'button',
      className: 'secondary',
      onclick: async () => {
        text.select();
        // The Clipboard API may be refused (or missing) in the add-on frame; copying the selection works everywhere.
        try {
          await navigator.clipboard.writeText(plan.chatText);
        } catch {
          document.execCommand('copy');
        }
        copied.show('ok', tr('ui.money.copied'));
      },
    },
    tr('ui.money.copy'),
  );
  return el(
    'div',
    { className: 'card' },
    el('h2', {}, tr('ui.money.thanks')),
    el('div', { 'data-flash': 'thanks' }),
    field(tr('ui.money.thanksChat'), text),
    el('div', { className: 'row' }, copy),
    copied.element,
    plan.feedbackUrl ? null : el('p', { className: 'muted' }, tr('ui.money.thanksNoLink')),
    twoStep(
      ctx,
      tr('ui.money.thanksSend', { count: plan.recipients }),
      async () => {
        const p = await ctx.call('sendThankYou', data.roundId);
        return {
          text: p.chatText.split('\n'),
          confirm: tr('ui.money.thanksSend', { count: p.recipients }),
          token: tokenOf(p),
        };
      },
      async (token) => {
        const r = await ctx.call('sendThankYou', data.roundId, token);
        await ctx.call('sendQueuedEmails').catch(() => undefined);
        ctx.flash('ok', tr('ui.money.thanksSent', { count: r.queued }), 'thanksSend');
        ctx.go('money');
      },
      'thanksSend',
    ),
  );
}

function purge(ctx: ScreenContext, data: MoneyScreen): HTMLElement {
  const { tr } = ctx;
  return el(
    'div',
    { className: 'card' },
    el('h2', {}, tr('ui.money.purge')),
    twoStep(
      ctx,
      tr('ui.money.purgeCheck'),
      async () => {
        const p = await ctx.call('purgePersonalData', data.roundId);
        return {
          text: [tr('ui.money.purgePlan', { count: p.people, round: p.title })],
          confirm: tr('ui.money.purgeConfirm'),
          token: tokenOf(p),
        };
      },
      async (token) => {
        await ctx.call('purgePersonalData', data.roundId, token);
        ctx.flash('ok', tr('ui.money.purged'), 'purge');
        ctx.go('money');
      },
      'purge',
    ),
  );
}

/** Folds the settled round into the Archive sheet (issue 19): the server asks first, with the count of bills. */
function archive(ctx: ScreenContext, data: MoneyScreen): HTMLElement {
  const { tr } = ctx;
  return el(
    'div',
    { className: 'card' },
    el('h2', {}, tr('ui.money.archive')),
    twoStep(
      ctx,
      tr('ui.money.archiveCheck'),
      async () => {
        const p = await ctx.call('archiveRound', data.roundId);
        return { text: isConfirmation(p) ? [p.confirm.question] : [], confirm: tr('ui.money.archiveConfirm'), token: tokenOf(p) };
      },
      async (token) => {
        const r = await ctx.call('archiveRound', data.roundId, token);
        ctx.flash('ok', tr(r.responsesKept ? 'ui.money.archiveFormKept' : 'ui.money.archived'), 'archive');
        ctx.go('rounds');
      },
      'archive',
    ),
  );
}
