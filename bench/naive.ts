/**
 * The same submit and tally written the way most Apps Script tutorials do: a loop of getValue over
 * every row to find the person's earlier order, appendRow per line, getValue per cell to tally and
 * setValue per total. Run on the same emulated data to show what batching buys.
 */
export const NAIVE_SCRIPT = `
function naiveSubmit(key, lines) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Заказы');
  var last = sheet.getLastRow();
  for (var r = 2; r <= last; r++) {
    if (sheet.getRange(r, 2).getValue() === key) sheet.getRange(r, 18).setValue(0);
  }
  for (var i = 0; i < lines.length; i++) {
    sheet.appendRow(['R1', key, 'form', 1, '', new Date(), new Date(), 'Naive', 'naive@example.org', '', '', '', '', 'ru', '', lines[i][0], lines[i][0], lines[i][1], '', '', '', '']);
  }
}

function naiveTally() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Заказы');
  var last = sheet.getLastRow();
  var totals = {};
  for (var r = 2; r <= last; r++) {
    var item = sheet.getRange(r, 16).getValue();
    var qty = sheet.getRange(r, 18).getValue();
    if (item) totals[item] = (totals[item] || 0) + Number(qty);
  }
  var out = ss.getSheetByName('R1 · Итоги');
  var row = 2;
  for (var id in totals) {
    out.getRange(row, 1).setValue(id);
    out.getRange(row, 4).setValue(totals[id]);
    row++;
  }
}
`;
