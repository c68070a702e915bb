import type { CheckStatus, SetupCheck } from '../../../../addon/checkSetup';
import { MessageKey } from '../../../../core/i18n/translate';
import { actionButton, append, clear, el, notice, statusLine } from '../../../shared/dom';
import { Screen, ScreenContext } from './context';

/** A status as a word beside its line, so colour is never the only sign. */
function badge(ctx: ScreenContext, status: CheckStatus): HTMLElement {
  return el('span', { className: `state check-${status}` }, ctx.tr(`check.status.${status}` as MessageKey));
}

/**
 * "Check set-up": each thing Google decides, with its state in words and what to fix. The check runs on
 * the server as this coordinator (permissions, triggers, forms, quota, limits), in one call.
 */
export const checkScreen: Screen = async (ctx) => {
  const { tr } = ctx;
  const root = el('section', { 'aria-label': tr('ui.tab.check') });
  const status = statusLine();
  const list = el('div');
  const show = (data: SetupCheck) => {
    clear(list);
    for (const l of data.lines)
      append(
        list,
        el(
          'div',
          { className: `card check ${l.status}` },
          el('div', { className: 'title' }, `${l.title} `, badge(ctx, l.status)),
          ...l.text.split('\n').map((p) => el('div', { className: 'muted' }, p)),
        ),
      );
    if (data.authorizeUrl)
      append(list, el('a', { href: data.authorizeUrl, target: '_blank', rel: 'noopener' }, tr('check.authorize')));
    if (data.canTakeOver)
      append(
        list,
        el(
          'div',
          { className: 'row' },
          actionButton(tr('check.takeOver'), async () => {
            try {
              show(await ctx.call('takeOverTriggers'));
              status.show('ok', tr('check.tookOver'));
            } catch (err) {
              status.show('error', (err as Error).message);
            }
          }),
        ),
      );
  };
  show(await ctx.call('checkSetup'));
  append(
    root,
    el('h1', {}, tr('menu.checkSetup')),
    el('p', { className: 'muted' }, tr('check.intro')),
    status.element,
    list,
    el(
      'div',
      { className: 'row' },
      actionButton(
        tr('check.again'),
        async () => {
          try {
            show(await ctx.call('checkSetup'));
          } catch (err) {
            status.show('error', (err as Error).message);
          }
        },
        'secondary',
      ),
    ),
  );
  return root;
};

/** The banner every screen shows when the hourly check is late: what it means, and where to act. */
export async function lateTickBanner(ctx: ScreenContext): Promise<HTMLElement | null> {
  const warnings = await ctx.call('setupWarnings').catch(() => null);
  if (!warnings?.tickLate) return null;
  const box = notice('error', ctx.tr('check.banner.late', { count: warnings.hours }));
  append(
    box,
    ' ',
    el('button', { type: 'button', className: 'secondary', onclick: () => ctx.go('check') }, ctx.tr('check.details')),
  );
  return box;
}
