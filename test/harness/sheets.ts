import { Workspace } from '../../local/emulator';
import { AnySheetKey, ColumnOf, columnNumber } from '../../src/workspace/sheets/schema';

/** Every cell of a sheet, header included, as the emulator holds it. */
export function sheetValues(ws: Workspace, name: string): unknown[][] {
  const sheet = ws.spreadsheet.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const { rows, columns } = sheet.dataExtent();
  const out: unknown[][] = [];
  for (let r = 1; r <= rows; r++) out.push(Array.from({ length: columns }, (_, i) => sheet.read(r, i + 1)));
  return out;
}

/** One column of a data row, by the schema's column name. */
export function cell<K extends AnySheetKey>(key: K, row: readonly unknown[], column: ColumnOf<K>): unknown {
  return row[columnNumber(key, column) - 1];
}

/** The data row whose `column` holds `value`. */
export function rowWhere<K extends AnySheetKey>(
  ws: Workspace,
  name: string,
  key: K,
  column: ColumnOf<K>,
  value: unknown,
): unknown[] {
  const found = sheetValues(ws, name)
    .slice(1)
    .find((r) => cell(key, r, column) === value);
  if (!found) throw new Error(`no row with ${column} = ${String(value)} in ${name}`);
  return found;
}
