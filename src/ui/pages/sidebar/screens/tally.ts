import { formatMoney, formatNumber } from '../../../../core/i18n/format';
import { actionButton, append, el } from '../../../shared/dom';
import { Screen } from './context';
import { MessageKey } from '../../../../core/i18n/en';

/** What the bar's colours mean, once above the items. */
function legend(tr: (key: MessageKey) => string): HTMLElement {
  const swatch = (className: string, label: string) =>
    el('span', { className: 'key' }, el('span', { className: `swatch ${className}` }), label);
  return el(
    'div',
    { className: 'legend muted' },
    swatch('fill', tr('ui.tally.legend.ordered')),
    swatch('extra', tr('ui.tally.legend.extra')),
    swatch('bought', tr('ui.tally.legend.bought')),
  );
}

/** Live tally: a box-fill bar per item (ordered, plus extras in a lighter shade) and one sentence of what happens. */
export const tallyScreen: Screen = async (ctx) => {
  const { tr, lang } = ctx;
  const data = await ctx.call('tallyScreen', ctx.roundId());
  const n = (x: number) => formatNumber(x, lang);
  const root = el(
    'section',
    { 'aria-label': tr('ui.tab.tally') },
    el(
      'div',
      { className: 'row' },
      actionButton(tr('ui.refresh'), async () => ctx.go('tally'), 'secondary'),
    ),
    el(
      'div',
      { className: 'card' },
      el('div', {}, tr('ui.tally.participants', { count: data.participants })),
      el(
        'div',
        {},
        tr('ui.labelled', { label: tr('ui.tally.goods'), value: formatMoney(data.goodsMinor, data.round.currency, lang) }),
      ),
      el(
        'div',
        {},
        tr('ui.labelled', { label: tr('ui.tally.projected'), value: formatMoney(data.totalMinor, data.round.currency, lang) }),
      ),
    ),
    legend(tr),
  );
  for (const i of data.items) {
    const target = i.box > 1 ? (i.fullBoxes + (i.toComplete ? 1 : 0)) * i.box || i.box : Math.max(i.minimum, i.ordered, 1);
    const pct = (x: number) => `${Math.min(100, Math.round((x / target) * 100))}%`;
    append(
      root,
      el(
        'div',
        { className: 'card' },
        el(
          'div',
          { className: 'title' },
          tr('ui.labelled', { label: i.name, value: i.extras ? `${i.orderedText} + ${i.extrasText}` : i.orderedText }),
        ),
        el(
          'div',
          { className: `bar${i.toBuy > 0 ? ' min' : ''}`, role: 'img', 'aria-label': `${n(i.ordered)} / ${n(target)} ${i.unit}` },
          el('div', { className: 'fill', style: `width:${pct(i.ordered)}` }),
          el('div', {
            className: 'extra',
            style: `left:${pct(i.ordered)};width:${pct(Math.min(i.extras, Math.max(0, target - i.ordered)))}`,
          }),
        ),
        el('div', { className: 'say' }, i.sentence),
      ),
    );
  }
  return root;
};
