/** A1 notation <-> row/column numbers (1-based), as Range.getA1Notation and Sheet.getRange(a1) use. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function parseA1(a1: string): GridBox {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(a1.trim());
  if (!m) throw new Error(`Range not found`);
  const column = columnNumber(m[1]);
  const row = Number(m[2]);
  const endColumn = m[3] ? columnNumber(m[3]) : column;
  const endRow = m[4] ? Number(m[4]) : row;
  return {
    row: Math.min(row, endRow),
    column: Math.min(column, endColumn),
    numRows: Math.abs(endRow - row) + 1,
    numColumns: Math.abs(endColumn - column) + 1,
  };
}

export function toA1(box: GridBox): string {
  const start = `${columnLetter(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${columnLetter(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}
