/**
 * Modelled cost in milliseconds of one Apps Script service call, charged to the virtual clock and to the
 * execution's 6-minute budget. Figures are rough medians from public measurements of Apps Script
 * (see bench/latency.json for the sources); what matters is their order of magnitude: a round trip to
 * Sheets costs tens of milliseconds, a handle lookup almost nothing, a flush or an email much more.
 */
export type CallKind = 'handle' | 'read' | 'write';

export interface CallCost {
  kind: CallKind;
  ms: number;
}

const HANDLE: CallCost = { kind: 'handle', ms: 1 };

export const defaultLatency: Record<string, CallCost> = {
  'Range.getValues': { kind: 'read', ms: 60 },
  'Range.getDisplayValues': { kind: 'read', ms: 70 },
  'Range.getFormulas': { kind: 'read', ms: 60 },
  'Range.getValue': { kind: 'read', ms: 40 },
  'Range.getNumberFormats': { kind: 'read', ms: 50 },
  'Range.setValues': { kind: 'write', ms: 90 },
  'Range.setValue': { kind: 'write', ms: 60 },
  'Range.setNumberFormat': { kind: 'write', ms: 40 },
  'Range.setNumberFormats': { kind: 'write', ms: 50 },
  'Range.clear': { kind: 'write', ms: 40 },
  'Range.clearContent': { kind: 'write', ms: 40 },
  'Range.setFontWeight': { kind: 'write', ms: 30 },
  'Range.setBackground': { kind: 'write', ms: 30 },
  'Range.setDataValidation': { kind: 'write', ms: 40 },
  'Sheet.appendRow': { kind: 'write', ms: 80 },
  'TextFinder.findAll': { kind: 'read', ms: 80 },
  'TextFinder.findNext': { kind: 'read', ms: 60 },
  'FormApp.create': { kind: 'write', ms: 1500 },
  'FormApp.openById': { kind: 'read', ms: 300 },
  'Form.getResponses': { kind: 'read', ms: 200 },
  'Form.getItems': { kind: 'read', ms: 100 },
  'Form.setDestination': { kind: 'write', ms: 1000 },
  'Sheet.getLastRow': { kind: 'read', ms: 30 },
  'Sheet.getLastColumn': { kind: 'read', ms: 30 },
  'Sheet.getMaxRows': { kind: 'read', ms: 20 },
  'Sheet.getMaxColumns': { kind: 'read', ms: 20 },
  'Sheet.insertRowsAfter': { kind: 'write', ms: 60 },
  'Sheet.insertColumnsAfter': { kind: 'write', ms: 60 },
  'Sheet.deleteRows': { kind: 'write', ms: 60 },
  'Sheet.setFrozenRows': { kind: 'write', ms: 30 },
  'Sheet.clear': { kind: 'write', ms: 40 },
  'Sheet.clearContents': { kind: 'write', ms: 40 },
  'Sheet.protect': { kind: 'write', ms: 50 },
  'Spreadsheet.insertSheet': { kind: 'write', ms: 150 },
  'Spreadsheet.deleteSheet': { kind: 'write', ms: 150 },
  'Spreadsheet.getSheets': { kind: 'read', ms: 20 },
  'Spreadsheet.toast': { kind: 'write', ms: 30 },
  'SpreadsheetApp.flush': { kind: 'write', ms: 150 },
  'Properties.getProperty': { kind: 'read', ms: 25 },
  'Properties.getProperties': { kind: 'read', ms: 30 },
  'Properties.setProperty': { kind: 'write', ms: 40 },
  'Properties.setProperties': { kind: 'write', ms: 50 },
  'Properties.deleteProperty': { kind: 'write', ms: 40 },
  'MailApp.sendEmail': { kind: 'write', ms: 250 },
  'MailApp.getRemainingDailyQuota': { kind: 'read', ms: 20 },
  'Lock.waitLock': { kind: 'write', ms: 20 },
  'Lock.tryLock': { kind: 'write', ms: 20 },
  'ScriptApp.getProjectTriggers': { kind: 'read', ms: 60 },
  'ScriptApp.getUserTriggers': { kind: 'read', ms: 60 },
  'TriggerBuilder.create': { kind: 'write', ms: 300 },
  'ScriptApp.deleteTrigger': { kind: 'write', ms: 200 },
  'HtmlTemplate.evaluate': { kind: 'read', ms: 30 },
};

export function costOf(method: string, table: Record<string, CallCost> = defaultLatency): CallCost {
  return table[method] ?? HANDLE;
}
