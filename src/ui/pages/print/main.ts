import { formatMoney } from '../../../core/i18n/format';
import { resolveLang } from '../../../core/i18n/lang';
import { t } from '../../../core/i18n/translate';
import { append, clear, el, notice } from '../../shared/dom';
import { call, setServerLang } from '../../shared/server';

/** Printable distribution lists: one building (or pickup point) per A4 page, a checkbox per resident. */
const lang = resolveLang(document.body.dataset.lang);
setServerLang(lang);
const roundId = document.body.dataset.round ?? '';
const currency = document.body.dataset.currency ?? 'RUB';
const title = document.body.dataset.title ?? '';
const root = document.getElementById('lists') as HTMLElement;
const printButton = document.getElementById('print') as HTMLButtonElement;
printButton.textContent = t(lang, 'ui.print');
printButton.addEventListener('click', () => window.print());
append(root, notice('info', t(lang, 'ui.loading')));

call('distributionLists', roundId)
  .then((blocks) => {
    clear(root);
    for (const b of blocks) {
      const rows = b.lines.map((l) =>
        el(
          'tr',
          {},
          el('td', { className: 'box' }, l.pickedUp ? '☑' : '☐'),
          el('td', {}, l.flat),
          el('td', {}, l.name, l.phone ? el('div', {}, l.phone) : null),
          el('td', {}, ...l.items.map((i) => el('div', {}, `${i.name} — ${i.quantity}`))),
          el('td', { className: 'num' }, formatMoney(Math.max(0, l.balanceMinor), currency, lang)),
        ),
      );
      append(
        root,
        el(
          'section',
          { className: 'place' },
          el('h1', {}, `${title} · ${b.place}`),
          el(
            'table',
            {},
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', {}, '✓'),
                el('th', {}, t(lang, 'email.col.flat')),
                el('th', {}, t(lang, 'email.col.resident')),
                el('th', {}, t(lang, 'email.col.items')),
                el('th', {}, t(lang, 'email.col.due')),
              ),
            ),
            el('tbody', {}, ...rows),
          ),
        ),
      );
    }
    if (!blocks.length) append(root, notice('info', t(lang, 'ui.participants.none')));
  })
  .catch((err: Error) => {
    clear(root);
    append(root, notice('error', err.message));
  });
