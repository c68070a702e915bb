import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';

/**
 * The add-on's installable triggers, whatever the number of rounds, as one list: a new trigger is one more
 * entry. `event` says what fires it: the spreadsheet's form-submit (every round's form writes to this
 * spreadsheet), a person's edit, or the clock (hourly: "Add-ons can use a time-driven trigger once per hour
 * at most", https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers).
 */
export interface TriggerSpec {
  handler: string;
  event: 'formSubmit' | 'edit' | 'hourly';
}

export const TRIGGERS: readonly TriggerSpec[] = [
  { handler: 'onFormSubmit_', event: 'formSubmit' },
  { handler: 'onTick_', event: 'hourly' },
  // The buildings' tabs: a tick or an order typed on a phone (see addon/phone.ts).
  { handler: 'onSheetEdit_', event: 'edit' },
];

/** A trigger Google refused to create, or a handler that could not run, as Check set-up reports it. */
export interface TriggerProblem {
  at: string;
  handler: string;
  user: string;
  error: string;
}

export interface TriggerReport {
  /** Whether this account owns the community's triggers (another coordinator's triggers are left alone). */
  owner: 'me' | 'other';
  /** Triggers Google refused to create now, with its words. */
  refused: TriggerProblem[];
}

function errorText(err: unknown): string {
  return typeof (err as Error)?.message === 'string' ? (err as Error).message : String(err);
}

function create(spec: TriggerSpec, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger {
  const builder = ScriptApp.newTrigger(spec.handler);
  if (spec.event === 'hourly') return builder.timeBased().everyHours(1).create();
  const forSheet = builder.forSpreadsheet(ss);
  return (spec.event === 'edit' ? forSheet.onEdit() : forSheet.onFormSubmit()).create();
}

/**
 * This account's trigger for `spec` in this spreadsheet: the one whose unique id the community recorded
 * (a clock trigger has no source document — "For clock events this returns null",
 * reference/script/trigger#getTriggerSourceId() — and getUserTriggers(spreadsheet) may not list it, so ids
 * and getProjectTriggers() find it), or a spreadsheet trigger on this file an earlier version made.
 */
function findMine(
  spec: TriggerSpec,
  mine: GoogleAppsScript.Script.Trigger[],
  recorded: string | null,
  ssId: string,
): GoogleAppsScript.Script.Trigger | undefined {
  const byId = recorded ? mine.find((t) => t.getUniqueId() === recorded) : undefined;
  if (byId) return byId;
  if (spec.event === 'hourly') return undefined;
  return mine.find((t) => t.getHandlerFunction() === spec.handler && t.getTriggerSourceId() === ssId);
}

/**
 * Makes sure this community's triggers exist, owned by the first coordinator to set up: an editor add-on
 * may hold "one trigger of each type, per user, per document", each user sees only their own, and there
 * are 20 per user per script (https://developers.google.com/workspace/add-ons/concepts/editor-triggers,
 * https://developers.google.com/apps-script/guides/services/quotas). Only the owner's visits re-create a
 * trigger that has gone missing; a refused creation is recorded for Check set-up, never thrown.
 */
export function ensureTriggers(store: DocumentStore, me: string): TriggerReport {
  const owner = store.get(KEYS.triggerOwner);
  if (owner && owner !== me) return { owner: 'other', refused: [] };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const mine = ScriptApp.getProjectTriggers();
  const refused: TriggerProblem[] = [];
  for (const spec of TRIGGERS) {
    const recorded = store.get(KEYS.triggerId(spec.handler));
    let trigger = findMine(spec, mine, recorded, ss.getId());
    if (!trigger) {
      try {
        trigger = create(spec, ss);
      } catch (err) {
        refused.push({ at: new Date().toISOString(), handler: spec.handler, user: me, error: errorText(err) });
        continue;
      }
    }
    if (trigger.getUniqueId() !== recorded) store.set(KEYS.triggerId(spec.handler), trigger.getUniqueId());
  }
  if (owner !== me) store.set(KEYS.triggerOwner, me);
  if (refused.length) store.set(KEYS.triggerProblem, refused[0]);
  else if (store.get(KEYS.triggerProblem)) store.delete(KEYS.triggerProblem);
  return { owner: 'me', refused };
}

/**
 * Whether a handler was fired by this community's own trigger for it. Only that one acts, so two
 * coordinators' triggers (or one left over from an earlier owner) never both record, close or send. A
 * handler run by hand (no triggerUid) or before any id was recorded acts as before.
 */
export function isCommunityTrigger(store: DocumentStore, handler: string, triggerUid: string | undefined): boolean {
  const recorded = store.get(KEYS.triggerId(handler));
  return !recorded || !triggerUid || String(triggerUid) === recorded;
}

/**
 * A trigger of this account that is no longer the community's (the triggers were taken over) deletes
 * itself: it would only fire for nothing, and it holds one of the account's trigger places.
 */
export function retireTrigger(triggerUid: string | undefined): void {
  if (!triggerUid) return;
  const stale = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === String(triggerUid));
  if (stale) ScriptApp.deleteTrigger(stale);
}

/** The coordinator takes the community's triggers over: theirs are created, the old owner's retire when they fire. */
export function takeOverTriggers(store: DocumentStore, me: string): TriggerReport {
  store.set(KEYS.triggerOwner, me);
  return ensureTriggers(store, me);
}

/** This account's triggers in the project, as Check set-up lists them (others' are invisible to it). */
export function myTriggers(): { id: string; handler: string; event: string; sourceId: string | null }[] {
  return ScriptApp.getProjectTriggers().map((t) => ({
    id: t.getUniqueId(),
    handler: t.getHandlerFunction(),
    event: String(t.getEventType()),
    sourceId: t.getTriggerSourceId() || null,
  }));
}
