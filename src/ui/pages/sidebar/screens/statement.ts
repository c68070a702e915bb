import type { StatementBill, StatementLine, StatementReview } from '../../../../addon/statement';
import { formatMoney } from '../../../../core/i18n/format';
import { MessageKey } from '../../../../core/i18n/translate';
import { actionButton, append, clear, el, field, notice, select, statusLine } from '../../../shared/dom';
import { Screen, ScreenContext } from './context';

const STATUS: Record<StatementLine['status'], MessageKey> = {
  matched: 'ui.statement.matched',
  ambiguous: 'ui.statement.ambiguous',
  unknown: 'ui.statement.unknown',
  alreadyRecorded: 'ui.statement.alreadyRecorded',
};

/**
 * Statement matching: paste, read, review (found / choose / not found / already recorded), then record
 * the chosen lines as payments. The text stays in the box, so pasting the same statement again shows
 * its lines as already recorded instead of paying twice.
 */
export const statementScreen: Screen = async (ctx) => {
  const { tr } = ctx;
  const text = el('textarea', { rows: 6, spellcheck: 'false' });
  const status = statusLine();
  const review = el('div');
  const read = async (after?: string) => {
    const r = await ctx.call('matchStatementLines', { text: text.value });
    renderReview(ctx, review, r, text, read, after);
  };
  return el(
    'section',
    { 'aria-label': tr('ui.tab.statement') },
    el('h1', {}, tr('ui.statement.title')),
    field(tr('ui.statement.paste'), text),
    el(
      'div',
      { className: 'row' },
      actionButton(
        tr('ui.statement.read'),
        async () => {
          try {
            clear(status.element);
            await read();
          } catch (err) {
            status.show('error', (err as Error).message);
          }
        },
        'primary',
        tr('ui.working'),
      ),
    ),
    status.element,
    review,
  );
};

function billLabel(ctx: ScreenContext, b: StatementBill, code: string): string {
  const due = ctx.tr('ui.labelled', { label: b.roundId, value: formatMoney(b.dueMinor, code, ctx.lang) });
  return [b.name, b.reference, due].filter(Boolean).join(' · ');
}

function renderReview(
  ctx: ScreenContext,
  box: HTMLElement,
  r: StatementReview,
  text: HTMLTextAreaElement,
  again: (after?: string) => Promise<void>,
  after?: string,
): void {
  const { tr } = ctx;
  clear(box);
  if (!r.lines.length) {
    append(box, notice('info', tr('ui.statement.nothing')));
    return;
  }
  const choices: { fingerprint: string; control: () => string }[] = [];
  const label = () => tr('ui.statement.record', { count: choices.filter((c) => c.control()).length });
  let button: HTMLButtonElement | null = null;
  const refresh = () => {
    if (button && !button.disabled) button.textContent = label();
  };
  for (const line of r.lines) {
    const card = el(
      'div',
      { className: `card line ${line.status}` },
      el(
        'div',
        { className: 'title' },
        el('span', { className: `state ${line.status}` }, tr(STATUS[line.status])),
        ' ',
        line.amountText || tr('ui.statement.noAmount'),
      ),
      el('div', { className: 'raw' }, line.raw),
      el('div', { className: 'muted' }, line.why),
    );
    if (line.status !== 'alreadyRecorded' && (line.amountMinor ?? 0) > 0) {
      const options =
        line.status === 'matched'
          ? r.bills.filter((b) => b.orderKey === line.orderKey)
          : line.candidates.length
            ? line.candidates
            : r.bills;
      const pick = select(
        [
          { value: '', label: tr('ui.statement.notABill') },
          ...options.map((b) => ({ value: b.orderKey, label: billLabel(ctx, b, r.currency) })),
        ],
        line.status === 'matched' ? line.orderKey : '',
      );
      pick.addEventListener('change', refresh);
      append(card, field(tr('ui.statement.payFor'), pick));
      choices.push({ fingerprint: line.fingerprint, control: () => pick.value });
    }
    append(box, card);
  }
  const status = statusLine();
  button = actionButton(
    label,
    async () => {
      try {
        const confirmed = choices.filter((c) => c.control()).map((c) => ({ fingerprint: c.fingerprint, orderKey: c.control() }));
        const done = await ctx.call('recordStatementPayments', { text: text.value, confirmed });
        await again(tr('ui.statement.recorded', { count: done.recorded }));
      } catch (err) {
        status.show('error', (err as Error).message);
      }
    },
    'primary',
    tr('ui.working'),
  );
  // The result stands next to the button that recorded it, over the refreshed review.
  append(box, el('div', { className: 'row' }, button), status.element);
  if (after) status.show('ok', after);
}
