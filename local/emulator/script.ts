import { AuthMode, Authorization } from './authorization';
import { SeededRandom } from './clock';
import { Fidelity } from './fidelity';
import { guarded, isDate } from './guard';
import type { Deployment } from './project';
import { Runtime } from './runtime';

export type TriggerType = 'CLOCK' | 'ON_FORM_SUBMIT' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

export interface TriggerRecord {
  id: string;
  handler: string;
  type: TriggerType;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet a spreadsheet trigger watches; '' for a clock trigger, which has no source document. */
  sourceId: string;
  user: string;
  /** The file the trigger was created from (null: created where no file was open). The add-on rule and
   *  the 'container' reading of a clock run use it. */
  documentId?: string | null;
  /** Clock triggers: when it fires next, and its period (absent for one-off `after`/`at`). */
  nextAt?: number;
  everyMs?: number;
}

/** https://developers.google.com/apps-script/guides/services/quotas : 20 triggers per user per script. */
export const TRIGGER_LIMIT = 20;
/** The text Apps Script shows (quoted on Stack Overflow); the quotas page gives only the number. */
export const TOO_MANY_TRIGGERS_ERROR =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/**
 * "Each add-on can only have one trigger of each type, per user, per document"
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers). Apps Script's text for the
 * time-based case is "This add-on has created too many time-based triggers in this document for this
 * Google user account" (ljay79/jira-tools#53); the other types follow the same pattern (our assumption).
 */
const TRIGGER_KIND_WORDS: Record<TriggerType, string> = {
  CLOCK: 'time-based',
  ON_FORM_SUBMIT: 'form submit',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
};
export function addOnOnePerTypeError(type: TriggerType): string {
  return `This add-on has created too many ${TRIGGER_KIND_WORDS[type]} triggers in this document for this Google user account.`;
}
/** "Add-ons can use a time-driven trigger once per hour at most" (guides/triggers/installable); exact text not documented. */
export const ADDON_HOURLY_ERROR = 'Add-ons can create time-driven triggers that run at most once per hour.';
/** Bound scripts: everyMinutes takes 1, 5, 10, 15 or 30 (reference/script/clock-trigger-builder#everyMinutes(Integer)). */
const MINUTE_STEPS = [1, 5, 10, 15, 30];

const HOUR = 3600_000;

/** Every installable trigger of one script project, of every user and every file. */
export class TriggerTable {
  triggers: TriggerRecord[] = [];

  constructor(
    private random: SeededRandom,
    readonly deployment: Deployment,
  ) {}

  get addOn(): boolean {
    return this.deployment === 'addon';
  }

  add(spec: Omit<TriggerRecord, 'id' | 'user'>, user: string): TriggerRecord {
    const mine = this.triggers.filter((t) => t.user === user);
    if (this.addOn) {
      const sameDocument = (t: TriggerRecord) => (t.documentId ?? null) === (spec.documentId ?? null);
      if (mine.some((t) => t.type === spec.type && sameDocument(t))) throw new Error(addOnOnePerTypeError(spec.type));
      if (spec.everyMs !== undefined && spec.everyMs < HOUR) throw new Error(ADDON_HOURLY_ERROR);
    }
    if (mine.length >= TRIGGER_LIMIT) throw new Error(TOO_MANY_TRIGGERS_ERROR);
    const trigger = { ...spec, id: String(1e9 + this.random.int(9e9)), user };
    this.triggers.push(trigger);
    return trigger;
  }

  /** Due clock triggers, earliest first. */
  nextDue(until: number): TriggerRecord | undefined {
    return this.triggers
      .filter((t) => t.nextAt !== undefined && t.nextAt <= until)
      .sort((a, b) => (a.nextAt as number) - (b.nextAt as number))[0];
  }

  afterFiring(t: TriggerRecord): void {
    if (t.everyMs) t.nextAt = (t.nextAt as number) + t.everyMs;
    else this.triggers = this.triggers.filter((x) => x !== t);
  }
}

type TriggerMembers = 'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId';

export class EmuTrigger implements Pick<GoogleAppsScript.Script.Trigger, TriggerMembers> {
  readonly proxy: GoogleAppsScript.Script.Trigger;

  constructor(readonly record: TriggerRecord) {
    this.proxy = guarded(this, 'Trigger');
  }

  getUniqueId() {
    return this.record.id;
  }

  getHandlerFunction() {
    return this.record.handler;
  }

  getEventType() {
    return this.record.type as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource() {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  /** "For clock events this returns null" (https://developers.google.com/apps-script/reference/script/trigger#getTriggerSourceId()). */
  getTriggerSourceId() {
    return this.record.source === 'CLOCK' ? (null as unknown as string) : this.record.sourceId;
  }
}

type BuilderMembers = 'forSpreadsheet' | 'timeBased';
type SpreadsheetBuilderMembers = 'onFormSubmit' | 'onOpen' | 'onEdit' | 'onChange' | 'create';
type ClockBuilderMembers = 'everyHours' | 'everyMinutes' | 'everyDays' | 'after' | 'at';

/**
 * ScriptApp.newTrigger(name) → .forSpreadsheet(ss).onFormSubmit().create() or .timeBased().everyHours(1).create().
 * One object plays the three builder types Apps Script hands out along the chain.
 */
class EmuTriggerBuilder
  implements
    Pick<GoogleAppsScript.Script.TriggerBuilder, BuilderMembers>,
    Pick<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, SpreadsheetBuilderMembers>,
    Pick<GoogleAppsScript.Script.ClockTriggerBuilder, ClockBuilderMembers>
{
  readonly proxy: GoogleAppsScript.Script.TriggerBuilder;
  private spec: Partial<TriggerRecord> = {};

  constructor(
    private runtime: Runtime,
    private table: TriggerTable,
    private documentId: string | null,
    handler: string,
  ) {
    this.spec.handler = handler;
    this.proxy = guarded(this, 'TriggerBuilder');
  }

  private get spreadsheetBuilder() {
    return this.proxy as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  private get clockBuilder() {
    return this.proxy as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  forSpreadsheet(sheet: string | GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.runtime.call('script', 'TriggerBuilder.forSpreadsheet');
    this.spec.source = 'SPREADSHEETS';
    this.spec.sourceId = typeof sheet === 'string' ? sheet : sheet.getId();
    if (this.spec.sourceId !== this.documentId && this.table.addOn) {
      throw new Error('An add-on can only create triggers for the file it runs in.');
    }
    return this.spreadsheetBuilder;
  }

  onFormSubmit() {
    this.spec.type = 'ON_FORM_SUBMIT';
    return this.spreadsheetBuilder;
  }

  onOpen() {
    this.spec.type = 'ON_OPEN';
    return this.spreadsheetBuilder;
  }

  onEdit() {
    this.spec.type = 'ON_EDIT';
    return this.spreadsheetBuilder;
  }

  onChange() {
    this.spec.type = 'ON_CHANGE';
    return this.spreadsheetBuilder;
  }

  timeBased() {
    this.runtime.call('script', 'TriggerBuilder.timeBased');
    this.spec.type = 'CLOCK';
    this.spec.source = 'CLOCK';
    this.spec.sourceId = '';
    return this.clockBuilder;
  }

  /** Apps Script picks a minute within the hour at random and keeps it: https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers */
  everyHours(n: number) {
    this.spec.everyMs = n * HOUR;
    const now = this.runtime.clock.now();
    const nextHour = Math.floor(now / HOUR) * HOUR + HOUR;
    this.spec.nextAt = nextHour + this.runtime.random.int(HOUR);
    return this.clockBuilder;
  }

  everyMinutes(n: number) {
    if (!this.table.addOn && !MINUTE_STEPS.includes(n))
      throw new Error('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    this.spec.everyMs = n * 60_000;
    this.spec.nextAt = this.runtime.clock.now() + n * 60_000;
    return this.clockBuilder;
  }

  everyDays(n: number) {
    this.spec.everyMs = n * 24 * HOUR;
    this.spec.nextAt = this.runtime.clock.now() + n * 24 * HOUR;
    return this.clockBuilder;
  }

  after(durationMilliseconds: number) {
    this.spec.everyMs = undefined;
    this.spec.nextAt = this.runtime.clock.now() + durationMilliseconds;
    return this.clockBuilder;
  }

  at(instant: GoogleAppsScript.Base.Date) {
    if (!isDate(instant)) throw new Error('Invalid argument: instant');
    this.spec.everyMs = undefined;
    this.spec.nextAt = instant.getTime();
    return this.clockBuilder;
  }

  create() {
    const { handler, type, source, sourceId } = this.spec;
    this.runtime.call('script', type === 'CLOCK' ? 'ClockTriggerBuilder.create' : 'SpreadsheetTriggerBuilder.create');
    if (!handler || !type || !source || sourceId === undefined) throw new Error('Trigger is missing its source or event type.');
    const spec = {
      handler,
      type,
      source,
      sourceId,
      documentId: this.documentId,
      nextAt: this.spec.nextAt,
      everyMs: this.spec.everyMs,
    };
    return new EmuTrigger(this.table.add(spec, this.runtime.user)).proxy;
  }
}

type InfoMembers = 'getAuthorizationStatus' | 'getAuthorizationUrl';

/**
 * ScriptApp.getAuthorizationInfo(authMode[, oAuthScopes]): whether the user still has to authorize, the URL
 * to do it, and the scopes granted. "In almost all cases, scripts should call
 * ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL), since no other authorization mode requires that
 * users grant authorization" (https://developers.google.com/apps-script/reference/script/authorization-info).
 * An editor add-on asks for all its scopes at once: granular consent "only works when users run the script
 * from a surface that supports granular consent … When the script is run with missing consents from an
 * unsupported surface, such as a Google Workspace add-on, the script renders an authorization prompt at the
 * start of the execution to request all the scopes" (reference/script/script-app#requireScopes).
 */
export class EmuAuthorizationInfo implements Pick<GoogleAppsScript.Script.AuthorizationInfo, InfoMembers> {
  readonly proxy: GoogleAppsScript.Script.AuthorizationInfo;

  constructor(
    private required: boolean,
    private url: string,
    private authorized: string[],
  ) {
    this.proxy = guarded(this, 'AuthorizationInfo');
  }

  getAuthorizationStatus() {
    return (this.required ? 'REQUIRED' : 'NOT_REQUIRED') as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  /** "If no authorization is required, this method returns null." */
  getAuthorizationUrl() {
    return this.required ? this.url : (null as unknown as string);
  }

  getAuthorizedScopes() {
    return [...this.authorized];
  }
}

type Members =
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'TriggerSource'
  | 'getScriptId'
  | 'getAuthorizationInfo'
  | 'requireScopes'
  | 'requireAllScopes';

/** What ScriptApp needs to know about the file it runs in and the project behind it. */
export interface ScriptContext {
  table: TriggerTable;
  scriptId: string;
  authorization: Authorization;
  fidelity: Fidelity;
  /** The file of the current execution (null: none open, as in an add-on's time-driven run). */
  documentId(): string | null;
}

export class EmuScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, Members> {
  readonly proxy: GoogleAppsScript.Script.ScriptApp;
  readonly AuthMode = {
    NONE: 'NONE',
    CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
    LIMITED: 'LIMITED',
    FULL: 'FULL',
  } as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly AuthorizationStatus = {
    REQUIRED: 'REQUIRED',
    NOT_REQUIRED: 'NOT_REQUIRED',
  } as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  readonly EventType = {
    CLOCK: 'CLOCK',
    ON_OPEN: 'ON_OPEN',
    ON_EDIT: 'ON_EDIT',
    ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
    ON_CHANGE: 'ON_CHANGE',
  } as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = {
    SPREADSHEETS: 'SPREADSHEETS',
    CLOCK: 'CLOCK',
    FORMS: 'FORMS',
  } as unknown as typeof GoogleAppsScript.Script.TriggerSource;

  constructor(
    private runtime: Runtime,
    private context: ScriptContext,
  ) {
    this.proxy = guarded(this, 'ScriptApp');
  }

  get table(): TriggerTable {
    return this.context.table;
  }

  newTrigger(functionName: string) {
    this.runtime.call('script', 'ScriptApp.newTrigger');
    return new EmuTriggerBuilder(this.runtime, this.table, this.context.documentId(), functionName).proxy;
  }

  /** "Gets all installable triggers associated with the current project and current user": one account never sees another's. */
  getProjectTriggers() {
    this.runtime.call('script', 'ScriptApp.getProjectTriggers');
    return this.table.triggers.filter((t) => t.user === this.runtime.user).map((t) => new EmuTrigger(t).proxy);
  }

  /** The user's triggers in the given spreadsheet; clock triggers only under the userTriggersListClock reading. */
  getUserTriggers(document: { getId(): string }) {
    this.runtime.call('script', 'ScriptApp.getUserTriggers');
    const id = document.getId();
    const listClock = this.context.fidelity.userTriggersListClock;
    return this.table.triggers
      .filter((t) => t.user === this.runtime.user)
      .filter((t) => (t.source === 'CLOCK' ? listClock && t.documentId === id : t.sourceId === id))
      .map((t) => new EmuTrigger(t).proxy);
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger) {
    this.runtime.call('script', 'ScriptApp.deleteTrigger');
    const id = trigger.getUniqueId();
    this.table.triggers = this.table.triggers.filter((t) => t.id !== id || t.user !== this.runtime.user);
  }

  getScriptId() {
    return this.context.scriptId;
  }

  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes?: string[]) {
    this.runtime.call('script', 'ScriptApp.getAuthorizationInfo');
    const auth = this.context.authorization;
    const declared = auth.manifestScopes ? [...auth.manifestScopes] : [];
    const asked = oAuthScopes ?? declared;
    const full = (authMode as unknown as AuthMode) === 'FULL';
    const consented = auth.isAuthorized(this.runtime.user);
    const granted = new Set(auth.grantedTo(this.runtime.user));
    const authorized = asked.filter((s) => (auth.manifestScopes ? granted.has(s) : consented));
    const url = `https://script.google.com/macros/d/${this.context.scriptId}/authorize`;
    return new EmuAuthorizationInfo(full && !consented, url, authorized).proxy;
  }

  /** "Scopes that are invalid or not required by the script lead to an error"; otherwise consent was asked at the start. */
  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]) {
    this.runtime.call('script', 'ScriptApp.requireScopes');
    const declared = this.context.authorization.manifestScopes;
    const unknown = declared ? oAuthScopes.filter((s) => !declared.has(s)) : [];
    if (unknown.length) throw new Error(`Invalid argument: the script does not require ${unknown.join(', ')}`);
    this.requireAllScopes(authMode);
  }

  requireAllScopes(_authMode: GoogleAppsScript.Script.AuthMode) {
    if (!this.context.authorization.isAuthorized(this.runtime.user))
      throw new Error('Authorization is required to perform that action.');
  }
}
