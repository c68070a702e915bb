import { Confirmation, isConfirmation } from '../../../../core/confirm';
import { append, clear, el } from '../../../shared/dom';
import { ScreenContext } from './context';

/**
 * Runs a server call that may answer with a question first ("Close the round now and send 9 final
 * bills?"). The question appears in `place`, next to the button pressed, with "Yes" and "No"; "Yes" calls
 * again with the question's token. Resolves with the result, or null when the person said no.
 */
export async function confirmed<T>(
  ctx: ScreenContext,
  place: HTMLElement,
  call: (token?: string) => Promise<T | Confirmation>,
): Promise<T | null> {
  let result = await call();
  while (isConfirmation(result)) {
    const { question, token } = result.confirm;
    const yes = await ask(ctx, place, question);
    if (!yes) return null;
    result = await call(token);
  }
  return result;
}

function ask(ctx: ScreenContext, place: HTMLElement, question: string): Promise<boolean> {
  return new Promise((resolve) => {
    clear(place);
    const done = (answer: boolean) => {
      clear(place);
      resolve(answer);
    };
    const yes = el('button', { type: 'button', className: 'action', onclick: () => done(true) }, ctx.tr('ui.confirm.yes'));
    const no = el('button', { type: 'button', className: 'secondary', onclick: () => done(false) }, ctx.tr('ui.confirm.no'));
    append(
      place,
      el(
        'div',
        { className: 'confirm', role: 'alertdialog', 'aria-label': question },
        el('p', {}, question),
        el('div', { className: 'row' }, yes, no),
      ),
    );
    yes.focus();
  });
}
