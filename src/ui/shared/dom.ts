/**
 * Builds elements with text nodes only: residents' names and any other data are never parsed as HTML
 * (no innerHTML anywhere in the client).
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value);
    else if (key === 'className') node.className = String(value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

let counter = 0;

/** A labelled control: every input has a label, for screen readers and for clicking. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  const id = control.id || `f${++counter}`;
  control.id = id;
  return el('div', { className: 'field' }, el('label', { for: id }, label), control);
}

export function select(options: { value: string; label: string }[], value = ''): HTMLSelectElement {
  const s = el('select');
  for (const o of options) s.appendChild(el('option', { value: o.value, selected: o.value === value }, o.label));
  return s;
}

/**
 * A button that shows it is busy and cannot be pressed twice while its action runs (no double submit).
 */
export function actionButton(
  label: string | (() => string),
  action: () => Promise<unknown>,
  kind: 'primary' | 'secondary' = 'primary',
  busyLabel = '…',
): HTMLButtonElement {
  // A label may follow the screen's state ("Record 3 payments"): it is read again after each run.
  const text = () => (typeof label === 'string' ? label : label());
  const b = el('button', { type: 'button', className: kind === 'primary' ? 'action' : 'secondary' }, text());
  b.addEventListener('click', async () => {
    if (b.disabled) return;
    b.disabled = true;
    b.setAttribute('aria-busy', 'true');
    b.textContent = busyLabel;
    try {
      await action();
    } finally {
      b.disabled = false;
      b.removeAttribute('aria-busy');
      b.textContent = text();
    }
  });
  return b;
}

/** A message area the screen reader announces. */
export function notice(kind: 'error' | 'ok' | 'info', text: string): HTMLElement {
  return el(
    'div',
    { className: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    ...text.split('\n').flatMap((line, i) => (i ? [el('br'), line] : [line])),
  );
}

/** A live region for an action's result; showing a new message replaces the old one. */
export function statusLine(): { element: HTMLElement; show(kind: 'error' | 'ok', text: string): void } {
  const element = el('div', { 'aria-live': 'polite' });
  return {
    element,
    show(kind, text) {
      clear(element);
      append(element, notice(kind, text));
    },
  };
}

export function requestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
