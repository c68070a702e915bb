import { ColumnOf, columnNumber, roundSheetName, sheetName, width } from '../src/workspace/sheets/schema';

const ORDERS = sheetName('orders', 'ru');
const TALLY = roundSheetName('R1', 'tally', 'ru');
const col = (c: ColumnOf<'orders'>) => columnNumber('orders', c);

/**
 * The same submit and tally written the way most Apps Script tutorials do: a loop of getValue over
 * every row to find the person's earlier order, appendRow per line, getValue per cell to tally and
 * setValue per total. Run on the same emulated data to show what batching buys. Sheet names and
 * column positions come from the schema, so the naive code reads the same layout as ours.
 */
export const NAIVE_SCRIPT = `
function naiveSubmit(key, lines) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${ORDERS}');
  var last = sheet.getLastRow();
  for (var r = 2; r <= last; r++) {
    if (sheet.getRange(r, ${col('orderKey')}).getValue() === key) sheet.getRange(r, ${col('quantity')}).setValue(0);
  }
  for (var i = 0; i < lines.length; i++) {
    var row = [];
    for (var c = 0; c < ${width('orders')}; c++) row.push('');
    row[${col('round') - 1}] = 'R1';
    row[${col('orderKey') - 1}] = key;
    row[${col('source') - 1}] = 'form';
    row[${col('revision') - 1}] = 1;
    row[${col('submittedAt') - 1}] = new Date();
    row[${col('firstSubmittedAt') - 1}] = new Date();
    row[${col('name') - 1}] = 'Naive';
    row[${col('email') - 1}] = 'naive@example.org';
    row[${col('lang') - 1}] = 'ru';
    row[${col('item') - 1}] = lines[i][0];
    row[${col('itemName') - 1}] = lines[i][0];
    row[${col('quantity') - 1}] = lines[i][1];
    sheet.appendRow(row);
  }
}

function naiveTally() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('${ORDERS}');
  var last = sheet.getLastRow();
  var totals = {};
  for (var r = 2; r <= last; r++) {
    var item = sheet.getRange(r, ${col('item')}).getValue();
    var qty = sheet.getRange(r, ${col('quantity')}).getValue();
    if (item) totals[item] = (totals[item] || 0) + Number(qty);
  }
  var out = ss.getSheetByName('${TALLY}');
  var row = 2;
  for (var id in totals) {
    out.getRange(row, ${columnNumber('tally', 'item')}).setValue(id);
    out.getRange(row, ${columnNumber('tally', 'ordered')}).setValue(totals[id]);
    row++;
  }
}
`;
