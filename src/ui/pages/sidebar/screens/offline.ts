import { LANGS, LANG_NAMES } from '../../../../core/i18n/lang';
import { actionButton, append, clear, el, field, requestId, select, statusLine } from '../../../shared/dom';
import { confirmed } from './confirm';
import { Screen } from './context';

/** Typing in paper slips: kept while the sidebar is open, so a stack of slips goes in one after another. */
const paper = { on: false };

/**
 * A volunteer enters, edits or cancels the order of a neighbour without a smartphone, or types in a paper
 * slip: the fields run in the slip's order (name, building, flat, phone, then the items), Enter saves and
 * starts the next slip with the building kept, and the result shows beside the button.
 */
export const offlineScreen: Screen = async (ctx) => {
  const { tr } = ctx;
  const data = await ctx.call('offlineScreen', ctx.roundId());
  const status = statusLine();
  // The result shows right under the Save button, where the eyes of someone typing a stack of slips are.
  status.element.classList.add('beside');
  const report = status.show;
  const pickExisting = select([
    { value: '', label: tr('ui.offline.newResident') },
    ...data.orders.map((o) => ({
      value: o.orderKey,
      label: `${o.name}${o.building ? ` · ${o.building}` : ''}${o.flat ? ` ${o.flat}` : ''}${o.enteredBy ? ` ✎ ${o.enteredBy}` : ''}`,
    })),
  ]);
  const name = el('input', { type: 'text', autocomplete: 'off' });
  // A building volunteer is sent their own building(s) only: with one, it is already chosen.
  const usual = data.buildings.length === 1 ? data.buildings[0] : '';
  const building = data.buildings.length
    ? select([{ value: '', label: '—' }, ...data.buildings.map((b) => ({ value: b, label: b }))], usual)
    : el('input', { type: 'text' });
  const flat = el('input', { type: 'text' });
  const phone = el('input', { type: 'tel' });
  const email = el('input', { type: 'email' });
  const pickup = data.pickupPoints.length > 1 ? select(data.pickupPoints.map((p) => ({ value: p, label: p }))) : null;
  const emailLang = select([...LANGS.map((l) => ({ value: l, label: LANG_NAMES[l] }))], ctx.lang);
  const fromSlip = el('input', { type: 'checkbox', checked: paper.on });
  fromSlip.addEventListener('change', () => {
    paper.on = fromSlip.checked;
    for (const e of extra.values()) e.tabIndex = paper.on ? -1 : 0;
  });
  const enteredBy = el('div', { className: 'muted' });
  const qty = new Map<string, HTMLInputElement>();
  const extra = new Map<string, HTMLInputElement>();
  const table = el('table', { className: 'qty' });
  for (const i of data.items) {
    const q = el('input', { type: 'text', inputmode: 'decimal', 'aria-label': `${i.name}, ${i.unit}` });
    qty.set(i.id, q);
    const hint = i.hint;
    const cells: HTMLElement[] = [
      el('td', {}, `${i.name} (${i.unit})`, hint ? el('div', { className: 'muted' }, hint) : null),
      el('td', {}, q),
    ];
    if (i.box > 1) {
      const e = el('input', {
        type: 'text',
        inputmode: 'decimal',
        placeholder: '+',
        'aria-label': `${i.name}: ${tr('ui.offline.extra')}`,
      });
      // A slip has no "extra" box: Tab goes from one quantity to the next.
      if (paper.on) e.tabIndex = -1;
      extra.set(i.id, e);
      cells.push(el('td', {}, e));
    }
    table.appendChild(el('tr', {}, ...cells));
  }
  let request = requestId();
  const fill = (key: string) => {
    const o = data.orders.find((x) => x.orderKey === key);
    name.value = o?.name ?? '';
    building.value = o?.building ?? usual;
    flat.value = o?.flat ?? '';
    phone.value = o?.phone ?? '';
    email.value = o?.email ?? '';
    emailLang.value = o?.lang ?? ctx.lang;
    for (const [id, input] of qty) input.value = o?.quantities[id] ? String(o.quantities[id]) : '';
    for (const [id, input] of extra) input.value = o?.extras[id] ? String(o.extras[id]) : '';
    clear(enteredBy);
    if (o?.enteredBy) append(enteredBy, tr('ui.offline.enteredBy', { who: o.enteredBy }));
    request = requestId();
  };
  pickExisting.addEventListener('change', () => fill(pickExisting.value));
  const values = (m: Map<string, HTMLInputElement>) =>
    Object.fromEntries([...m].filter(([, i]) => i.value.trim()).map(([id, i]) => [id, i.value.trim()]));
  /** After a new order: the next slip starts empty, the building stays, the cursor is on the name. */
  const next = (saved: { orderKey: string }) => {
    const kept = building.value;
    pickExisting.appendChild(
      el('option', { value: saved.orderKey }, `${name.value}${kept ? ` · ${kept}` : ''}${flat.value ? ` ${flat.value}` : ''}`),
    );
    fill('');
    building.value = kept;
    name.focus();
  };
  const save = actionButton(
    tr('ui.offline.save'),
    async () => {
      try {
        const editing = !!pickExisting.value;
        const who = name.value;
        const result = await confirmed(ctx, status.element, (again) =>
          ctx.call('saveOfflineOrder', {
            roundId: ctx.roundId(),
            orderKey: pickExisting.value || undefined,
            name: name.value,
            building: building.value,
            flat: flat.value,
            phone: phone.value,
            email: email.value,
            pickupPoint: pickup?.value,
            quantities: values(qty),
            extras: values(extra),
            requestId: request,
            lang: emailLang.value,
            source: paper.on ? 'paper' : 'offline',
            again,
          }),
        );
        if (!result) return;
        request = requestId();
        if (!editing) next(result);
        const said = paper.on && !editing ? tr('ui.offline.savedNext', { name: who }) : tr('ui.offline.savedFor', { name: who });
        report('ok', [said, ...result.notes].join('\n'));
      } catch (err) {
        report('error', (err as Error).message);
      }
    },
    'primary',
    ctx.tr('ui.working'),
  );
  const cancel = actionButton(
    tr('ui.offline.cancelOrder'),
    async () => {
      if (!pickExisting.value) return;
      try {
        await ctx.call('cancelOfflineOrder', ctx.roundId(), pickExisting.value);
        pickExisting.value = '';
        fill('');
        report('ok', tr('ui.offline.cancelled'));
      } catch (err) {
        report('error', (err as Error).message);
      }
    },
    'secondary',
    ctx.tr('ui.working'),
  );
  const printSlips = actionButton(
    tr('ui.offline.printSlips'),
    async () => {
      try {
        await ctx.call('showOrderSlips', ctx.roundId());
      } catch (err) {
        report('error', (err as Error).message);
      }
    },
    'secondary',
    ctx.tr('ui.working'),
  );
  // Enter in any field saves, as a volunteer with a stack of slips expects; buttons and lists keep their own Enter.
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || e.isComposing || target.tagName !== 'INPUT' || (target as HTMLInputElement).type === 'checkbox')
      return;
    e.preventDefault();
    save.click();
  };
  return el(
    'form',
    { 'aria-label': tr('ui.tab.offline'), onsubmit: (e: Event) => e.preventDefault(), onkeydown: onKey as (e: Event) => void },
    field(tr('ui.offline.resident'), pickExisting),
    el('label', { className: 'tick' }, fromSlip, tr('ui.offline.fromSlip')),
    enteredBy,
    field(tr('ui.offline.name'), name),
    field(tr('ui.offline.building'), building),
    field(tr('ui.offline.flat'), flat),
    field(tr('ui.offline.phone'), phone),
    el('h2', {}, tr('ui.offline.quantities')),
    table,
    field(tr('ui.offline.email'), email),
    field(tr('ui.offline.lang'), emailLang),
    pickup ? field(tr('ui.offline.pickup'), pickup) : null,
    el('div', { className: 'row' }, save, status.element, cancel),
    el('div', { className: 'muted' }, tr('ui.offline.enterSaves')),
    el('div', { className: 'row' }, printSlips),
  );
};
