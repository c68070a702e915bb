import { guarded, isDate } from './guard';
import { Runtime } from './runtime';

export type TriggerType = 'CLOCK' | 'ON_FORM_SUBMIT' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

export interface TriggerRecord {
  id: string;
  handler: string;
  type: TriggerType;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string;
  user: string;
  /** Clock triggers: when it fires next, and its period (absent for one-off `after`/`at`). */
  nextAt?: number;
  everyMs?: number;
}

/** https://developers.google.com/apps-script/guides/services/quotas : 20 triggers per user per script. */
export const TRIGGER_LIMIT = 20;
export const TOO_MANY_TRIGGERS_ERROR =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** https://developers.google.com/workspace/add-ons/concepts/editor-triggers (exact runtime wording is not documented). */
export const ADDON_ONE_PER_TYPE_ERROR =
  'An add-on can have only one trigger of each type per user per document; this one already exists.';
export const ADDON_HOURLY_ERROR = 'Add-ons can create time-driven triggers that run at most once per hour.';

const HOUR = 3600_000;

export class TriggerTable {
  triggers: TriggerRecord[] = [];

  constructor(
    private runtime: Runtime,
    readonly documentId: string,
    readonly addOn: boolean,
  ) {}

  add(spec: Omit<TriggerRecord, 'id' | 'user'>): TriggerRecord {
    const user = this.runtime.user;
    const mine = this.triggers.filter((t) => t.user === user);
    if (mine.length >= TRIGGER_LIMIT) throw new Error(TOO_MANY_TRIGGERS_ERROR);
    if (this.addOn) {
      if (mine.some((t) => t.type === spec.type && t.sourceId === spec.sourceId)) throw new Error(ADDON_ONE_PER_TYPE_ERROR);
      if (spec.everyMs !== undefined && spec.everyMs < HOUR) throw new Error(ADDON_HOURLY_ERROR);
    }
    const trigger = { ...spec, id: String(1e9 + this.runtime.random.int(9e9)), user };
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
    this.spec.source = 'SPREADSHEETS';
    this.spec.sourceId = typeof sheet === 'string' ? sheet : sheet.getId();
    if (this.spec.sourceId !== this.table.documentId && this.table.addOn) {
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
    this.spec.type = 'CLOCK';
    this.spec.source = 'CLOCK';
    this.spec.sourceId = this.table.documentId;
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
    this.runtime.call('script', 'TriggerBuilder.create');
    this.runtime.requireAuth('ScriptApp.newTrigger');
    const { handler, type, source, sourceId } = this.spec;
    if (!handler || !type || !source || !sourceId) throw new Error('Trigger is missing its source or event type.');
    return new EmuTrigger(
      this.table.add({ handler, type, source, sourceId, nextAt: this.spec.nextAt, everyMs: this.spec.everyMs }),
    ).proxy;
  }
}

type Members =
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'AuthMode'
  | 'EventType'
  | 'TriggerSource'
  | 'getScriptId';

export class EmuScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, Members> {
  readonly proxy: GoogleAppsScript.Script.ScriptApp;
  readonly AuthMode = {
    NONE: 'NONE',
    CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
    LIMITED: 'LIMITED',
    FULL: 'FULL',
  } as unknown as typeof GoogleAppsScript.Script.AuthMode;
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
    readonly table: TriggerTable,
    private scriptId: string,
  ) {
    this.proxy = guarded(this, 'ScriptApp');
  }

  newTrigger(functionName: string) {
    this.runtime.call('script', 'ScriptApp.newTrigger');
    return new EmuTriggerBuilder(this.runtime, this.table, functionName).proxy;
  }

  /** Only the current user's triggers: one account cannot see another's (Apps Script's rule). */
  getProjectTriggers() {
    this.runtime.call('script', 'ScriptApp.getProjectTriggers');
    this.runtime.requireAuth('ScriptApp.getProjectTriggers');
    return this.table.triggers.filter((t) => t.user === this.runtime.user).map((t) => new EmuTrigger(t).proxy);
  }

  getUserTriggers(document: { getId(): string }) {
    this.runtime.call('script', 'ScriptApp.getUserTriggers');
    this.runtime.requireAuth('ScriptApp.getUserTriggers');
    const id = document.getId();
    return this.table.triggers
      .filter((t) => t.user === this.runtime.user && t.sourceId === id)
      .map((t) => new EmuTrigger(t).proxy);
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger) {
    this.runtime.call('script', 'ScriptApp.deleteTrigger');
    const id = trigger.getUniqueId();
    this.table.triggers = this.table.triggers.filter((t) => t.id !== id || t.user !== this.runtime.user);
  }

  getScriptId() {
    return this.scriptId;
  }
}
