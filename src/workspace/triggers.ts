import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';

const SUBMIT_HANDLER = 'onFormSubmit_';
const TICK_HANDLER = 'onTick_';
/** The buildings' tabs: a tick or an order typed on a phone (see addon/phone.ts). */
const EDIT_HANDLER = 'onSheetEdit_';

/**
 * The add-on's only two triggers, whatever the number of rounds: one spreadsheet form-submit trigger
 * (every round's form writes to this spreadsheet) and one hourly tick. An editor add-on may hold one
 * trigger of each type per user per document, and each user sees only their own
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers), so the first coordinator
 * to set up owns them; others do not add a second firing path. The owner's own visits re-create a
 * trigger that has gone missing.
 */
export function ensureTriggers(store: DocumentStore, me: string): 'owner' | 'other' {
  const owner = store.get(KEYS.triggerOwner);
  if (owner && owner !== me) return 'other';
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const mine = ScriptApp.getUserTriggers(ss);
  const has = (handler: string) => mine.some((t) => t.getHandlerFunction() === handler);
  if (!has(SUBMIT_HANDLER)) ScriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
  if (!has(TICK_HANDLER)) ScriptApp.newTrigger(TICK_HANDLER).timeBased().everyHours(1).create();
  if (!has(EDIT_HANDLER)) ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
  if (owner !== me) store.set(KEYS.triggerOwner, me);
  return 'owner';
}
