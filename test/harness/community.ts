import { Deployment, Fidelity, LoadedAddOn, Workspace } from '../../local/emulator';
import type { RoundSnapshot } from '../../src/workspace/rounds';
import { loadAddOn } from './bundle';
import { columnNames, sheetName, width } from '../../src/workspace/sheets/schema';
import { Resident, residentAnswers, roundSnapshot, submitAsResident } from '../../local/scenario/resident';
import { runConfirmed } from '../../local/scenario/confirm';

export type { Resident };

export const HOUR = 3600_000;
export const NOW = Date.UTC(2026, 10, 20, 9, 0);

/** Rows a coordinator types into the Catalog sheet: [id, name, nameRu, nameZh, nameEn, unit, price, step, box, minimum, limit, stock, retail, supplier, code] */
export const CATALOG = [
  ['RICE', 'Рис', '', '大米', 'Rice', 'кг', '95,50', '0,5', '25', '', '10', '', '120', 'Опт', 'R-1'],
  ['OIL', 'Масло подсолнечное', '', '葵花籽油', 'Sunflower oil', 'бут.', 180, '', 6, '', '', '', 210, 'Опт', 'O-1'],
  ['EGGS', 'Яйца', '', '鸡蛋', 'Eggs', 'дес.', 110, '', '', '', 3, 40, '', 'Ферма', 'E-1'],
  ['FLOUR', 'Мука', '', '面粉', 'Flour', 'кг', 60, 1, 1, 20, '', '', 75, 'Опт', 'F-1'],
];

export interface Community extends LoadedAddOn {
  ws: Workspace;
  roundId: string;
  formId: string;
  snapshot(): RoundSnapshot;
}

/**
 * Types rows into a sheet the way a coordinator does: as text typed into the Sheets UI (a number is typed
 * as its digits), read by the spreadsheet's locale unless the column is plain text, through protections
 * and data validation, firing edit triggers (ws.paste, local/emulator/userEdit.ts).
 */
export function typeRows(ws: Workspace, sheetName: string, rows: unknown[][], startRow = 2, user = ws.owner): void {
  rows.forEach((r, i) => {
    const typed = r.map((v) => (typeof v === 'number' ? String(v) : v));
    const result = ws.paste(user, sheetName, [startRow + i, 1], [typed]);
    if (!result.ok) throw new Error(`typing into ${sheetName} was refused: ${result.error}`);
  });
}

export const documentSnapshot = roundSnapshot;

/**
 * A Russian-speaking community with the catalog above, 3 buildings, 2 pickup points, set up by its
 * coordinator, and one open round closing in 48 hours.
 */
export interface CommunityOptions {
  deadlineInHours?: number;
  /** Settings as the coordinator saves them from the sidebar (currency, payee details…), before the round. */
  settings?: Record<string, string>;
  /** 'addon' (the emulator's default: one published project) or 'bound' (one script per spreadsheet). */
  deployment?: Deployment;
  /** A reading of what Google leaves open (local/emulator/fidelity.ts); STRICT otherwise. */
  fidelity?: Partial<Fidelity>;
  /** What the coordinator types before opening the round (members, settings…). */
  before?: (ws: Workspace) => void;
}

/** Both ways the add-on is deployed: one script per community (README "Deploy") and one published add-on. */
export const DEPLOYMENTS: Deployment[] = ['bound', 'addon'];

export function openCommunity(options: CommunityOptions = {}): Community {
  const loaded = loadAddOn({ now: NOW, deployment: options.deployment, fidelity: options.fidelity });
  const ws = loaded.workspace;
  ws.session.locales.set(ws.owner, 'ru_RU');
  ws.run('setUpCommunity');
  typeRows(ws, 'Каталог', CATALOG);
  // Settings as the coordinator saves them from the sidebar (currency, payee details…), before the round.
  if (options.settings) ws.run('saveSettings', [{ settings: options.settings }]);
  typeRows(ws, 'Дома и пункты выдачи', [
    ['дом / подъезд', 'Дом 1'],
    ['дом / подъезд', 'Дом 2'],
    ['дом / подъезд', 'Дом 3'],
    ['пункт выдачи', 'Двор'],
    ['пункт выдачи', 'Школа'],
  ]);
  options.before?.(ws);
  const deadline = new Date(NOW + (options.deadlineInHours ?? 48) * HOUR).toISOString();
  const round = ws.run<{ id: string }>('createRound', [
    { title: 'Ноябрь', deadline, itemIds: ['RICE', 'OIL', 'EGGS', 'FLOUR'], delivery: '900', pickupTime: 'суббота 10–12' },
  ]);
  const opened = ws.run<{ id: string; formUrl: string }>('openRound', [round.id]);
  const snap = documentSnapshot(ws, opened.id);
  return { ...loaded, ws, roundId: opened.id, formId: snap.formId, snapshot: () => documentSnapshot(ws, opened.id) };
}

/** The answers a resident gives, keyed by the form's question titles. */
export function answers(c: Community, r: Resident): Record<string, string> {
  return residentAnswers(c.snapshot(), r);
}

export function submit(c: Community, r: Resident, options: { deliver?: number; edit?: string; bypassValidation?: boolean } = {}) {
  return submitAsResident(c.ws, c.roundId, r, options);
}

/** The Orders sheet's data rows as objects keyed by the header's column keys. */
export function orderRows(ws: Workspace): Record<string, unknown>[] {
  const sheet = ws.spreadsheet.sheet(sheetName('orders', 'ru'));
  if (!sheet) throw new Error('no Orders sheet');
  const keys = columnNames('orders');
  const out: Record<string, unknown>[] = [];
  const { rows } = sheet.dataExtent();
  for (let r = 2; r <= rows; r++) {
    const values = keys.map((_, c) => sheet.read(r, c + 1));
    if (values.every((v) => v === '')) continue;
    out.push(Object.fromEntries(keys.map((k, i) => [k, values[i]])));
  }
  return out;
}

export function logRows(ws: Workspace): string[][] {
  const sheet = ws.spreadsheet.sheet(sheetName('log', 'ru'));
  if (!sheet) throw new Error('no Log sheet');
  const { rows } = sheet.dataExtent();
  const out: string[][] = [];
  for (let r = 2; r <= rows; r++) out.push(Array.from({ length: width('log') }, (_, c) => String(sheet.read(r, c + 1))));
  return out;
}

/** Runs an entry point as a person who answers "yes" when it asks first (close, cancel, reopen, arrived, settle, purge). */
export function yes<T = unknown>(ws: Workspace, name: string, args: unknown[] = [], user?: string): T {
  return runConfirmed<T>(ws, name, args, { user });
}
