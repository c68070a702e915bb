import { formatDateTime, formatMoney } from '../../../../core/i18n/format';
import { MessageKey } from '../../../../core/i18n/translate';
import { fromWallTime, wallTime } from '../../../../core/time';
import type { RoundLikePlan } from '../../../../addon/roundLike';
import { actionButton, append, clear, el, field, notice, requestId, select, statusLine } from '../../../shared/dom';
import { confirmed } from './confirm';
import { pollsSection } from './polls';
import { Screen, ScreenContext } from './context';
import { labelled } from './person';

/** "2026-11-25T18:00" typed in the sheet's time zone → the instant, as an ISO string. */
function deadlineIso(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return '';
  return new Date(fromWallTime(timeZone, +m[1], +m[2], +m[3], +m[4], +m[5])).toISOString();
}

/** The instant as a datetime-local value on the sheet's clock ("2026-11-29T12:00"). */
function localValue(iso: string, timeZone: string): string {
  const w = wallTime(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

export const roundsScreen: Screen = async (ctx) => {
  const data = await ctx.call('roundsScreen');
  ctx.setRounds(data.rounds);
  const { tr } = ctx;
  const root = el('section', { 'aria-label': tr('ui.tab.rounds') });
  const status = statusLine();
  const report = status.show;
  /**
   * An action on a round. What cannot be undone is asked on the server first; the question appears in the
   * round's card, next to its buttons. Afterwards the buildings' tabs are brought up to date in the
   * background (a separate call, so the action itself stays quick).
   */
  const run = (place: HTMLElement, action: (token?: string) => Promise<unknown>, done: string) => async () => {
    try {
      const result = await confirmed(ctx, place, action);
      if (result === null) return;
      // A step that went through with something to fix (a form Google did not publish or let us close).
      const warning = (result as { warning?: string } | undefined)?.warning;
      ctx.flash(warning ? 'error' : 'ok', warning ? `${done}\n${warning}` : done);
      void ctx.call('refreshBuildingTabs').catch(() => undefined);
      ctx.go('rounds');
    } catch (err) {
      report('error', (err as Error).message);
    }
  };

  // The list first; the new-round form opens from the menu's "New round" or when there is no round yet.
  const creating = el(
    'details',
    { className: 'new-round', open: ctx.newRound || data.rounds.length === 0 },
    el('summary', {}, tr('ui.round.new')),
    newRoundForm(ctx, data, report),
  );
  /** "New round like R12": the form filled from the earlier round, what changed said above it. */
  const like = async (id: string) => {
    try {
      const plan = await ctx.call('roundLikePlan', id);
      clear(creating);
      append(creating, el('summary', {}, tr('ui.round.likeTitle', { id })), newRoundForm(ctx, data, report, plan));
      creating.open = true;
      // The form and what changed are at the top of the screen: show them from their first line.
      window.scrollTo(0, 0);
    } catch (err) {
      report('error', (err as Error).message);
    }
  };
  append(root, status.element, creating);
  // Needs polls: what to buy next, and a round made from the answers (issue 18).
  append(
    root,
    await pollsSection(ctx, data.catalog, data.currency, (local) => deadlineIso(local, data.timeZone), report).catch(
      (err: Error) => notice('error', err.message),
    ),
  );
  append(root, el('h1', {}, tr('ui.tab.rounds')));
  if (!data.rounds.length) append(root, notice('info', tr('ui.round.none')));
  for (const r of data.rounds) {
    const actions = el('div', { className: 'row' });
    const asking = el('div', { 'aria-live': 'polite' });
    if (r.state === 'draft')
      append(
        actions,
        actionButton(
          tr('ui.round.open'),
          run(asking, () => ctx.call('openRound', r.id), tr('ui.round.opened')),
        ),
      );
    if (r.state === 'open' || r.state === 'closed') {
      const when = el('input', { type: 'datetime-local' });
      append(
        actions,
        field(tr('ui.round.newDeadline'), when),
        actionButton(
          tr('ui.round.extend'),
          run(asking, (token) => ctx.call('extendDeadline', r.id, deadlineIso(when.value, data.timeZone), token), tr('ui.saved')),
          'secondary',
        ),
      );
    }
    if (r.state === 'open')
      append(
        actions,
        actionButton(
          tr('ui.round.close'),
          run(asking, (token) => ctx.call('closeRound', r.id, token), tr('ui.round.closed')),
          'secondary',
        ),
      );
    if (['draft', 'open', 'closed', 'ordered'].includes(r.state)) {
      const reason = el('input', {
        type: 'text',
        placeholder: tr('ui.round.cancelReason'),
        'aria-label': tr('ui.round.cancelReason'),
      });
      append(
        actions,
        reason,
        actionButton(
          tr('ui.round.cancel'),
          run(asking, (token) => ctx.call('cancelRound', r.id, reason.value, token), tr('ui.round.cancelled')),
          'secondary',
        ),
      );
    }
    append(
      root,
      el(
        'div',
        { className: 'card' },
        el(
          'div',
          { className: 'title' },
          `${r.id} · ${r.title} `,
          el('span', { className: 'state' }, tr(`state.${r.state}` as MessageKey)),
        ),
        el(
          'div',
          { className: 'muted' },
          labelled(ctx.lang, tr('ui.round.deadline'), formatDateTime(Date.parse(r.deadline), data.timeZone, ctx.lang)),
        ),
        r.formUrl
          ? el('div', {}, el('a', { href: r.formUrl, target: '_blank', rel: 'noopener' }, tr('ui.round.formLink')))
          : null,
        el(
          'div',
          { className: 'row' },
          el('button', { type: 'button', className: 'secondary', onclick: () => ctx.go('tally', r.id) }, tr('ui.tab.tally')),
          el(
            'button',
            { type: 'button', className: 'secondary', onclick: () => ctx.go('participants', r.id) },
            tr('ui.tab.participants'),
          ),
          actionButton(tr('ui.round.like'), () => like(r.id), 'secondary'),
        ),
        actions,
        asking,
      ),
    );
  }
  return root;
};

interface NewRoundData {
  catalogEmpty: boolean;
  catalog: { id: string; name: string; unit: string; priceMinor: number; box: number; problem: string }[];
  pickupPoints: string[];
  currency: string;
  deliverySplit: string;
  feePercent: number;
  timeZone: string;
}

function newRoundForm(
  ctx: ScreenContext,
  data: NewRoundData,
  report: (kind: 'error' | 'ok', text: string) => void,
  like?: RoundLikePlan,
): HTMLElement {
  const { tr } = ctx;
  const p = like?.proposal;
  const title = el('input', { type: 'text', required: true, value: p?.title ?? '' });
  const deadline = el('input', {
    type: 'datetime-local',
    required: true,
    value: p ? localValue(p.deadline, data.timeZone) : '',
  });
  const pickupTime = el('input', { type: 'text', value: p?.pickupTime ?? '' });
  const pickup = el('input', { type: 'text', value: (p?.pickupPoints.length ? p.pickupPoints : data.pickupPoints).join('; ') });
  const delivery = el('input', { type: 'text', inputmode: 'decimal', value: p ? String(p.delivery) : '0' });
  const fee = el('input', { type: 'text', inputmode: 'decimal', value: String(p?.feePercent ?? data.feePercent) });
  const split = select(
    ['equal', 'byValue', 'byQuantity'].map((v) => ({ value: v, label: tr(`ui.split.${v}` as MessageKey) })),
    p?.deliverySplit ?? data.deliverySplit,
  );
  const boxes = data.catalog.map((i) => ({
    id: i.id,
    box: el('input', { type: 'checkbox', value: i.id, disabled: !!i.problem, checked: !!p?.itemIds.includes(i.id) }),
  }));
  // What changed since the earlier round, and what to keep an eye on, before the round is created.
  const since = like
    ? el(
        'div',
        { className: 'round-like' },
        el('p', {}, tr('ui.round.changes')),
        el('ul', {}, ...like.changes.map((c) => el('li', {}, c))),
        like.watch.length ? el('p', {}, tr('ui.round.watch')) : null,
        like.watch.length ? el('ul', {}, ...like.watch.map((w) => el('li', {}, w))) : null,
      )
    : null;
  // Every item a coordinator may pick (not one with a catalog mistake), ticked or cleared at once.
  const tickAll = (on: boolean) => boxes.forEach((b) => (b.box.checked = on && !b.box.disabled));
  const items = el(
    'fieldset',
    { className: 'items' },
    el('legend', {}, tr('ui.round.items')),
    data.catalogEmpty ? notice('error', tr('catalog.empty')) : null,
    el(
      'div',
      { className: 'row' },
      el('button', { type: 'button', className: 'secondary', onclick: () => tickAll(true) }, tr('ui.round.selectAll')),
      el('button', { type: 'button', className: 'secondary', onclick: () => tickAll(false) }, tr('ui.round.selectNone')),
    ),
    ...data.catalog.map((i, n) =>
      el(
        'label',
        {},
        boxes[n].box,
        // A row with a mistake shows the mistake ("Чай: нет цены (G3)"), never "0,00 ₽/".
        i.problem
          ? el('span', { className: 'muted' }, i.problem)
          : `${i.name} — ${formatMoney(i.priceMinor, data.currency, ctx.lang)}/${i.unit}`,
      ),
    ),
  );
  let request = requestId();
  const form = el(
    'form',
    { onsubmit: (e: Event) => e.preventDefault() },
    since,
    field(tr('ui.round.title'), title),
    field(tr('ui.round.deadline'), deadline),
    field(tr('ui.round.pickupTime'), pickupTime),
    field(tr('ui.round.pickupPoints'), pickup),
    items,
    field(tr('ui.round.delivery'), delivery),
    field(tr('ui.round.split'), split),
    field(tr('ui.round.fee'), fee),
    actionButton(
      tr('ui.round.create'),
      async () => {
        try {
          const created = await ctx.call('createRound', {
            title: title.value,
            deadline: deadlineIso(deadline.value, data.timeZone),
            pickupTime: pickupTime.value,
            pickupPoints: pickup.value.split(/\s*;\s*/).filter(Boolean),
            itemIds: boxes.filter((b) => b.box.checked).map((b) => b.id),
            delivery: delivery.value,
            deliverySplit: split.value as 'equal',
            feePercent: fee.value,
            requestId: request,
          });
          request = requestId();
          ctx.flash('ok', tr('ui.round.created', { id: created.id }));
          ctx.go('rounds', created.id);
        } catch (err) {
          report('error', (err as Error).message);
        }
      },
      'primary',
      tr('ui.working'),
    ),
  );
  if (ctx.newRound) setTimeout(() => title.focus(), 0);
  return form;
}
