import { MessageKey } from '../../../../core/i18n/translate';
import { actionButton, append, el, field, notice, requestId, select, statusLine } from '../../../shared/dom';
import { confirmed } from './confirm';
import { Screen } from './context';

const DECISIONS = ['credit', 'refund', 'replace', 'reject'] as const;

/**
 * Complaints about quality in one round: a volunteer or a coordinator enters what a resident reports
 * (who, which item, how many, what is wrong); the coordinator or the treasurer decides each one. The
 * server checks both roles again; a decision asks first, with its amount.
 */
export const complaintsScreen: Screen = async (ctx) => {
  const { tr } = ctx;
  const data = await ctx.call('complaintsScreen', ctx.roundId());
  const status = statusLine();
  const root = el('section', { 'aria-label': tr('ui.tab.complaints') }, status.element);

  // Entering a complaint: the person first, then only the items they got.
  if (data.people.length) {
    const who = select(data.people.map((p) => ({ value: p.orderKey, label: `${p.name} · ${p.place}` })));
    const item = el('select');
    const fillItems = () => {
      item.replaceChildren();
      const person = data.people.find((p) => p.orderKey === who.value);
      for (const i of person?.items ?? []) item.appendChild(el('option', { value: i.id }, `${i.name} (${i.got} ${i.unit})`));
    };
    who.addEventListener('change', fillItems);
    fillItems();
    const quantity = el('input', { type: 'text', inputmode: 'decimal', value: '1' });
    const note = el('textarea', { rows: 2, maxLength: 500 });
    let request = requestId();
    append(
      root,
      el(
        'details',
        { className: 'new-complaint', open: data.complaints.length === 0 },
        el('summary', {}, tr('ui.complaints.new')),
        field(tr('ui.complaints.person'), who),
        field(tr('ui.complaints.item'), item),
        field(tr('ui.complaints.quantity'), quantity),
        field(tr('ui.complaints.note'), note),
        actionButton(tr('ui.complaints.save'), async () => {
          try {
            await ctx.call('recordComplaint', {
              roundId: data.roundId,
              orderKey: who.value,
              itemId: item.value,
              quantity: quantity.value,
              note: note.value,
              requestId: request,
            });
            request = requestId();
            ctx.flash('ok', tr('ui.complaints.saved'));
            ctx.go('complaints');
          } catch (err) {
            status.show('error', (err as Error).message);
          }
        }),
      ),
    );
  }

  append(root, el('h1', {}, tr('ui.tab.complaints')));
  if (!data.complaints.length) append(root, notice('info', tr('ui.complaints.none')));
  for (const c of data.complaints) {
    const asking = el('div', { 'aria-live': 'polite' });
    const card = el(
      'div',
      { className: 'card complaint' },
      // People read a complaint by its item and resident, never by its internal id (C1).
      el('div', { className: 'title' }, `${c.item} — ${c.name} `, el('span', { className: 'state' }, c.decisionText)),
      el('div', {}, tr('ui.complaints.from', { name: c.name, quantity: c.quantity, note: c.note })),
      c.amount ? el('div', { className: 'muted' }, c.amount) : null,
      c.reason ? el('div', { className: 'muted' }, c.reason) : null,
    );
    if (!c.decision && data.canDecide) {
      const reason = el('input', {
        type: 'text',
        'aria-label': tr('ui.complaints.reason'),
        placeholder: tr('ui.complaints.reason'),
      });
      const buttons = DECISIONS.map((d) =>
        actionButton(
          // The button says what it does; the card's state says what was decided.
          tr(`ui.complaint.do.${d}` as MessageKey),
          async () => {
            try {
              const done = await confirmed(ctx, asking, (token) =>
                ctx.call('decideComplaint', { complaintId: c.id, decision: d, reason: reason.value }, token),
              );
              if (done === null) return;
              ctx.flash('ok', tr('ui.complaints.decided'));
              ctx.go('complaints');
            } catch (err) {
              status.show('error', (err as Error).message);
            }
          },
          d === 'credit' ? 'primary' : 'secondary',
        ),
      );
      append(card, reason, el('div', { className: 'row' }, ...buttons), asking);
    }
    append(root, card);
  }
  return root;
};
