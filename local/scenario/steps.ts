import { SHEETS, SheetKey, sheetNames } from '../../src/workspace/sheets/schema';
import { Deployment, Workspace } from '../emulator';
import { runConfirmed } from './confirm';
import { Resident, submitAsResident } from './resident';

/**
 * A scenario is a JSON list of steps a coordinator, volunteer or resident takes. Strings may refer to
 * earlier results ("${round.id}") and to the virtual clock ("{{now+48h}}", "{{now-30m}}").
 */
export type Step =
  | { do: 'locale'; user?: string; locale: string; note?: string }
  | {
      do: 'menu' | 'call';
      fn: string;
      args?: unknown[];
      as?: string;
      save?: string;
      expectError?: boolean;
      /** Only ask: a step that cannot be undone shows its question (and plan) and is not confirmed. */
      askOnly?: boolean;
      note?: string;
    }
  | { do: 'type'; sheet: string; rows: unknown[][]; row?: number; column?: number; as?: string; note?: string }
  | {
      do: 'submit';
      round: string;
      resident: Resident;
      save?: string;
      edit?: string;
      deliver?: number;
      bypassValidation?: boolean;
      note?: string;
    }
  | {
      /**
       * A resident opens the complaint link in the newest email they got and reports a problem: the item
       * (any part of its name in the form's list), how many and what is wrong.
       */
      do: 'complain';
      to: string;
      item: string;
      quantity: string;
      text?: string;
      deliver?: number;
      note?: string;
    }
  | { do: 'advance'; hours?: number; minutes?: number; note?: string }
  | { do: 'quota'; recipients: number; note?: string }
  | Expectation;

/**
 * What a coordinator would check, so a scenario fails when the round goes otherwise:
 * - `saved` + `equals`: a value an earlier step returned ("plan.emailed");
 * - `sheet` + `row` + `column` + `equals`: a cell, found by the value in its row's first column and by the
 *   column's header as the sheet shows it;
 * - `email` (to, includes): an email was sent to that address whose subject and text contain each string.
 */
export interface Expectation {
  do: 'expect';
  note?: string;
  saved?: string;
  sheet?: string;
  row?: unknown;
  column?: string;
  equals?: unknown;
  email?: { to: string; includes: string[] };
}

export interface Scenario {
  title: string;
  description?: string;
  options?: {
    timeZone?: string;
    locale?: string;
    mailQuota?: number;
    now?: string;
    user?: string;
    /** 'bound' (one script per community) or 'addon' (one published add-on; the emulator's default). */
    deployment?: Deployment;
  };
  steps: Step[];
}

export interface StepLog {
  line(text: string): void;
}

type Saved = Record<string, unknown>;

function lookup(saved: Saved, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), saved);
}

const UNIT: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Replaces "${name.path}" and "{{now±Nh}}" in every string of a step. */
export function resolve<T>(value: T, saved: Saved, now: number): T {
  if (typeof value === 'string') {
    const whole = /^\$\{([\w.]+)\}$/.exec(value);
    if (whole) return lookup(saved, whole[1]) as T;
    return value
      .replace(/\$\{([\w.]+)\}/g, (_, p: string) => String(lookup(saved, p) ?? ''))
      .replace(/\{\{now([+-]\d+)([mhd])\}\}/g, (_, n: string, u: string) =>
        new Date(now + Number(n) * UNIT[u]).toISOString(),
      ) as T;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, saved, now)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, saved, now)])) as T;
  return value;
}

/** A sheet by its name, or by its key ("catalog", "places"…) in whatever language it was set up. */
function sheetNamed(ws: Workspace, name: string) {
  const direct = ws.spreadsheet.sheet(name);
  if (direct) return direct;
  const labels = name in SHEETS ? sheetNames(name as SheetKey) : undefined;
  const found = labels && ws.spreadsheet.sheets.find((s) => labels.includes(s.name));
  if (!found) throw new Error(`no sheet "${name}"`);
  return found;
}

export function runSteps(ws: Workspace, steps: Step[], log: StepLog, saved: Saved = {}): Saved {
  steps.forEach((raw, i) => {
    const step = resolve(raw, saved, ws.clock.now());
    const label = `#${i + 1} ${step.do}${'fn' in step ? ` ${step.fn}` : ''}${step.note ? ` — ${step.note}` : ''}`;
    switch (step.do) {
      case 'locale':
        ws.session.locales.set(step.user ?? ws.owner, step.locale);
        break;
      case 'menu':
      case 'call': {
        try {
          // A step that does what cannot be undone answers "yes" to its question, which the log keeps.
          const result = step.askOnly
            ? ws.run(step.fn, step.args ?? [], { user: step.as })
            : runConfirmed(ws, step.fn, step.args ?? [], {
                user: step.as,
                onQuestion: (q) => log.line(`${label}: asked "${q}" → yes`),
              });
          if (step.save) saved[step.save] = result;
          log.line(`${label}: ok${result === undefined ? '' : ` → ${JSON.stringify(result).slice(0, 300)}`}`);
        } catch (err) {
          // The step's label is the useful part; tsconfig's es2020 lib has no Error `cause`.
          // eslint-disable-next-line preserve-caught-error
          if (!step.expectError) throw new Error(`${label}: ${(err as Error).message}`);
          log.line(`${label}: refused as expected → ${(err as Error).message}`);
        }
        return;
      }
      case 'type': {
        // As a person types: text read by the sheet's locale (unless the column is plain text), through
        // protections and validation, firing edit triggers (local/emulator/userEdit.ts).
        const sheet = sheetNamed(ws, step.sheet);
        step.rows.forEach((r, dr) => {
          const typed = r.map((v) => (typeof v === 'number' ? String(v) : v));
          const at: [number, number] = [(step.row ?? 2) + dr, step.column ?? 1];
          const result = ws.paste(step.as ?? ws.owner, sheet.name, at, [typed]);
          if (!result.ok) throw new Error(`${label}: ${result.error}`);
        });
        break;
      }
      case 'submit': {
        const editOf = step.edit ? (saved[step.edit] as { responseId?: string } | undefined)?.responseId : undefined;
        const result = submitAsResident(ws, step.round, step.resident, {
          deliver: step.deliver,
          edit: editOf,
          bypassValidation: step.bypassValidation,
        });
        if (step.save && result.ok)
          saved[step.save] = { responseId: result.responseId, row: result.row, editUrl: result.editUrl };
        log.line(
          `${label}: ${result.ok ? `response row ${result.row}` : `refused by the form: ${JSON.stringify(result.errors)}${result.closed ? ` ${result.closed}` : ''}`}`,
        );
        return;
      }
      case 'complain': {
        const result = complainFromEmail(ws, step);
        log.line(
          `${label}: ${result.ok ? `response row ${result.row}` : `refused by the form: ${JSON.stringify(result.errors)}`}`,
        );
        return;
      }
      case 'advance': {
        const fired = ws.advance((step.hours ?? 0) * UNIT.h + (step.minutes ?? 0) * UNIT.m);
        log.line(
          `${label}: now ${new Date(ws.clock.now()).toISOString()}; ${fired.length} trigger run(s)${fired
            .filter((f) => f.error)
            .map((f) => `; ${f.functionName} failed: ${f.error}`)
            .join('')}`,
        );
        return;
      }
      case 'quota':
        ws.mail.dailyQuota = step.recipients;
        break;
      case 'expect':
        check(ws, step, saved, label);
        break;
    }
    log.line(`${label}: ok`);
  });
  return saved;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function check(ws: Workspace, e: Expectation, saved: Saved, label: string): void {
  const fail = (what: string) => {
    throw new Error(`${label}: ${what}`);
  };
  if (e.saved !== undefined) {
    const value = lookup(saved, e.saved);
    if (!same(value, e.equals)) fail(`${e.saved} is ${JSON.stringify(value)}, expected ${JSON.stringify(e.equals)}`);
  }
  if (e.sheet !== undefined) {
    const sheet = sheetNamed(ws, e.sheet);
    const { rows, columns } = sheet.dataExtent();
    const header = Array.from({ length: columns }, (_, c) => String(sheet.read(1, c + 1)));
    const col = header.indexOf(String(e.column)) + 1;
    if (!col) fail(`no column "${e.column}" in ${e.sheet}`);
    let found = 0;
    for (let r = 2; r <= rows && !found; r++) if (same(sheet.read(r, 1), e.row)) found = r;
    if (!found) fail(`no row "${String(e.row)}" in ${e.sheet}`);
    const value = sheet.read(found, col);
    if (!same(value, e.equals))
      fail(`${e.sheet} ${String(e.row)} / ${e.column} is ${JSON.stringify(value)}, expected ${JSON.stringify(e.equals)}`);
  }
  if (e.email) {
    const { to, includes } = e.email;
    const hit = ws.mail.sent.some((m) => m.to === to && includes.every((x) => `${m.subject}\n${m.body}`.includes(x)));
    if (!hit) fail(`no email to ${to} containing ${JSON.stringify(includes)}`);
  }
}

/** The resident's side of a complaint link: found in their newest email that has one, answered, submitted. */
function complainFromEmail(ws: Workspace, step: Extract<Step, { do: 'complain' }>) {
  const link = /(https:\/\/docs\.google\.com\/forms\/d\/e\/[^\s]*usp=pp_url[^\s]*)/;
  const mail = [...ws.mail.sent].reverse().find((m) => m.to === step.to && link.test(m.body));
  if (!mail) throw new Error(`complain: no email to ${step.to} with a complaint link`);
  const url = link.exec(mail.body)![1];
  const form = ws.forms.byId(/\/d\/e\/([^/]+)\//.exec(url)![1])!;
  // The complaint form's questions in order: round, code, item (the list), how many, what is wrong.
  const list = form.items.find((i) => i.kind === 'LIST')!;
  const [quantity, text] = form.items.slice(form.items.indexOf(list) + 1);
  const choice = list.choices.find((c) => c.includes(step.item));
  if (!choice) throw new Error(`complain: no "${step.item}" in the form's list (${list.choices.join(', ')})`);
  const answersByItem = { [list.id]: choice, [quantity.id]: step.quantity, [text.id]: step.text ?? '' };
  return ws.submitPrefilled(url, { answers: {}, answersByItem }, { deliver: step.deliver });
}
