import { EntryRow } from '../core/buildingTab';
import { Lang } from '../core/i18n/lang';
import { currency } from '../core/money';
import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';
import { Book } from './sheets/book';
import { cellText } from './sheets/cells';
import { columnNumber, get, header, row, width } from './sheets/schema';
import { PLAIN_TEXT_FORMAT, textCell } from './sheets/text';

/**
 * A building's tab: the sheet its volunteers use from the Sheets mobile app, where the add-on's sidebar
 * does not run. One tab per building, a section per round: its hand-out list (two checkboxes per
 * resident) after the stop, its order-entry rows while it is open. The installable edit trigger reads the
 * rows people change (addon/phone.ts); this file knows where everything is.
 *
 * Each row carries its meaning in the last, hidden column (`key`): which round, which order, which kind of
 * row. Rows may be sorted or moved by hand and still be understood.
 */

const WIDTH = width('tabList');
const KEY = columnNumber('tabList', 'key');

/** A resident's line of a hand-out list, in the tab's language. */
export interface TabListLine {
  orderKey: string;
  flat: string;
  name: string;
  pickedUp: boolean;
  paid: boolean;
  /** What is still owed (never below zero). */
  dueMinor: number;
  status: string;
  items: string;
  phone: string;
  note: string;
}

export type TabSection =
  | { kind: 'list'; roundId: string; heading: string; currency: string; lines: TabListLine[] }
  | { kind: 'entry'; roundId: string; heading: string; itemNames: string[]; rows: TabEntryLine[]; blanks: number };

/** An entry row as it stands: what the volunteer typed, and the add-on's note and order key. */
export type TabEntryLine = Omit<EntryRow, 'row'> & { status: string };

export interface TabContent {
  building: string;
  lang: Lang;
  /** The tab's first rows: its title and how to use it, a line each (a phone shows one line a row). */
  title: string[];
  sections: TabSection[];
}

/** What a row of a tab is, read from its key cell. */
export type TabRowKind = 'title' | 'list' | 'entry' | 'head' | 'row' | 'new' | 'order';

export interface TabRow {
  row: number;
  kind: TabRowKind | null;
  roundId: string;
  orderKey: string;
  values: unknown[];
}

const keyOf = (kind: TabRowKind, roundId = '', orderKey = '') => [kind, roundId, orderKey].join('|');

function parseKey(text: string): Pick<TabRow, 'kind' | 'roundId' | 'orderKey'> {
  const [kind, roundId = '', ...rest] = text.split('|');
  const kinds: TabRowKind[] = ['title', 'list', 'entry', 'head', 'row', 'new', 'order'];
  return { kind: kinds.includes(kind as TabRowKind) ? (kind as TabRowKind) : null, roundId, orderKey: rest.join('|') };
}

/** The tab's name: the house symbol tells it from the community's own sheets in any language. */
export function tabName(building: string): string {
  return `🏠 ${building}`;
}

/** Which building a sheet is the tab of, from document properties alone (the trigger asks this first). */
export function buildingOfSheet(store: DocumentStore, sheetId: number): string | null {
  const tabs = store.get(KEYS.buildingTabs) ?? {};
  return Object.keys(tabs).find((b) => tabs[b] === sheetId) ?? null;
}

export function findTab(book: Book, store: DocumentStore, building: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  const id = (store.get(KEYS.buildingTabs) ?? {})[building];
  // By its name first (a handle lookup), as Book.find does; every sheet (a round trip) only when renamed.
  const named = book.ss.getSheetByName(tabName(building));
  if (named && (id === undefined || named.getSheetId() === id)) return named;
  const sheets = book.sheets();
  return sheets.find((s) => s.getSheetId() === id) ?? sheets.find((s) => s.getName() === tabName(building)) ?? null;
}

/** Every row of a tab in one read. */
export function readTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): TabRow[] {
  const values = sheet.getDataRange().getValues();
  return values.map((v, i) => ({ row: i + 1, ...parseKey(cellText(v[KEY - 1])), values: v }));
}

const checked = (v: unknown) => v === true || String(v).trim().toUpperCase() === 'TRUE';

/** The two boxes and the note of a hand-out row as the volunteer left them. */
export function listRowState(r: TabRow): { pickedUp: boolean; paid: boolean; note: string } {
  return {
    pickedUp: checked(get('tabList', r.values, 'pickedUp')),
    paid: checked(get('tabList', r.values, 'paid')),
    note: cellText(get('tabList', r.values, 'note')),
  };
}

/** An entry row as typed. */
export function entryRowOf(r: TabRow): EntryRow {
  const cell = (c: Parameters<typeof get<'tabEntry'>>[2]) => cellText(get('tabEntry', r.values, c));
  return {
    row: r.row,
    flat: cell('flat'),
    name: cell('name'),
    item: cell('item'),
    quantity: cell('quantity'),
    phone: cell('phone'),
    note: cell('note'),
    orderKey: r.kind === 'order' ? r.orderKey : '',
  };
}

/** The rows of a round's entry section, in order. */
export function entrySection(rows: TabRow[], roundId: string): TabRow[] {
  return rows.filter((r) => (r.kind === 'new' || r.kind === 'order') && r.roundId === roundId);
}

function listRow(l: TabListLine, roundId: string, currency: string): unknown[] {
  const cells = row(
    'tabList',
    {
      flat: l.flat,
      name: l.name,
      pickedUp: l.pickedUp,
      paid: l.paid,
      due: l.dueMinor,
      status: l.status,
      items: l.items,
      phone: l.phone,
      note: l.note,
      key: keyOf('row', roundId, l.orderKey),
    },
    currency,
  );
  return cells;
}

function entryRow(l: TabEntryLine | null, roundId: string): unknown[] {
  const kind = l?.orderKey ? 'order' : 'new';
  return row('tabEntry', {
    flat: l?.flat,
    name: l?.name,
    item: l?.item,
    quantity: l?.quantity,
    phone: l?.phone,
    status: l?.status,
    note: l?.note,
    key: keyOf(kind, roundId, l?.orderKey ?? ''),
  });
}

const line = (text: string, key: string) => row('tabList', { flat: text, key });

interface Layout {
  rows: unknown[][];
  bold: number[];
  headings: number[];
  /** [first row, rows] of each list's residents, with its currency. */
  lists: { first: number; count: number; currency: string }[];
  entries: { first: number; count: number; itemNames: string[] }[];
}

function layout(content: TabContent): Layout {
  const out: Layout = { rows: content.title.map((t) => line(t, keyOf('title'))), bold: [], headings: [], lists: [], entries: [] };
  for (const s of content.sections) {
    out.rows.push(row('tabList', {}));
    out.rows.push(line(s.heading, keyOf(s.kind, s.roundId)));
    out.headings.push(out.rows.length);
    out.rows.push([
      ...header(s.kind === 'list' ? 'tabList' : 'tabEntry', content.lang)
        .slice(0, -1)
        .map((h) => textCell(h)),
      keyOf('head', s.roundId),
    ]);
    out.bold.push(out.rows.length);
    const first = out.rows.length + 1;
    if (s.kind === 'list') {
      out.rows.push(...s.lines.map((l) => listRow(l, s.roundId, s.currency)));
      out.lists.push({ first, count: s.lines.length, currency: s.currency });
    } else {
      out.rows.push(...s.rows.map((l) => entryRow(l, s.roundId)));
      for (let i = 0; i < s.blanks; i++) out.rows.push(entryRow(null, s.roundId));
      out.entries.push({ first, count: s.rows.length + s.blanks, itemNames: s.itemNames });
    }
  }
  return out;
}

function moneyFormat(currencyCode: string): string {
  const info = currency(currencyCode);
  const decimals = info?.exponent ? `.${'0'.repeat(info.exponent)}` : '';
  return `#,##0${decimals} "${info?.symbol ?? currencyCode}"`;
}

/** Creates the tab for a building if it has none, remembering its id (a renamed tab is still found). */
function ensureTab(book: Book, store: DocumentStore, building: string): GoogleAppsScript.Spreadsheet.Sheet {
  const found = findTab(book, store, building);
  const sheet = found ?? book.ss.insertSheet(tabName(building));
  const tabs = store.get(KEYS.buildingTabs) ?? {};
  if (tabs[building] !== sheet.getSheetId()) store.set(KEYS.buildingTabs, { ...tabs, [building]: sheet.getSheetId() });
  if (!found) {
    sheet.hideColumns(KEY);
    // Narrow enough that a phone (390 px) shows flat, name and both boxes without scrolling sideways.
    TAB_WIDTHS.forEach((px, i) => sheet.setColumnWidth(i + 1, px));
  }
  return sheet;
}

/** Column widths in pixels: flat, name, picked up / item, paid / quantity, due / phone, note, items, phone, note. */
const TAB_WIDTHS = [44, 120, 84, 64, 76, 170, 220, 120, 160];

/**
 * Rewrites a building's tab: its values, number formats, font weights, backgrounds and checkboxes or item
 * dropdowns each in ONE call over the whole block, whatever the number of rounds on it. Range's grid setters
 * (setNumberFormats, setFontWeights, setBackgrounds, setDataValidations: "must match dimensions of this
 * range", https://developers.google.com/apps-script/reference/spreadsheet/range) take a value per cell; a
 * call per heading or section, as before, made the tick that closes a round cost about 150 round trips.
 * `editors` (coordinators' runs only) also sets who may edit it.
 */
export function writeTab(
  book: Book,
  store: DocumentStore,
  content: TabContent,
  editors: string[] | null,
  lastRow?: number,
): void {
  const sheet = ensureTab(book, store, content.building);
  const plan = layout(content);
  // `lastRow`: how far the tab reached when the caller read it in this execution (readTab), saving a read.
  const rows = Math.max(plan.rows.length, lastRow ?? sheet.getLastRow());
  // A tab never holds more rows than it has: only when it grows past what it held can it need more.
  if (rows > (lastRow ?? 0)) {
    const max = sheet.getMaxRows();
    if (rows > max) sheet.insertRowsAfter(max, rows - max);
  }
  while (plan.rows.length < rows) plan.rows.push(row('tabList', {}));
  const look = lookOf(plan, rows);
  const all = sheet.getRange(1, 1, rows, WIDTH);
  // Clear first: what a volunteer coloured or formatted by hand goes, and values are parsed in General
  // cells, as they always were; the plain-text format of the entry columns follows the values.
  all.clear();
  all.setValues(plan.rows);
  all.setNumberFormats(look.numberFormats);
  all.setFontWeights(look.fontWeights);
  all.setBackgrounds(look.backgrounds);
  all.setDataValidations(look.validations);
  if (editors) protectTab(sheet, editors, content.title[0] ?? content.building);
}

type Grid<T> = T[][];

interface Look {
  numberFormats: Grid<string>;
  fontWeights: Grid<'bold' | null>;
  backgrounds: Grid<string | null>;
  validations: Grid<GoogleAppsScript.Spreadsheet.DataValidation | null>;
}

const HEADING_BACKGROUND = '#e8f0fe';
const HEADER_BACKGROUND = '#f1f3f4';

/** Each cell's format, weight, background and rule, laid out as the plan's rows (a grid per setter). */
function lookOf(plan: Layout, rows: number): Look {
  const grid = <T>(value: T): Grid<T> => Array.from({ length: rows }, () => new Array<T>(WIDTH).fill(value));
  const look: Look = {
    numberFormats: grid('General'),
    fontWeights: grid<'bold' | null>(null),
    backgrounds: grid<string | null>(null),
    validations: grid<GoogleAppsScript.Spreadsheet.DataValidation | null>(null),
  };
  const fill = <T>(g: Grid<T>, first: number, count: number, column: number, columns: number, value: T) => {
    for (let r = first; r < first + count; r++) g[r - 1].fill(value, column - 1, column - 1 + columns);
  };
  look.fontWeights[0][0] = 'bold';
  for (const [at, background] of [
    ...plan.headings.map((r) => [r, HEADING_BACKGROUND] as const),
    ...plan.bold.map((r) => [r, HEADER_BACKGROUND] as const),
  ]) {
    fill(look.fontWeights, at, 1, 1, WIDTH, 'bold');
    fill(look.backgrounds, at, 1, 1, WIDTH, background);
  }
  const checkbox = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  for (const l of plan.lists) {
    fill(look.validations, l.first, l.count, columnNumber('tabList', 'pickedUp'), 2, checkbox);
    fill(look.numberFormats, l.first, l.count, columnNumber('tabList', 'due'), 1, moneyFormat(l.currency));
  }
  for (const e of plan.entries.filter((x) => x.count)) {
    const items = SpreadsheetApp.newDataValidation().requireValueInList(e.itemNames, true).setAllowInvalid(true).build();
    fill(look.validations, e.first, e.count, columnNumber('tabEntry', 'item'), 1, items);
    fill(look.numberFormats, e.first, e.count, 1, columnNumber('tabEntry', 'phone'), PLAIN_TEXT_FORMAT);
  }
  return look;
}

/** Only the building's volunteers, the treasurer and the coordinators may edit its tab (see core/access.ts). */
function protectTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, editors: string[], description: string): void {
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  setEditors(protection, editors, description);
}

/**
 * Makes a protection strict with exactly these editors (the spreadsheet's owner and the account running
 * the script always stay: "Neither the owner of the spreadsheet nor the current user can be removed",
 * developers.google.com/apps-script/reference/spreadsheet/protection#removeEditors(String)).
 */
export function setEditors(protection: GoogleAppsScript.Spreadsheet.Protection, editors: string[], description: string): void {
  protection.setDescription(description).setWarningOnly(false);
  const wanted = new Set(editors.map((e) => e.toLowerCase()));
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const missing = [...wanted].filter((e) => !current.includes(e));
  if (missing.length) protection.addEditors(missing);
  const extra = current.filter((e) => !wanted.has(e));
  if (extra.length) protection.removeEditors(extra);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/**
 * One resident's amount and the add-on's note as the books have them, without touching the other cells of
 * the row; with `paid`, its Paid box too (ticked back when it was paid elsewhere), in the same write: the
 * box is the column before the amount.
 */
export function writeListRowState(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  at: number,
  state: { dueMinor: number; status: string; paid?: boolean },
  currency: string,
): void {
  const first = columnNumber('tabList', state.paid === undefined ? 'due' : 'paid');
  const last = columnNumber('tabList', 'status');
  const cells = row('tabList', { paid: state.paid, due: state.dueMinor, status: state.status }, currency).slice(first - 1, last);
  sheet.getRange(at, first, 1, cells.length).setValues([cells]);
}

/** A resident's boxes, amount and the add-on's note, as the books now say (after a payment from the sidebar). */
export function writeListRowBooks(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  at: number,
  state: { pickedUp: boolean; paid: boolean; dueMinor: number; status: string },
  currency: string,
): void {
  const first = columnNumber('tabList', 'pickedUp');
  const cells = row(
    'tabList',
    { pickedUp: state.pickedUp, paid: state.paid, due: state.dueMinor, status: state.status },
    currency,
  ).slice(first - 1, first + 3);
  sheet.getRange(at, first, 1, 4).setValues([cells]);
}

/** Puts back a resident's line (a cell the add-on fills was typed over), boxes as the books have them. */
export function writeListRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  at: number,
  l: TabListLine,
  roundId: string,
  currency: string,
): void {
  sheet.getRange(at, 1, 1, WIDTH).setValues([listRow(l, roundId, currency)]);
}

/**
 * The add-on's note on an entry row, and the order its group was saved as (on the group's first row). Two
 * cells, two writes when an order was saved: between the note and the key lie the volunteer's comment and
 * the spare columns, which one write over the span would put back as read, losing a comment typed meanwhile.
 */
export function writeEntryNote(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  at: number,
  roundId: string,
  status: string,
  orderKey?: string,
): void {
  sheet.getRange(at, columnNumber('tabEntry', 'status')).setValue(textCell(status));
  if (orderKey !== undefined) sheet.getRange(at, KEY).setValue(keyOf(orderKey ? 'order' : 'new', roundId, orderKey));
}

/** The entry rows of a round's section as they stand, kept when the tab is rewritten. */
export function entryLines(rows: TabRow[], roundId: string): TabEntryLine[] {
  return entrySection(rows, roundId)
    .map((r) => ({ ...entryRowOf(r), status: cellText(get('tabEntry', r.values, 'status')) }))
    .map(({ row: _row, ...rest }) => rest)
    .filter((l) => l.flat || l.name || l.item || l.quantity || l.phone || l.note || l.orderKey);
}

/** The notes volunteers typed on hand-out rows, by round and order, kept when the tab is rewritten. */
export function listNotes(rows: TabRow[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const r of rows) if (r.kind === 'row') notes.set(`${r.roundId}|${r.orderKey}`, listRowState(r).note);
  return notes;
}

/** Every building that has a tab. */
export function tabBuildings(store: DocumentStore): string[] {
  return Object.keys(store.get(KEYS.buildingTabs) ?? {});
}

/** Whether these cells are in the hand-out list's columns the add-on fills (not the boxes or the note). */
export function listColumnsTouched(firstColumn: number, columns: number): { boxes: boolean; note: boolean; filled: boolean } {
  const cols = Array.from({ length: columns }, (_, i) => firstColumn + i);
  const named = (c: Parameters<typeof columnNumber<'tabList'>>[1]) => columnNumber('tabList', c);
  const boxes = [named('pickedUp'), named('paid')];
  return {
    boxes: cols.some((c) => boxes.includes(c)),
    note: cols.includes(named('note')),
    filled: cols.some((c) => !boxes.includes(c) && c !== named('note')),
  };
}
