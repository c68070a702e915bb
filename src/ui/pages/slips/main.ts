import { listOf } from '../../../core/i18n/format';
import { resolveLang } from '../../../core/i18n/lang';
import { MessageKey, t } from '../../../core/i18n/translate';
import { slipsPerPage } from '../../../core/slips';
import { append, clear, el, notice } from '../../shared/dom';
import { call, setServerLang } from '../../shared/server';
import type { OrderSlips } from '../../../addon/slips';

/**
 * Printable order slips: A4, as many per page as the round's items leave room for, each with the items,
 * their prices and units, an empty box per item and lines for name, building, flat and phone. The
 * fields run in the order the offline-order screen takes them, so a volunteer types a slip in with Tab.
 */
const lang = resolveLang(document.body.dataset.lang);
setServerLang(lang);
const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
const roundId = document.body.dataset.round ?? '';
const root = document.getElementById('slips') as HTMLElement;
const count = document.getElementById('count') as HTMLInputElement;
(document.getElementById('count-label') as HTMLElement).textContent = tr('ui.slips.count');
const printButton = document.getElementById('print') as HTMLButtonElement;
printButton.textContent = tr('ui.print');
printButton.addEventListener('click', () => window.print());

/** A label with a line to write on, or with what is already known printed on it. */
function blank(label: MessageKey, value = '', wide = false): HTMLElement {
  return el(
    'div',
    { className: wide ? 'blank wide' : 'blank' },
    el('span', { className: 'label' }, tr(label)),
    el('span', { className: value ? 'line filled' : 'line' }, value),
  );
}

function slip(data: OrderSlips, height: string): HTMLElement {
  const rows = Math.ceil(data.items.length / 2);
  const items = el('div', { className: 'items', style: `grid-template-rows: repeat(${rows}, auto)` });
  for (const i of data.items)
    append(
      items,
      el(
        'div',
        { className: 'item' },
        el(
          'div',
          { className: 'what' },
          el('div', { className: 'name' }, i.name),
          i.hint ? el('div', { className: 'hint' }, i.hint) : null,
        ),
        el('div', { className: 'price' }, i.price),
        el(
          'div',
          { className: 'qty' },
          el('span', { className: 'box', 'aria-label': tr('ui.labelled', { label: i.name, value: tr('slip.quantity') }) }),
          el('span', { className: 'unit' }, i.unit),
        ),
      ),
    );
  return el(
    'section',
    { className: 'slip', style: `height: ${height}` },
    el('div', { className: 'head' }, el('h1', {}, data.title), el('span', { className: 'entered' }, `${tr('slip.entered')} ☐`)),
    el('div', { className: 'meta' }, tr('post.deadline', { deadline: data.deadline })),
    data.pickup ? el('div', { className: 'meta' }, tr('post.pickup', { pickup: data.pickup })) : null,
    el(
      'div',
      { className: 'person' },
      blank('slip.name', '', true),
      blank('slip.building', listOf(data.buildings, lang)),
      blank('slip.flat'),
      blank('slip.phone'),
    ),
    items,
    el('div', { className: 'note' }, tr('slip.note')),
  );
}

let loaded: OrderSlips | null = null;

function render(): void {
  if (!loaded) return;
  clear(root);
  const n = Math.max(1, Math.min(200, Math.floor(Number(count.value)) || 1));
  const perPage = slipsPerPage(loaded.items.length);
  // The printable height of A4 with 10 mm margins, shared by the slips of a page.
  const height = `calc(${277 / perPage}mm - 1px)`;
  for (let i = 0; i < n; i++) {
    const s = slip(loaded, height);
    if ((i + 1) % perPage === 0 && i + 1 < n) s.classList.add('last-on-page');
    append(root, s);
  }
}

append(root, notice('info', tr('ui.loading')));
count.addEventListener('input', render);
call('orderSlips', roundId)
  .then((data) => {
    loaded = data;
    render();
    document.body.dataset.ready = 'true';
  })
  .catch((err: Error) => {
    clear(root);
    append(root, notice('error', err.message));
  });
