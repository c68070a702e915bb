import { Lang } from '../../../../core/i18n/lang';
import { MessageKey } from '../../../../core/i18n/translate';
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
