import { formatMoney, formatNumber } from '../../../../core/i18n/format';
import { actionButton, append, el } from '../../../shared/dom';
import { Screen } from './context';

/** Live tally: a box-fill bar per item (ordered, plus extras in a lighter shade) and the minimum. */
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
      el('div', {}, `${tr('ui.tally.goods')}: ${formatMoney(data.goodsMinor, data.round.currency, lang)}`),
      el('div', {}, `${tr('ui.tally.projected')}: ${formatMoney(data.totalMinor, data.round.currency, lang)}`),
    ),
  );
  for (const i of data.items) {
    const target = i.box > 1 ? (i.fullBoxes + (i.toComplete ? 1 : 0)) * i.box || i.box : Math.max(i.minimum, i.ordered, 1);
    const pct = (x: number) => `${Math.min(100, Math.round((x / target) * 100))}%`;
    const lines: (string | HTMLElement)[] = [];
    if (i.box > 1) lines.push(tr('ui.tally.boxes', { full: i.fullBoxes, boxes: i.fullBoxes + (i.toComplete ? 1 : 0) }));
    if (i.toComplete) lines.push(tr('ui.tally.toComplete', { count: n(i.toComplete), unit: i.unit }));
    if (i.minimum) lines.push(tr('ui.tally.minimum', { minimum: n(i.minimum), unit: i.unit, ordered: n(i.ordered) }));
    append(
      root,
      el(
        'div',
        { className: 'card' },
        el('div', { className: 'title' }, `${i.name}: ${n(i.ordered)} ${i.unit}`, i.extras ? ` (+${n(i.extras)})` : ''),
        el(
          'div',
          { className: `bar${i.toBuy > 0 ? ' min' : ''}`, role: 'img', 'aria-label': `${n(i.ordered)} / ${n(target)} ${i.unit}` },
          el('div', { className: 'fill', style: `width:${pct(i.ordered)}` }),
          el('div', {
            className: 'extra',
            style: `left:${pct(i.ordered)};width:${pct(Math.min(i.extras, Math.max(0, target - i.ordered)))}`,
          }),
        ),
        ...lines.map((l) => el('div', { className: 'muted' }, l)),
        el('div', { className: 'muted' }, `${i.status} · ${tr('ui.tally.toBuy', { count: n(i.toBuy), unit: i.unit })}`),
      ),
    );
  }
  return root;
};
