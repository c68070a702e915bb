import { Lang } from '../../../../core/i18n/lang';
import { MessageKey } from '../../../../core/i18n/translate';
import { el } from '../../../shared/dom';
import { call } from '../../../shared/server';

export interface ScreenContext {
  lang: Lang;
  tr: (key: MessageKey, params?: Record<string, string | number>) => string;
  call: typeof call;
  roundId(): string;
  setRounds(rounds: { id: string; title: string; state: string }[]): void;
  go(screen: string, roundId?: string): void;
  /**
   * A message shown on the next screen rendered (an action's result survives the refresh): next to the
   * element marked `data-flash="<anchor>"` (the button's own place), else on top.
   */
  flash(kind: 'ok' | 'error', text: string, anchor?: string): void;
  newRound: boolean;
}

/** A screen loads everything it shows with one server call and returns its DOM. */
export type Screen = (ctx: ScreenContext) => Promise<HTMLElement>;

/**
 * The round picker every round screen shows (the sidebar's header and the volunteer's own screen): one
 * option per round, "R12 · Овощи (открыта)", choosing one shows `screen` for it.
 */
export function roundPicker(
  ctx: Pick<ScreenContext, 'tr' | 'go'>,
  rounds: { id: string; title: string; state: string }[],
  selected: string | undefined,
  screen: string,
): HTMLElement {
  const pick = el('select', {
    'aria-label': ctx.tr('ui.round.pick'),
    onchange: (e: Event) => ctx.go(screen, (e.target as HTMLSelectElement).value),
  });
  for (const r of rounds)
    pick.appendChild(
      el(
        'option',
        { value: r.id, selected: r.id === selected },
        `${r.id} · ${r.title} (${ctx.tr(`state.${r.state}` as MessageKey)})`,
      ),
    );
  return el('div', { className: 'field' }, pick);
}
