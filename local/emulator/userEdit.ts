import { ExecutionRecord } from './runtime';
import { GridBox, parseA1 } from './spreadsheet/a1';
import { PROTECTED_CELL_ERROR, userObject } from './spreadsheet/protection';
import { EmuRange } from './spreadsheet/range';
import { EmuSheet } from './spreadsheet/sheet';
import { ValidationRule } from './spreadsheet/validation';
import { CellValue, displayValue } from './spreadsheet/values';
import type { Workspace } from './workspace';

/** Where a person types: "B3", "B3:C4", or [row, column]. */
export type CellAddress = string | [number, number];

export interface EditResult {
  ok: boolean;
  /** Why Sheets refused the edit (nothing was written). */
  error?: string;
  /** Warning-only protections the person confirmed past ("You are trying to edit a protected range…"). */
  warnings: string[];
  /** Executions of the simple onEdit and of every installable edit trigger, in order. */
  runs: ExecutionRecord[];
}

/**
 * Sheets' data-validation refusal. The UI's exact wording is not in the reference; this is the emulator's
 * (the fact is: a rule that rejects input keeps invalid data out, DataValidationBuilder.setAllowInvalid(false)).
 */
export const INVALID_INPUT_ERROR =
  'There was a problem: the data you entered violates the data validation rule set on this cell.';

function boxOf(address: CellAddress, rows = 1, columns = 1): GridBox {
  if (typeof address === 'string') {
    const box = parseA1(address);
    return rows === 1 && columns === 1 ? box : { ...box, numRows: rows, numColumns: columns };
  }
  return { row: address[0], column: address[1], numRows: rows, numColumns: columns };
}

/** A checkbox takes TRUE or FALSE (ticking it from the phone writes a boolean); other rules as they read. */
function validated(rule: ValidationRule | undefined, value: unknown): { value: unknown; ok: boolean } {
  if (!rule) return { value, ok: true };
  if (rule.kind === 'checkbox') {
    const v = typeof value === 'string' && /^(true|false)$/i.test(value.trim()) ? value.trim().toLowerCase() === 'true' : value;
    return { value: v, ok: typeof v === 'boolean' || v === '' || rule.allowInvalid };
  }
  if (rule.kind === 'list')
    return { value, ok: rule.allowInvalid || value === '' || rule.values.map(String).includes(String(value)) };
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  const [lo, hi] = rule.values as number[];
  return { value, ok: rule.allowInvalid || value === '' || (Number.isFinite(n) && n >= lo && n <= hi) };
}

/**
 * Event values are what the cell shows as text (a ticked checkbox arrives as "TRUE", widely reported by
 * script authors); absent when the cell was (or is) empty, as the reference says for oldValue.
 */
function eventText(sheet: EmuSheet, row: number, column: number): string | undefined {
  const cell = sheet.cell(row, column);
  if (!cell || cell.value === '') return undefined;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  if (typeof cell.value === 'number') return String(cell.value);
  const host = sheet.host;
  return displayValue(cell, sheet.formats.get(sheet.key(row, column)), host.locale(), host.timeZone());
}

/**
 * A person editing cells in the Sheets UI or the Sheets mobile app: protection first (a warning-only one
 * lets them through after its prompt), then data validation, then the values are stored as typed input,
 * then the simple onEdit(e) and every installable edit trigger run with the event object of
 * https://developers.google.com/apps-script/guides/triggers/events#edit.
 */
export function userEdit(ws: Workspace, user: string, sheetName: string, address: CellAddress, values: unknown[][]): EditResult {
  const sheet = ws.spreadsheet.sheet(sheetName);
  if (!sheet) throw new Error(`emulator: no sheet ${sheetName}`);
  const box = boxOf(address, values.length, values[0]?.length ?? 1);
  sheet.checkBounds(box.row, box.column, box.numRows, box.numColumns);
  const result: EditResult = { ok: false, warnings: [], runs: [] };
  const guards = sheet.protectionsOver(box);
  if (guards.some((p) => !p.allows(user))) return { ...result, error: PROTECTED_CELL_ERROR };
  result.warnings = guards.filter((p) => p.warningOnly).map((p) => p.description || 'protected range');

  const writes: [number, number, unknown][] = [];
  for (let r = 0; r < box.numRows; r++) {
    for (let c = 0; c < box.numColumns; c++) {
      const [row, column] = [box.row + r, box.column + c];
      const checked = validated(sheet.validations.get(sheet.key(row, column)), values[r][c]);
      if (!checked.ok) return { ...result, error: INVALID_INPUT_ERROR };
      writes.push([row, column, checked.value]);
    }
  }
  const single = box.numRows === 1 && box.numColumns === 1;
  const oldValue = single ? eventText(sheet, box.row, box.column) : undefined;
  for (const [row, column, value] of writes) sheet.put(row, column, value as CellValue);
  const value = single ? eventText(sheet, box.row, box.column) : undefined;

  const range = new EmuRange(sheet, box.row, box.column, box.numRows, box.numColumns).proxy;
  const base: Record<string, unknown> = { range, source: ws.spreadsheet.proxy };
  if (single && value !== undefined) base.value = value;
  if (single && oldValue !== undefined) base.oldValue = oldValue;
  result.runs = fireEdit(ws, user, base);
  return { ...result, ok: true };
}

/**
 * e.user: the editor's email only where Apps Script reveals it. "The user's email address is not
 * available in any context that allows a script to run without that user's authorization, like a simple
 * onOpen(e) or onEdit(e) trigger … However, these restrictions generally do not apply if the developer
 * runs the script themselves or belongs to the same Google Workspace domain as the user."
 * (developers.google.com/apps-script/reference/base/user#getEmail()). Fidelity.editEventUser decides the
 * other case.
 */
function eventUser(ws: Workspace, editor: string, runsAs: string): GoogleAppsScript.Base.User {
  const visible = editor === runsAs || ws.fidelity.editEventUser === 'email';
  return userObject(visible ? editor : '');
}

function fireEdit(ws: Workspace, editor: string, base: Record<string, unknown>): ExecutionRecord[] {
  const runs: ExecutionRecord[] = [];
  // The simple trigger runs as the person editing, without authorization: AuthMode.LIMITED.
  if (ws.scriptFunction('onEdit')) {
    const e = { ...base, authMode: 'LIMITED', user: eventUser(ws, editor, ws.owner) };
    try {
      ws.run('onEdit', [e], { user: editor, cause: 'simple:onEdit', authMode: 'LIMITED' });
    } catch {
      // recorded in the execution log, as Apps Script does
    }
    runs.push(ws.executions[ws.executions.length - 1]);
  }
  // Installable edit triggers run as the account that created them, in AuthMode.FULL, with a triggerUid.
  for (const t of ws.triggers.triggers.filter((x) => x.type === 'ON_EDIT' && x.sourceId === ws.spreadsheet.id)) {
    runs.push(ws.fire(t, { ...base, user: eventUser(ws, editor, t.user) }));
  }
  return runs;
}
