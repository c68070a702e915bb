import { tokenOf } from '../../../../core/confirm';
import { formatMoney, formatNumber } from '../../../../core/i18n/format';
import type { ReceiptPlan, SupplierOrder } from '../../../../addon/receive';
import type { ReceivingScreen } from '../../../../addon/screens/receiving';
import { actionButton, append, clear, el, notice, statusLine } from '../../../shared/dom';
import { Screen, ScreenContext } from './context';

/**
 * Receiving: the supplier order (sheet and CSV file), then per item what actually arrived, typed as the
 * coordinator types numbers (default: what was bought), and the shortfall rule. "Check" asks the server
 * what will change and whom it will email; only then "Confirm" records it and sends the emails.
 */
export const receiveScreen: Screen = async (ctx) => {
  const { tr } = ctx;
  const data = await ctx.call('receivingScreen', ctx.roundId());
  const body = el('div');
  // Making the supplier order moves the round on: the receiving part below it is drawn again, the file link stays.
  const again = async () => receivingForm(ctx, body, await ctx.call('receivingScreen', data.roundId));
  const supplier = supplierBlock(ctx, data.state === 'closed' || data.state === 'ordered', again);
  receivingForm(ctx, body, data);
  return el('section', { 'aria-label': tr('ui.tab.receive') }, supplier, body);
};

function receivingForm(ctx: ScreenContext, root: HTMLElement, data: ReceivingScreen): void {
  const { tr } = ctx;
  clear(root);
  append(root, el('h1', {}, tr('ui.receive.title')));
  if (!data.canReceive) {
    append(root, notice('info', tr('ui.receive.notYet')));
    return;
  }
  const inputs = new Map<string, HTMLInputElement>();
  const form = el('form', { className: 'receive', onsubmit: (e: Event) => e.preventDefault() });
  for (const item of data.items) {
    const id = `recv-${item.itemId}`;
    const input = el('input', {
      id,
      type: 'text',
      inputmode: 'decimal',
      value: item.receivedText || item.boughtText,
      'aria-describedby': `${id}-hint`,
    });
    inputs.set(item.itemId, input);
    append(
      form,
      el(
        'div',
        { className: 'field' },
        el('label', { for: id }, tr('ui.receive.arrived', { item: item.name, unit: item.unit })),
        input,
        el(
          'span',
          { className: 'muted', id: `${id}-hint` },
          tr('ui.receive.bought', { quantity: item.boughtText, unit: item.unit }),
        ),
      ),
    );
  }
  const rules = (['latestLoseFirst', 'proportional'] as const).map((rule) => {
    const radio = el('input', { type: 'radio', name: 'rule', value: rule, checked: data.rule === rule });
    return {
      rule,
      radio,
      label: el(
        'label',
        { className: 'choice' },
        radio,
        el(
          'span',
          {},
          tr(`shortfall.${rule}`),
          el(
            'span',
            { className: 'muted block' },
            tr(rule === 'latestLoseFirst' ? 'ui.receive.ruleLatestHint' : 'ui.receive.ruleProportionalHint'),
          ),
        ),
      ),
    };
  });
  append(form, el('fieldset', { className: 'rules' }, el('legend', {}, tr('ui.receive.rule')), ...rules.map((r) => r.label)));

  const status = statusLine();
  const planBox = el('div', { 'aria-live': 'polite' });
  const typed = () => ({
    received: Object.fromEntries([...inputs].map(([id, i]) => [id, i.value])),
    rule: rules.find((r) => r.radio.checked)?.rule ?? 'latestLoseFirst',
  });
  let checked = '';
  form.addEventListener('input', () => {
    if (!checked || JSON.stringify(typed()) === checked) return;
    clear(planBox);
    append(planBox, notice('info', tr('ui.receive.changed')));
  });
  const check = actionButton(
    tr('ui.receive.check'),
    async () => {
      try {
        const input = typed();
        const plan = await ctx.call('recordReceipt', data.roundId, input);
        checked = JSON.stringify(input);
        showPlan(ctx, planBox, plan, async () => {
          const done = await ctx.call('recordReceipt', data.roundId, input, tokenOf(plan));
          // The emails go out now when the quota allows; the rest on the hourly tick.
          await ctx.call('sendQueuedEmails').catch(() => undefined);
          ctx.flash('ok', tr('ui.receive.done', { count: done.queued }), 'receive');
          ctx.go('receive');
        });
      } catch (err) {
        status.show('error', (err as Error).message);
      }
    },
    'primary',
    tr('ui.working'),
  );
  append(form, el('div', { className: 'row' }, check), status.element, planBox, el('div', { 'data-flash': 'receive' }));
  append(root, form);
}

/** What the server says will happen, and the confirm button that does it. */
function showPlan(ctx: ScreenContext, box: HTMLElement, plan: ReceiptPlan, confirm: () => Promise<void>): void {
  const { tr, lang } = ctx;
  const n = (x: number) => formatNumber(x, lang);
  clear(box);
  const lines: string[] = [];
  for (const i of plan.items) {
    if (i.short > 0) lines.push(tr('ui.receive.short', { item: i.name, quantity: n(i.short), unit: i.unit }));
    else if (i.toExtras > 0 || i.leftover > 0) {
      lines.push(tr('ui.receive.more', { item: i.name, quantity: n(i.received - i.bought), unit: i.unit }));
      if (i.toExtras > 0) lines.push(tr('ui.receive.toExtras', { quantity: n(i.toExtras), unit: i.unit }));
      if (i.leftover > 0) lines.push(tr('receive.surplus', { item: i.name, quantity: n(i.leftover), unit: i.unit }));
    } else lines.push(tr('ui.receive.asBought', { item: i.name }));
  }
  const people = [
    plan.corrections ? tr('ui.receive.corrections', { count: plan.corrections }) : tr('ui.receive.noChanges'),
    plan.shareOnly ? tr('ui.receive.shareOnly', { count: plan.shareOnly }) : '',
    tr('ui.receive.emailed', { count: plan.emailed }),
    plan.withoutEmail ? tr('ui.receive.withoutEmail', { count: plan.withoutEmail }) : '',
  ].filter(Boolean);
  const status = statusLine();
  append(
    box,
    el(
      'div',
      { className: 'card plan' },
      el('ul', {}, ...lines.map((l) => el('li', {}, l))),
      ...people.map((p) => el('p', {}, p)),
    ),
    el(
      'div',
      { className: 'row' },
      actionButton(
        tr('ui.receive.confirm', { count: plan.emailed }),
        async () => {
          try {
            await confirm();
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

/** The supplier order: makes the sheet and offers the CSV file, with the sheet as the way round a blocked download. */
function supplierBlock(ctx: ScreenContext, show: boolean, made: () => Promise<void>): HTMLElement | null {
  if (!show) return null;
  const { tr } = ctx;
  const status = statusLine();
  const result = el('div');
  const make = actionButton(
    tr('ui.supplier.make'),
    async () => {
      try {
        const order: SupplierOrder = await ctx.call('supplierOrder', ctx.roundId());
        clear(result);
        // A data: URL needs no object URL kept alive or revoked; whether the frame may download at all is
        // Google's choice (README, "Files"), hence the sheet named beside it.
        const href = `data:text/csv;charset=utf-8,${encodeURIComponent(order.csv)}`;
        append(
          result,
          el('p', {}, `${tr('ui.supplier.ready')} ${formatMoney(order.totalMinor, order.currency, ctx.lang)}`),
          el(
            'a',
            { href, download: order.fileName, className: 'download' },
            tr('ui.labelled', { label: tr('ui.supplier.download'), value: order.fileName }),
          ),
          el('p', { className: 'muted' }, tr('ui.supplier.sheetNote', { sheet: order.sheetName })),
        );
        await made();
      } catch (err) {
        status.show('error', (err as Error).message);
      }
    },
    'secondary',
    tr('ui.working'),
  );
  return el('div', { className: 'card' }, el('div', { className: 'row' }, make), status.element, result);
}
