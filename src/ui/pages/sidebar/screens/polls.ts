import { formatMoney } from '../../../../core/i18n/format';
import { actionButton, append, el, field, notice, requestId } from '../../../shared/dom';
import { ScreenContext } from './context';

/**
 * Needs polls on the Rounds screen: "ask what to buy next" (Catalog items and typed new lines), then each
 * poll with its link, its chat text, the interest so far, and "make a round from this poll".
 */
export async function pollsSection(
  ctx: ScreenContext,
  catalog: { id: string; name: string; unit: string; priceMinor: number; problem: string }[],
  currency: string,
  deadlineIso: (local: string) => string,
  report: (kind: 'error' | 'ok', text: string) => void,
): Promise<HTMLElement> {
  const { tr } = ctx;
  const polls = await ctx.call('pollsScreen');
  const title = el('input', { type: 'text' });
  const boxes = catalog
    .filter((i) => !i.problem)
    .map((i) => ({ id: i.id, box: el('input', { type: 'checkbox', value: i.id }), label: i }));
  const lines = el('textarea', { rows: 3 });
  let request = requestId();
  const form = el(
    'details',
    { className: 'new-poll' },
    el('summary', {}, tr('ui.poll.new')),
    field(tr('ui.poll.title'), title),
    el(
      'fieldset',
      { className: 'items' },
      el('legend', {}, tr('ui.round.items')),
      ...boxes.map((b) =>
        el('label', {}, b.box, `${b.label.name} — ${formatMoney(b.label.priceMinor, currency, ctx.lang)}/${b.label.unit}`),
      ),
    ),
    field(tr('ui.poll.newLines'), lines),
    actionButton(tr('ui.poll.create'), async () => {
      try {
        await ctx.call('createPoll', {
          title: title.value,
          itemIds: boxes.filter((b) => b.box.checked).map((b) => b.id),
          newLines: lines.value,
          requestId: request,
        });
        request = requestId();
        ctx.go('rounds');
      } catch (err) {
        report('error', (err as Error).message);
      }
    }),
  );
  const section = el('section', { className: 'polls' }, form);
  for (const p of polls) {
    const chat = el('textarea', { rows: 3, readOnly: true, 'aria-label': tr('ui.poll.chatText') });
    chat.value = p.chatText;
    const when = el('input', { type: 'datetime-local' });
    const make = p.roundId
      ? null
      : el(
          'div',
          { className: 'row' },
          field(tr('ui.poll.roundDeadline'), when),
          actionButton(tr('ui.poll.makeRound'), async () => {
            try {
              const round = await ctx.call('roundFromPoll', p.id, deadlineIso(when.value), requestId());
              ctx.flash('ok', tr('ui.poll.made', { title: round.title }));
              ctx.go('rounds', round.id);
            } catch (err) {
              report('error', (err as Error).message);
            }
          }),
        );
    append(
      section,
      el(
        'div',
        { className: 'card poll' },
        // People read the poll by its title and date, never by its internal id.
        el('div', { className: 'title' }, p.title),
        el('div', { className: 'muted' }, p.created, p.roundTitle ? ` · ${tr('ui.poll.madeInto', { title: p.roundTitle })}` : ''),
        el('div', {}, el('a', { href: p.formUrl, target: '_blank', rel: 'noopener' }, tr('ui.poll.link'))),
        field(tr('ui.poll.chatText'), chat),
        el('div', { className: 'muted' }, tr('ui.poll.answers', { answers: p.answers })),
        el('ul', {}, ...p.lines.map((l) => el('li', {}, l))),
        p.notInCatalog ? notice('info', p.notInCatalog) : null,
        make,
      ),
    );
  }
  return section;
}
