import { actionButton, append, clear, el, notice, statusLine } from '../../../shared/dom';
import { listOf } from '../../../../core/i18n/format';
import { Screen, ScreenContext } from './context';

type Summary = Awaited<ReturnType<typeof fetchSummary>>;

function fetchSummary(ctx: ScreenContext) {
  return ctx.call('emailsScreen', ctx.roundId());
}

/**
 * What was sent, queued and failed, the quota left today, and the round's mailings. A send runs on the
 * server in resumable chunks; meanwhile this screen polls the outbox for a progress bar.
 */
export const emailsScreen: Screen = async (ctx) => {
  const { tr } = ctx;
  const status = statusLine();
  const counts = el('div', { className: 'card' });
  const progress = el('progress', { max: 1, value: 0, 'aria-label': tr('ui.emails.progress') });
  const stuck = el('div');
  const show = (s: Summary) => {
    clear(counts);
    const c = s.counts;
    append(
      counts,
      ...s.story.map((line) => el('div', {}, line)),
      el('div', {}, tr('ui.labelled', { label: tr('ui.emails.sent'), value: c.SENT })),
      el('div', {}, tr('ui.labelled', { label: tr('ui.emails.queued'), value: c.QUEUED })),
      el('div', {}, tr('ui.labelled', { label: tr('ui.emails.failed'), value: c.FAILED })),
      el('div', {}, tr('ui.labelled', { label: tr('ui.emails.noEmail'), value: c.NO_EMAIL })),
      s.noEmailNames.length ? el('div', {}, tr('ui.emails.noEmailWho', { names: listOf(s.noEmailNames, ctx.lang) })) : null,
      s.noEmailNames.length ? el('div', { className: 'muted' }, tr('ui.emails.noEmailWhat')) : null,
      el('div', { className: 'muted' }, tr('ui.emails.quota', { count: s.quota })),
      s.lastDrain?.waitingForQuota
        ? el('div', { className: 'muted' }, tr('ui.emails.waiting', { count: s.lastDrain.waitingForQuota }))
        : null,
    );
    const total = c.SENT + c.QUEUED + c.FAILED + c.SENDING;
    progress.max = Math.max(1, total);
    progress.value = c.SENT + c.FAILED;
    clear(stuck);
    if (s.stuck.length) {
      const keys = s.stuck.map((x) => x.key);
      append(
        stuck,
        notice('error', tr('ui.emails.stuck')),
        el('ul', {}, ...s.stuck.map((x) => el('li', {}, tr('ui.labelled', { label: x.to, value: x.subject })))),
        el(
          'div',
          { className: 'row' },
          actionButton(
            tr('ui.emails.markSent'),
            async () => {
              await ctx.call('resolveStuckEmails', keys, 'markSent');
              show(await fetchSummary(ctx));
            },
            'secondary',
          ),
          actionButton(
            tr('ui.emails.requeue'),
            async () => {
              await ctx.call('resolveStuckEmails', keys, 'requeue');
              show(await fetchSummary(ctx));
            },
            'secondary',
          ),
        ),
      );
    }
  };
  show(await fetchSummary(ctx));

  const report = status.show;
  /** Runs a server action, then sends the queue while polling progress. */
  const mailing = (action: () => Promise<unknown>, done: string) => async () => {
    try {
      await action();
      const poll = setInterval(
        () =>
          void fetchSummary(ctx)
            .then(show)
            .catch(() => undefined),
        3000,
      );
      try {
        const r = await ctx.call('sendQueuedEmails');
        report(
          'ok',
          [
            done,
            tr('ui.emails.result', { sent: r.sent, failed: r.failed }),
            r.waitingForQuota ? tr('ui.emails.waiting', { count: r.waitingForQuota }) : '',
            r.stoppedForTime ? tr('ui.emails.continueLater') : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      } finally {
        clearInterval(poll);
      }
      show(await fetchSummary(ctx));
    } catch (err) {
      report('error', (err as Error).message);
    }
  };
  const roundId = ctx.roundId();
  return el(
    'section',
    { 'aria-label': tr('ui.tab.emails') },
    status.element,
    counts,
    progress,
    stuck,
    el('h2', {}, tr('ui.emails.mailings')),
    el(
      'div',
      { className: 'row' },
      actionButton(
        tr('ui.emails.send'),
        mailing(async () => undefined, tr('ui.emails.done')),
        'primary',
        tr('ui.working'),
      ),
    ),
    el(
      'div',
      { className: 'row' },
      actionButton(
        tr('ui.emails.finalBills'),
        mailing(() => ctx.call('closeRound', roundId), tr('ui.emails.done')),
        'secondary',
        tr('ui.working'),
      ),
    ),
    // The supplier order and "goods arrived" live on the Receiving screen: what arrived decides the emails.
    el(
      'div',
      { className: 'row' },
      el('button', { type: 'button', className: 'secondary', onclick: () => ctx.go('receive') }, tr('ui.emails.arrived')),
    ),
    el(
      'div',
      { className: 'row' },
      actionButton(
        tr('ui.emails.volunteers'),
        mailing(() => ctx.call('sendVolunteerLists', roundId), tr('ui.emails.done')),
        'secondary',
        tr('ui.working'),
      ),
    ),
  );
};
