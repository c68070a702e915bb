import type { ChatLineInput } from '../../../../addon/chatImport';
import type { ChatReview, ReviewItem, ReviewLine } from '../../../../addon/screens/chatImport';
import { actionButton, append, clear, el, field, notice, select, statusLine } from '../../../shared/dom';
import { Screen, ScreenContext } from './context';

/** The paste survives switching tabs (to check the tally, say) and coming back. */
const kept = { paste: '', chatBuilding: '' };

/** One item row of a line under review: which item (among the candidates first) and how much. */
interface ItemRow {
  element: HTMLElement;
  typed: string;
  item: HTMLSelectElement;
  quantity: HTMLInputElement;
}

/** A reviewed line as its controls: what it will import when ticked. */
interface LineForm {
  element: HTMLElement;
  line: ReviewLine;
  tick: HTMLInputElement;
  read(): ChatLineInput;
  problems(): string[];
}

function itemRow(
  ctx: ScreenContext,
  review: ChatReview,
  i: ReviewItem,
  onChange: () => void,
  onRemove: (row: ItemRow) => void,
): ItemRow {
  const { tr } = ctx;
  const byId = new Map(review.items.map((x) => [x.id, x]));
  const first = i.candidates.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const rest = review.items.filter((x) => !i.candidates.includes(x.id));
  const item = select(
    [
      { value: '', label: tr('ui.chat.choose') },
      ...[...first, ...rest].map((x) => ({ value: x.id, label: `${x.name}, ${x.unit}` })),
    ],
    i.itemId ?? '',
  );
  item.setAttribute('aria-label', i.typed ? `${tr('ui.chat.item')}: ${i.typed}` : tr('ui.chat.item'));
  const quantity = el('input', {
    type: 'text',
    inputmode: 'decimal',
    value: i.quantity,
    'aria-label': `${tr('ui.chat.quantity')}: ${i.typed}`,
  });
  const remove = el(
    'button',
    { type: 'button', className: 'secondary small', 'aria-label': `${tr('ui.chat.removeItem')}: ${i.typed}` },
    '×',
  );
  const element = el('div', { className: 'item-row' }, item, quantity, remove);
  const row = { element, typed: i.typed, item, quantity };
  item.addEventListener('change', onChange);
  quantity.addEventListener('input', onChange);
  remove.addEventListener('click', () => onRemove(row));
  return row;
}

/** The person and item controls of a line, filled with what was understood. */
function orderFields(ctx: ScreenContext, review: ChatReview, line: ReviewLine, onChange: () => void) {
  const { tr } = ctx;
  const o = line.order ?? { name: '', building: '', flat: '', phone: '', mode: 'whole' as const, items: [] };
  const name = el('input', { type: 'text', value: o.name, autocomplete: 'off' });
  const building = select([{ value: '', label: '—' }, ...review.buildings.map((b) => ({ value: b, label: b }))], o.building);
  const flat = el('input', { type: 'text', value: o.flat, autocomplete: 'off' });
  const phone = el('input', { type: 'tel', value: o.phone, autocomplete: 'off' });
  for (const input of [name, building, flat, phone]) input.addEventListener(input === building ? 'change' : 'input', onChange);
  const rows: ItemRow[] = [];
  const list = el('div', { className: 'item-rows' });
  const remove = (row: ItemRow) => {
    rows.splice(rows.indexOf(row), 1);
    row.element.remove();
    onChange();
  };
  const add = (i: ReviewItem) => {
    const row = itemRow(ctx, review, i, onChange, remove);
    rows.push(row);
    append(list, row.element);
  };
  const start = o.items.length ? o.items : [{ itemId: null, candidates: [], typed: '', quantity: '' }];
  start.forEach(add);
  const addButton = el('button', { type: 'button', className: 'secondary small' }, tr('ui.chat.addItem'));
  addButton.addEventListener('click', () => {
    add({ itemId: null, candidates: [], typed: '', quantity: '' });
    onChange();
  });
  const element = el(
    'div',
    { className: 'order-fields' },
    el('div', { className: 'person-grid' }, field(tr('ui.offline.name'), name), field(tr('ui.offline.building'), building)),
    el('div', { className: 'person-grid' }, field(tr('ui.offline.flat'), flat), field(tr('ui.offline.phone'), phone)),
    list,
    addButton,
  );
  const read = (): ChatLineInput => ({
    lineNo: line.lineNo,
    name: name.value,
    building: building.value,
    flat: flat.value,
    phone: phone.value,
    mode: o.mode,
    items: rows.map((r) => ({ itemId: r.item.value, quantity: r.quantity.value })),
  });
  const problems = () =>
    rows.flatMap((r) => {
      const item = review.items.find((x) => x.id === r.item.value);
      if (!item) return [tr('ui.chat.chooseItem', { value: r.typed || '…' })];
      if (!r.quantity.value.trim()) return [tr('ui.chat.typeQuantity', { item: item.name })];
      return [];
    });
  return { element, read, problems };
}

function badge(kind: string, text: string): HTMLElement | null {
  return text ? el('span', { className: `badge ${kind}` }, text) : null;
}

/** A line that needs nothing (a greeting, the list's heading): one quiet row, still shown. */
function quietLine(ctx: ScreenContext, line: ReviewLine): HTMLElement {
  return el(
    'div',
    { className: 'chat-line quiet', 'data-line': line.lineNo },
    `${ctx.tr('ui.chat.quietLine', { line: line.lineNo, kind: line.kindLabel })} `,
    el('span', { className: 'said' }, line.text),
  );
}

/** A line to look at: the text as pasted, what was understood and why, and the controls to correct it. */
function reviewCard(ctx: ScreenContext, review: ChatReview, line: ReviewLine, onTick: () => void): LineForm {
  const { tr } = ctx;
  const tick = el('input', { type: 'checkbox', checked: line.ticked, disabled: !line.allowed });
  tick.setAttribute('aria-label', tr('ui.chat.importLine', { line: line.lineNo }));
  tick.addEventListener('change', onTick);
  // Correcting a line means importing it: the tick follows the edit.
  const edited = () => {
    if (line.allowed && !tick.checked) {
      tick.checked = true;
      onTick();
    }
  };
  const card = el(
    'article',
    { className: `chat-line ${line.confidence}`, 'data-line': line.lineNo },
    el(
      'div',
      { className: 'line-head' },
      el('label', { className: 'tick' }, tick, tr('ui.chat.line', { line: line.lineNo })),
      badge(line.confidence, line.confidenceLabel),
      badge(`status ${line.status ?? ''}`, line.statusLabel),
    ),
    el('blockquote', { className: 'said' }, line.text),
    line.reasons.length ? el('ul', { className: 'reasons' }, ...line.reasons.map((r) => el('li', {}, r))) : null,
    line.before ? el('div', { className: 'muted' }, tr('ui.chat.before', { items: line.before })) : null,
    line.order?.mode === 'partial' ? el('div', { className: 'muted' }, tr('ui.chat.partial')) : null,
  );
  let fields: ReturnType<typeof orderFields> | null = null;
  const showFields = () => {
    fields = orderFields(ctx, review, line, edited);
    append(card, fields.element);
    tick.disabled = !line.allowed;
  };
  tick.disabled = true;
  if (line.order) showFields();
  else if (line.allowed) {
    const make = el('button', { type: 'button', className: 'secondary small' }, tr('ui.chat.makeOrder'));
    make.addEventListener('click', () => {
      make.remove();
      showFields();
      edited();
    });
    append(card, make);
  }
  return {
    element: card,
    line,
    tick,
    read: () => fields!.read(),
    problems: () => fields?.problems() ?? [],
  };
}

/** The review: every line of the paste, none dropped; order lines as cards, the rest as quiet rows. */
function reviewList(ctx: ScreenContext, review: ChatReview, done: (text: string) => Promise<void>): HTMLElement {
  const { tr } = ctx;
  const forms: LineForm[] = [];
  const status = statusLine();
  const confirm = el('button', { type: 'button', className: 'action' });
  const label = () => (confirm.textContent = tr('ui.chat.confirm', { n: forms.filter((f) => f.tick.checked).length }));
  confirm.addEventListener('click', async () => {
    if (confirm.disabled) return;
    const ticked = forms.filter((f) => f.tick.checked);
    if (!ticked.length) return status.show('error', tr('ui.chat.nothingTicked'));
    const problems = ticked.flatMap((f) =>
      f.problems().map((p) => tr('ui.chat.lineProblem', { line: f.line.lineNo, problem: p })),
    );
    if (problems.length) return status.show('error', problems.join('\n'));
    confirm.disabled = true;
    confirm.setAttribute('aria-busy', 'true');
    confirm.textContent = tr('ui.working');
    try {
      const result = await ctx.call('importChatOrders', { roundId: ctx.roundId(), lines: ticked.map((f) => f.read()) });
      const { added, changed, cancelled, unchanged } = result;
      await done([tr('ui.chat.done', { added, changed, cancelled, unchanged }), ...result.notes].join('\n'));
    } catch (err) {
      status.show('error', (err as Error).message);
    } finally {
      confirm.disabled = false;
      confirm.removeAttribute('aria-busy');
      label();
    }
  });
  const lines = el('div', { className: 'chat-lines' });
  for (const line of review.lines) {
    const needsLook = line.order || line.confidence !== 'sure';
    if (!needsLook) {
      append(lines, quietLine(ctx, line));
      continue;
    }
    const form = reviewCard(ctx, review, line, label);
    forms.push(form);
    append(lines, form.element);
  }
  label();
  const c = review.counts;
  return el(
    'div',
    { className: 'review' },
    notice(
      'info',
      tr('ui.chat.summary', { sure: c.sure, check: c.check, notUnderstood: c.notUnderstood, unchanged: c.unchanged }),
    ),
    lines,
    el('div', { className: 'confirm-bar' }, confirm, status.element),
  );
}

/** Paste a chat, review every line, fix what needs a person, import the ticked lines as orders. */
export const chatImportScreen: Screen = async (ctx) => {
  const { tr } = ctx;
  const paste = el('textarea', { rows: 8, spellcheck: 'false' });
  paste.value = kept.paste;
  paste.addEventListener('input', () => (kept.paste = paste.value));
  const chatBuilding = select([{ value: '', label: tr('ui.chat.wholeCommunity') }], kept.chatBuilding);
  chatBuilding.addEventListener('change', () => (kept.chatBuilding = chatBuilding.value));
  const reviewBox = el('div', { 'aria-live': 'polite' });
  const status = statusLine();
  const show = (review: ChatReview, message?: string) => {
    clear(reviewBox);
    if (message) append(reviewBox, notice('ok', message));
    if (review.lines.length)
      append(
        reviewBox,
        reviewList(ctx, review, (text) => read(text)),
      );
  };
  const read = async (message?: string) =>
    show(await ctx.call('readChatPaste', ctx.roundId(), paste.value, { chatBuilding: chatBuilding.value }), message);
  const readButton = actionButton(
    tr('ui.chat.read'),
    async () => {
      try {
        await read();
      } catch (err) {
        status.show('error', (err as Error).message);
      }
    },
    'primary',
    tr('ui.working'),
  );
  // One call: it says which buildings the caller may import (a volunteer: their own), and reviews a kept paste.
  const first = await ctx.call('readChatPaste', ctx.roundId(), kept.paste, { chatBuilding: kept.chatBuilding });
  for (const b of first.buildings) chatBuilding.appendChild(el('option', { value: b, selected: b === kept.chatBuilding }, b));
  show(first);
  return el(
    'section',
    { className: 'chat-import', 'aria-label': tr('ui.tab.chat') },
    el('h1', {}, tr('ui.tab.chat')),
    el('p', { className: 'muted' }, tr('ui.chat.intro')),
    field(tr('ui.chat.paste'), paste),
    field(tr('ui.chat.chatBuilding'), chatBuilding),
    el('div', { className: 'row' }, readButton, status.element),
    reviewBox,
  );
};
