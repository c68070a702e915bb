/** The playground shell: the emulated spreadsheet, the add-on menu and sidebar, the form, the outbox and the clock. */
interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
}
interface State {
  now: number;
  timeZone: string;
  user: string;
  users: string[];
  userLocale: string;
  sheets: { name: string; rows: number }[];
  menus: { title: string; items: MenuItem[] }[];
  toasts: { message: string; title: string }[];
  alerts: { title: string; prompt: string }[];
  pages: { n: number; kind: string; title: string }[];
  quota: number;
  forms: { id: string; title: string; accepting: boolean }[];
  executions: { fn: string; cause: string; user: string; at: number; ms: number; error: string }[];
  triggers: { handler: string; type: string; user: string; nextAt: number | null }[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let state: State;
let view = 'sheet';
let sheetName = '';
let shownPages = -1;
let menuOpen = false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  for (const k of kids) n.append(k);
  return n;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const r = await fetch(
    path,
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return r.json() as Promise<T>;
}

function time(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: state.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(ms),
  );
}

async function refresh(): Promise<void> {
  state = await api<State>('/api/state');
  $('clock').textContent = `${time(state.now)} (${state.timeZone})`;
  const user = $<HTMLSelectElement>('user');
  user.replaceChildren(...state.users.map((u) => el('option', u === state.user ? { value: u, selected: '' } : { value: u }, u)));
  $<HTMLSelectElement>('locale').value = state.userLocale.startsWith('zh')
    ? 'zh_CN'
    : state.userLocale.startsWith('ru')
      ? 'ru_RU'
      : 'en_US';
  if (state.pages.length - 1 > shownPages) {
    const last = state.pages[state.pages.length - 1];
    shownPages = state.pages.length - 1;
    openPage(last);
  }
  await render();
}

/** Background refresh: only views nobody is typing into are redrawn. */
async function refreshQuietly(): Promise<void> {
  // The phone redraws after its own edits; a background redraw would close a cell being typed into.
  if (view === 'form' || view === 'outbox' || view === 'phone') {
    state = await api<State>('/api/state');
    $('clock').textContent = `${time(state.now)} (${state.timeZone})`;
    return;
  }
  await refresh();
}

function openPage(pg: { n: number; kind: string; title: string }): void {
  if (pg.kind === 'sidebar') {
    $('panel-title').textContent = pg.title;
    $<HTMLIFrameElement>('sidebar').src = `/page/${pg.n}`;
  } else {
    $('dialog-title').textContent = pg.title;
    $<HTMLIFrameElement>('dialog-frame').src = `/page/${pg.n}`;
    $('dialog').hidden = false;
  }
}

async function render(): Promise<void> {
  const main = $('view');
  // A phone runs no editor add-on (no menu, no sidebar): the phone view hides the panel.
  document.body.classList.toggle('phone-mode', view === 'phone');
  if (view === 'phone') main.replaceChildren(await phoneView());
  if (view === 'sheet') main.replaceChildren(await sheetView());
  if (view === 'form') main.replaceChildren(formView());
  if (view === 'outbox') main.replaceChildren(await outboxView());
  if (view === 'clock') main.replaceChildren(clockView());
}

function menuBar(): HTMLElement {
  const wrap = el('div', { class: 'menubar' });
  const menu = state.menus[state.menus.length - 1];
  if (!menu) return wrap;
  const list = el('div', menuOpen ? { class: 'menu', role: 'menu' } : { class: 'menu', role: 'menu', hidden: '' });
  for (const item of menu.items) {
    if (item.separator) {
      list.append(el('hr'));
      continue;
    }
    const b = el('button', { type: 'button', role: 'menuitem' }, item.caption);
    b.addEventListener('click', async () => {
      list.hidden = true;
      menuOpen = false;
      const r = await api<{ ok: boolean; error?: string }>('/api/menu', { fn: item.functionName });
      if (!r.ok) alert(r.error);
      await refresh();
    });
    list.append(b);
  }
  const open = el(
    'button',
    { type: 'button', 'aria-haspopup': 'menu', 'data-testid': 'addon-menu' },
    `Extensions ▸ ${menu.title === 'Add-on' ? 'Group purchases' : menu.title} ▾`,
  );
  open.addEventListener('click', () => {
    list.hidden = !list.hidden;
    menuOpen = !list.hidden;
  });
  wrap.append(open, list);
  return wrap;
}

async function sheetView(): Promise<HTMLElement> {
  if (!sheetName || !state.sheets.some((s) => s.name === sheetName))
    sheetName = state.sheets.find((s) => s.rows > 0)?.name ?? state.sheets[0].name;
  const data = await api<{ values: string[][]; formulas: string[][]; frozen: number; truncated: boolean; rows: number }>(
    `/api/sheet?name=${encodeURIComponent(sheetName)}`,
  );
  const box = el('div');
  box.append(menuBar());
  for (const t of state.toasts)
    box.append(el('div', { class: 'toast', role: 'status' }, `${t.title ? `${t.title}: ` : ''}${t.message}`));
  for (const a of state.alerts) box.append(el('div', { class: 'alert', role: 'alert' }, `${a.title} ${a.prompt}`));
  const tabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Sheets' });
  for (const s of state.sheets) {
    const b = el('button', { type: 'button', role: 'tab', 'aria-selected': String(s.name === sheetName) }, s.name);
    b.addEventListener('click', () => {
      sheetName = s.name;
      void render();
    });
    tabs.append(b);
  }
  box.append(tabs);
  const table = el('table', { class: 'grid', 'data-testid': 'grid', 'aria-label': sheetName });
  const cols = data.values[0]?.length ?? 0;
  table.append(
    el('tr', {}, el('th', {}, ''), ...Array.from({ length: cols }, (_, c) => el('th', {}, String.fromCharCode(65 + (c % 26))))),
  );
  data.values.forEach((row, r) => {
    const tr = el('tr', r < data.frozen ? { class: 'frozen' } : {}, el('th', {}, String(r + 1)));
    row.forEach((v, c) => {
      const f = data.formulas[r][c];
      tr.append(el('td', f ? { class: 'formula', title: f } : {}, f || v));
    });
    table.append(tr);
  });
  box.append(table);
  if (data.truncated) box.append(el('p', {}, `Showing the first 600 of ${data.rows} rows.`));
  return box;
}

interface SheetData {
  name: string;
  values: string[][];
  formulas: string[][];
  frozen: number;
  truncated: boolean;
  rows: number;
  controls: Record<string, { kind: 'checkbox' } | { kind: 'list'; values: string[] }>;
  hiddenColumns: number[];
  columnWidths: Record<string, number>;
}

let phoneSheet = '';
let phoneNote: { kind: 'ok' | 'error'; text: string } | null = null;

/** A1 name of a 1-based row and column. */
function a1(row: number, column: number): string {
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** The person edits one cell on the phone; the server plays it through ws.edit (protections, edit triggers). */
async function phoneEdit(sheet: string, row: number, column: number, value: unknown): Promise<void> {
  const r = await api<{ ok: boolean; error: string; runs: { fn: string; user: string; error: string }[] }>('/api/edit', {
    sheet,
    row,
    column,
    value,
  });
  const failed = r.runs.find((x) => x.error);
  phoneNote = !r.ok
    ? { kind: 'error', text: r.error }
    : failed
      ? { kind: 'error', text: `${failed.fn}: ${failed.error}` }
      : { kind: 'ok', text: `${a1(row, column)} ✓ ${r.runs.map((x) => `${x.fn} (${x.user})`).join(', ')}` };
  await refresh();
}

/**
 * The Google Sheets mobile app, as a volunteer sees it at 390 px: no add-on menu or sidebar, the sheet's
 * tabs along the top, checkboxes to tick and cells to type into, an edit bar at the bottom.
 */
async function phoneView(): Promise<HTMLElement> {
  const tabsFirst = [...state.sheets].sort((a, b) => Number(b.name.startsWith('🏠')) - Number(a.name.startsWith('🏠')));
  if (!phoneSheet || !state.sheets.some((s) => s.name === phoneSheet)) phoneSheet = tabsFirst[0]?.name ?? '';
  const data = await api<SheetData>(`/api/sheet?name=${encodeURIComponent(phoneSheet)}`);
  const phone = el('div', { class: 'phone', 'data-testid': 'phone', role: 'region', 'aria-label': 'Phone' });
  phone.append(el('div', { class: 'phone-top' }, el('strong', {}, 'Sheets'), ` · ${state.user}`));
  const tabs = el('div', { class: 'phone-tabs', role: 'tablist', 'aria-label': 'Sheets on the phone' });
  for (const s of tabsFirst) {
    const b = el('button', { type: 'button', role: 'tab', 'aria-selected': String(s.name === phoneSheet) }, s.name);
    b.addEventListener('click', () => {
      phoneSheet = s.name;
      phoneNote = null;
      void render();
    });
    tabs.append(b);
  }
  phone.append(tabs);
  const edit = el('form', { class: 'phone-edit', hidden: '' });
  const shown = Array.from({ length: data.values[0]?.length ?? 0 }, (_, c) => c + 1).filter(
    (c) => !data.hiddenColumns.includes(c),
  );
  const grid = el('table', { class: 'phone-grid', 'data-testid': 'phone-grid', 'aria-label': phoneSheet });
  // Column widths as the sheet sets them (Sheets' default is 100 px).
  const widths = el('colgroup', {}, el('col', { style: 'width:28px' }));
  for (const c of shown) widths.append(el('col', { style: `width:${data.columnWidths[c] ?? 100}px` }));
  grid.append(widths, el('tr', {}, el('th', {}, ''), ...shown.map((c) => el('th', {}, a1(1, c).replace(/\d+$/, '')))));
  data.values.forEach((line, i) => {
    const row = i + 1;
    const tr = el('tr', {}, el('th', {}, String(row)));
    // A row with text in its first cell only reads across the empty cells, as Sheets lets text overflow.
    const filled = shown.filter((c) => (line[c - 1] ?? '') !== '' || data.controls[`${row},${c}`]);
    const overflow = filled.length === 1 && filled[0] === shown[0];
    for (const column of overflow ? [shown[0]] : shown) {
      const key = `${row},${column}`;
      const control = data.controls[key];
      const text = line[column - 1] ?? '';
      const td = el('td', overflow ? { colspan: String(shown.length), class: 'overflow' } : {});
      if (control?.kind === 'checkbox') {
        const box = el('input', { type: 'checkbox', 'aria-label': `${phoneSheet} ${a1(row, column)}` });
        box.checked = text === 'TRUE';
        box.addEventListener('change', () => void phoneEdit(phoneSheet, row, column, box.checked));
        td.append(box);
      } else {
        td.textContent = text;
        td.tabIndex = 0;
        td.dataset.cell = a1(row, column);
        const open = () => openEditBar(edit, phoneSheet, row, column, text, control?.kind === 'list' ? control.values : null);
        td.addEventListener('click', open);
        td.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && open());
      }
      tr.append(td);
    }
    grid.append(tr);
  });
  phone.append(el('div', { class: 'phone-sheet' }, grid));
  if (phoneNote)
    phone.append(
      el('div', { class: `phone-note ${phoneNote.kind}`, role: phoneNote.kind === 'error' ? 'alert' : 'status' }, phoneNote.text),
    );
  phone.append(edit);
  return phone;
}

/** Sheets mobile's edit bar: the cell's value to type over, or its dropdown. */
function openEditBar(
  bar: HTMLFormElement,
  sheet: string,
  row: number,
  column: number,
  text: string,
  choices: string[] | null,
): void {
  const input = choices
    ? el(
        'select',
        { 'aria-label': `${sheet} ${a1(row, column)}` },
        el('option', { value: '' }, '—'),
        ...choices.map((v) => el('option', { value: v }, v)),
      )
    : el('input', { type: 'text', 'aria-label': `${sheet} ${a1(row, column)}` });
  (input as HTMLInputElement).value = text;
  const done = el('button', { type: 'submit' }, '✓');
  bar.replaceChildren(el('span', { class: 'cell-name' }, a1(row, column)), input, done);
  bar.hidden = false;
  bar.onsubmit = (e) => {
    e.preventDefault();
    void phoneEdit(sheet, row, column, (input as HTMLInputElement).value);
  };
  input.focus();
}

function formView(): HTMLElement {
  const box = el('div');
  if (!state.forms.length) return el('p', {}, 'No round has a form yet: open a round from the sidebar.');
  const pick = el('select', { 'aria-label': 'Form' });
  state.forms.forEach((f) => pick.append(el('option', { value: f.id }, `${f.title}${f.accepting ? '' : ' (closed)'}`)));
  pick.value = state.forms[state.forms.length - 1].id;
  const frame = el('iframe', { id: 'form-frame', title: 'Resident form', 'data-testid': 'form' });
  frame.src = `/form/${pick.value}`;
  pick.addEventListener('change', () => (frame.src = `/form/${pick.value}`));
  box.append(
    el('p', {}, 'The round\u2019s Google Form as a resident sees it. Submitting fires the form-submit trigger.'),
    pick,
    frame,
  );
  return box;
}

async function outboxView(): Promise<HTMLElement> {
  const data = await api<{
    sent: { i: number; to: string; subject: string; sentAt: number }[];
    quota: number;
    dailyQuota: number;
  }>('/api/outbox');
  const list = el('ul', { 'data-testid': 'outbox' });
  const frame = el('iframe', { title: 'Email', sandbox: '' });
  const text = el('pre');
  for (const m of data.sent) {
    const b = el('button', { type: 'button' }, el('strong', {}, m.subject), el('br'), `${m.to} · ${time(m.sentAt)}`);
    b.addEventListener('click', async () => {
      frame.src = `/mail/${m.i}`;
      text.textContent = await (await fetch(`/mail/${m.i}.txt`)).text();
    });
    list.append(el('li', {}, b));
  }
  const right = el('div', { style: 'flex:1;display:flex;flex-direction:column;gap:8px' }, frame, text);
  return el(
    'div',
    {},
    el('p', {}, `${data.sent.length} sent · quota left today: ${data.quota} of ${data.dailyQuota}`),
    el('div', { class: 'emails' }, list, right),
  );
}

function clockView(): HTMLElement {
  const box = el('div');
  const step = (label: string, body: unknown) => {
    const b = el('button', { type: 'button' }, label);
    b.addEventListener('click', async () => {
      await api('/api/clock', body);
      await refresh();
    });
    return b;
  };
  box.append(
    el('p', {}, `Virtual time: ${time(state.now)}`),
    step('+1 hour', { hours: 1 }),
    ' ',
    step('+6 hours', { hours: 6 }),
    ' ',
    step('+1 day', { hours: 24 }),
    ' ',
    step('Jump past the deadline', { toDeadline: true }),
  );
  box.append(
    el('h3', {}, 'Triggers'),
    el(
      'ul',
      {},
      ...state.triggers.map((t) =>
        el('li', {}, `${t.handler} · ${t.type} · ${t.user}${t.nextAt ? ` · next ${time(t.nextAt)}` : ''}`),
      ),
    ),
  );
  const table = el('table', { class: 'runs', 'data-testid': 'executions' });
  for (const e of state.executions)
    table.append(
      el(
        'tr',
        {},
        el('td', {}, time(e.at)),
        el('td', {}, e.fn),
        el('td', {}, e.cause),
        el('td', {}, e.user),
        el('td', {}, `${(e.ms / 1000).toFixed(1)} s`),
        el('td', e.error ? { class: 'error' } : {}, e.error),
      ),
    );
  box.append(el('h3', {}, 'Executions'), table);
  return box;
}

for (const b of document.querySelectorAll<HTMLButtonElement>('#views button')) {
  b.addEventListener('click', () => {
    view = b.dataset.view ?? 'sheet';
    document.querySelectorAll('#views button').forEach((x) => x.setAttribute('aria-selected', String(x === b)));
    void render();
  });
}
$('user').addEventListener('change', async (e) => {
  await api('/api/as', { user: (e.target as HTMLSelectElement).value });
  await refresh();
});
$('locale').addEventListener('change', async (e) => {
  await api('/api/as', { locale: (e.target as HTMLSelectElement).value });
  await refresh();
});
$('reset').addEventListener('click', async () => {
  await api('/api/reset', {});
  shownPages = -1;
  await refresh();
});
$('dialog-close').addEventListener('click', () => ($('dialog').hidden = true));
window.addEventListener('message', (e) => {
  if ((e.data as { type?: string })?.type === 'host.close') $('dialog').hidden = true;
});
// The sidebar changes data: keep the sheet in view current.
setInterval(
  () =>
    void api<State>('/api/state').then((s) => {
      const changed =
        JSON.stringify(s.executions[0]) !== JSON.stringify(state?.executions[0]) || s.pages.length !== state?.pages.length;
      if (changed) void refreshQuietly();
    }),
  1500,
);
void refresh();
