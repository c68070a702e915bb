import { CatalogItem, CatalogProblem, parseCatalogItem } from '../core/catalog';
import { describeCatalogProblem } from '../core/describe';
import { Lang } from '../core/i18n/lang';
import { LANG_WORDS, langOf, wordChoices, wordOf } from '../core/i18n/words';
import { PlaceKind, Role, parsePlaceKind, parseRole, placeKindLabel, roleLabel } from '../core/i18n/labels';
import { currency } from '../core/money';
import {
  CommunitySettings,
  SETTING_KEYS,
  SETTING_WORDS,
  SettingKey,
  parseSettings,
  settingCell,
  settingName,
  settingNote,
  settingPair,
} from '../core/settings';
import { t } from '../core/i18n/translate';
import { wallTime } from '../core/time';
import { Book } from './sheets/book';
import { cellText, isDate } from './sheets/cells';
import { ColumnOf, cellAddress, columnNumber, get, row, span, width } from './sheets/schema';

/**
 * The sheets a coordinator keeps by hand — Catalog, Settings, Buildings & pickup points, Volunteers,
 * Members — read row by row into plain values, and the three the sidebar can save.
 */

export interface CatalogReading {
  items: Map<string, CatalogItem>;
  /** Each bad cell with its A1 address and a sentence naming the item and the cell: "Чай: нет цены (G3)". */
  problems: { itemId: string; item: string; cell: string; message: string }[];
}

const FIELD_COLUMN: Record<CatalogProblem['field'], ColumnOf<'catalog'>> = {
  id: 'id',
  name: 'name',
  nameRu: 'nameRu',
  nameZh: 'nameZh',
  nameEn: 'nameEn',
  unit: 'unit',
  unitRu: 'unitRu',
  unitZh: 'unitZh',
  unitEn: 'unitEn',
  price: 'price',
  step: 'step',
  box: 'box',
  minimum: 'minimum',
  limit: 'limit',
  stock: 'stock',
  retail: 'retail',
  supplier: 'supplier',
  supplierCode: 'supplierCode',
};

/** The Catalog's number columns: plain text since set-up, but a sheet set up earlier may hold dates there. */
const NUMBER_FIELDS = ['price', 'step', 'box', 'minimum', 'limit', 'stock', 'retail'] as const;

/**
 * What the coordinator meant by a number Sheets turned into a date: in a Russian spreadsheet "1.5" is
 * the 1st of May (support.google.com/docs/answer/58515: the locale decides how typed dates read), so it
 * was day.month, and with the locale's decimal comma it is typed "1,5".
 */
function typedAsNumber(date: Date, book: Book): string {
  const w = wallTime(date.getTime(), book.timeZone());
  const comma = /^(ru|uk|be|kk)/i.test(book.ss.getSpreadsheetLocale());
  return w.year < 1900 ? `${w.hour}${comma ? ',' : '.'}${w.minute}` : `${w.day}${comma ? ',' : '.'}${w.month}`;
}

/**
 * The Catalog sheet as the coordinator typed it, checked row by row. Its columns are plain text, so what
 * was typed is read by the add-on's own locale-aware parsers (core/quantity.ts, core/money.ts); a cell
 * Sheets has already made a date (a catalog set up before, or a cell re-formatted by hand) is named.
 */
/** The item's name as its reader knows it, from a raw Catalog row: their language's column first. */
function itemLabel(raw: Record<string, unknown>, lang: Lang): string {
  const own = { ru: raw.nameRu, 'zh-CN': raw.nameZh, en: raw.nameEn }[lang];
  return cellText(own) || cellText(raw.name) || cellText(raw.nameRu) || cellText(raw.nameZh) || cellText(raw.nameEn);
}

export function readCatalog(book: Book, settings: CommunitySettings, lang: Lang): CatalogReading {
  const exponent = currency(settings.currency)?.exponent ?? 2;
  const items = new Map<string, CatalogItem>();
  const problems: CatalogReading['problems'] = [];
  book.rows('catalog').forEach((r, i) => {
    const raw = Object.fromEntries(
      (Object.keys(FIELD_COLUMN) as CatalogProblem['field'][]).map((f) => [f, get('catalog', r, f)]),
    );
    const id = cellText(raw.id);
    const label = itemLabel(raw, lang) || id || t(lang, 'catalog.row', { row: i + 2 });
    const dated = NUMBER_FIELDS.filter((f) => isDate(raw[f]));
    if (dated.length) {
      for (const f of dated)
        problems.push({
          itemId: id,
          item: label,
          cell: cellAddress('catalog', FIELD_COLUMN[f], i + 2),
          message: t(lang, 'catalog.atCell', {
            problem: t(lang, 'catalog.looksLikeDate', { item: label, typed: typedAsNumber(raw[f] as Date, book) }).replace(
              /[.。]$/,
              '',
            ),
            cell: cellAddress('catalog', FIELD_COLUMN[f], i + 2),
          }),
        });
      return;
    }
    const { item, problems: found } = parseCatalogItem(raw, exponent);
    for (const p of found) {
      const cell = cellAddress('catalog', FIELD_COLUMN[p.field], i + 2);
      problems.push({
        itemId: id,
        item: label,
        cell,
        // "Чай: нет цены (G3)": the sentence's own full stop goes, the cell closes it.
        message: t(lang, 'catalog.problemAt', {
          item: label,
          problem: describeCatalogProblem(p, lang).replace(/[.。]$/, ''),
          cell,
        }),
      });
    }
    if (item) items.set(item.id, item);
  });
  return { items, problems };
}

/** The Settings sheet as key → value pairs, as typed. */
function settingPairs(book: Book): [unknown, unknown][] {
  return book.rows('settings').map((r) => [get('settings', r, 'key'), get('settings', r, 'value')]);
}

export function readSettings(book: Book): CommunitySettings {
  return parseSettings(settingPairs(book));
}

/** The Settings sheet's values as text, for the sidebar to show and edit. */
export function readSettingTexts(book: Book): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of settingPairs(book)) {
    const pair = settingPair(k, cellText(v));
    if (pair) out[pair[0]] = pair[1];
  }
  return out;
}

/**
 * Writes every setting's value with its note in one call: a Settings sheet made before a setting existed
 * gets its row and its explanation too.
 */
export function writeSettings(book: Book, values: Record<SettingKey, string>): void {
  const cells = span('settings', ['key', 'value', 'note']);
  book
    .sheet('settings')
    .getRange(2, cells.column, SETTING_KEYS.length, cells.width)
    .setValues(SETTING_KEYS.map((k) => settingRow(k, values[k], book.lang, cells)));
  setSettingChoices(book.sheet('settings'), book.lang);
}

function settingRow(key: SettingKey, value: string, lang: Lang, cells = span('settings', ['key', 'value', 'note'])) {
  return cells.cells({ key: settingName(key, lang), value: settingCell(key, value, lang), note: settingNote(key, lang) });
}

/**
 * The dropdowns of the Settings sheet: a list on each setting chosen from one (seven rows, one call each;
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setdatavalidationrule), in the
 * sheet's language. A value not in the list is refused as typed, so "maybe" never becomes a yes/no.
 */
export function setSettingChoices(sheet: GoogleAppsScript.Spreadsheet.Sheet, lang: Lang): void {
  const column = columnNumber('settings', 'value');
  SETTING_KEYS.forEach((k, i) => {
    const words = SETTING_WORDS[k];
    if (!words) return;
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(wordChoices(words, lang), true).setAllowInvalid(false);
    sheet.getRange(i + 2, column).setDataValidation(rule.build());
  });
}

export interface Place {
  kind: PlaceKind | null;
  name: string;
  notes: string;
}

export function readPlaceRows(book: Book): Place[] {
  return book.rows('places').map((r) => ({
    kind: parsePlaceKind(cellText(get('places', r, 'kind'))),
    name: cellText(get('places', r, 'name')),
    notes: cellText(get('places', r, 'notes')),
  }));
}

/** Building and pickup point names, each listed once. */
export function readPlaces(book: Book): Record<PlaceKind, string[]> {
  const out: Record<PlaceKind, string[]> = { building: [], pickup: [] };
  for (const { kind, name } of readPlaceRows(book)) if (kind && name && !out[kind].includes(name)) out[kind].push(name);
  return out;
}

export interface Volunteer {
  email: string;
  name: string;
  role: Role | null;
  building: string;
  /** The language of their tab and emailed list; null: the community's. */
  lang: Lang | null;
}

/** The spreadsheet's id: which community a plan or a trigger belongs to. */
export function spreadsheetId(book: Book): string {
  return book.ss.getId();
}

/** The file's owner, if Google reveals one (a file in a shared drive has none). */
export function spreadsheetOwner(book: Book): string {
  return book.ss.getOwner()?.getEmail() ?? '';
}

export function readVolunteers(book: Book): Volunteer[] {
  return book.rows('volunteers').map((r) => ({
    email: cellText(get('volunteers', r, 'email')),
    name: cellText(get('volunteers', r, 'name')),
    role: parseRole(cellText(get('volunteers', r, 'role'))),
    building: cellText(get('volunteers', r, 'building')),
    lang: cellText(get('volunteers', r, 'lang')) ? langOf(get('volunteers', r, 'lang'), 'en') : null,
  }));
}

export interface Member {
  /** Lower-cased, to match orders by address. */
  email: string;
  name: string;
  lang: Lang;
  optOut: boolean;
}

export function readMembers(book: Book, defaultLang: Lang): Member[] {
  return book.rows('members').map((r) => ({
    email: cellText(get('members', r, 'email')).toLowerCase(),
    name: cellText(get('members', r, 'name')),
    lang: langOf(get('members', r, 'lang'), defaultLang),
    optOut: get('members', r, 'optOut') === true,
  }));
}

/** Replaces a hand-kept list below its header in one write, blanking rows a longer earlier list left. */
function replaceRows(book: Book, key: 'places' | 'volunteers', rows: unknown[][]): void {
  const old = book.rows(key).length;
  const block = [...rows];
  while (block.length < old) block.push(row(key, {}));
  if (block.length) book.sheet(key).getRange(2, 1, block.length, width(key)).setValues(block);
}

/** Kinds are written as the sheet's dropdown words, in the sheet's language. */
export function writePlaces(book: Book, places: { kind: PlaceKind; name: string; notes: string }[]): void {
  replaceRows(
    book,
    'places',
    places.map((p) => row('places', { kind: placeKindLabel(p.kind, book.lang), name: p.name, notes: p.notes })),
  );
}

export function writeVolunteers(
  book: Book,
  volunteers: { email: string; name: string; role: Role; building: string; lang?: Lang | null }[],
): void {
  replaceRows(
    book,
    'volunteers',
    volunteers.map((v) =>
      row('volunteers', {
        email: v.email,
        name: v.name,
        role: roleLabel(v.role, book.lang),
        building: v.building,
        lang: v.lang ? wordOf(LANG_WORDS, v.lang, book.lang) : '',
      }),
    ),
  );
}
