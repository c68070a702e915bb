import { SeededRandom, VirtualClock } from './clock';
import { EmuFormApp, Submission, SubmitResult, submitResponse } from './forms';
import { EmuHtmlService, ScriptRealm } from './html';
import { CallCost, defaultLatency } from './latency';
import { EmuLockService, LockTable } from './lock';
import { EmuMailApp } from './mail';
import { EmuPropertiesService } from './properties';
import { AuthMode, EXECUTION_TIME_ERROR, ExecutionRecord, Runtime } from './runtime';
import { EmuScriptApp, TriggerRecord, TriggerTable } from './script';
import { EmuSession } from './session';
import { EmuSpreadsheetApp } from './spreadsheet/app';
import { EmuSpreadsheet } from './spreadsheet/spreadsheet';
import { EmuUi } from './spreadsheet/ui';
import { EmuUtilities } from './utilities';
import { ChartsService } from './spreadsheet/chart';
import { Fidelity, STRICT } from './fidelity';
import { CellAddress, EditResult, userEdit } from './userEdit';

export interface WorkspaceOptions {
  now?: Date | number;
  /** The account running the add-on (the coordinator who installed it). */
  user?: string;
  timeZone?: string;
  locale?: string;
  seed?: number;
  /** Daily email recipients: 100 on a free account, 1,500 on Workspace. */
  mailQuota?: number;
  /** Apply the editor add-on trigger rules (one per type per user per document, hourly at most). */
  addOn?: boolean;
  /** dist/*.html by name without extension, for HtmlService. */
  htmlFiles?: Record<string, string>;
  spreadsheetName?: string;
  latency?: Record<string, CallCost>;
  /** Readings of behaviours Google leaves open (see fidelity.ts); STRICT unless given. */
  fidelity?: Partial<Fidelity>;
}

/** What the emulator needs from a loaded script: its functions by name and a way to run code in its realm. */
export interface AttachedScript extends ScriptRealm {
  fn(name: string): ((...args: unknown[]) => unknown) | undefined;
  DateCtor: DateConstructor;
}

export interface RunOptions {
  user?: string;
  cause?: string;
  authMode?: AuthMode;
}

/** One community's Google Workspace in memory: its spreadsheet, the add-on's services, triggers and clock. */
export class Workspace {
  readonly clock: VirtualClock;
  readonly runtime: Runtime;
  readonly spreadsheet: EmuSpreadsheet;
  readonly ui: EmuUi;
  readonly spreadsheetApp: EmuSpreadsheetApp;
  readonly properties: EmuPropertiesService;
  readonly locks: LockTable;
  readonly lockService: EmuLockService;
  readonly mail: EmuMailApp;
  readonly triggers: TriggerTable;
  readonly scriptApp: EmuScriptApp;
  readonly html: EmuHtmlService;
  readonly session: EmuSession;
  readonly utilities: EmuUtilities;
  readonly forms: EmuFormApp;
  readonly owner: string;
  readonly fidelity: Fidelity;
  private script: AttachedScript | null = null;

  constructor(options: WorkspaceOptions = {}) {
    this.fidelity = { ...STRICT, ...(options.fidelity ?? {}) };
    this.clock = new VirtualClock(options.now ?? Date.UTC(2026, 10, 2, 9, 0, 0));
    const random = new SeededRandom(options.seed ?? 42);
    this.owner = options.user ?? 'coordinator@example.org';
    this.runtime = new Runtime(this.clock, random, this.owner, { ...(options.latency ?? defaultLatency) });
    const timeZone = options.timeZone ?? 'Europe/Moscow';
    const id = `ss-${random.id(20)}`;
    this.spreadsheet = new EmuSpreadsheet(
      this.runtime,
      id,
      options.spreadsheetName ?? 'Community',
      this.owner,
      timeZone,
      options.locale ?? 'ru_RU',
      this.fidelity,
    );
    this.ui = new EmuUi(this.runtime);
    this.spreadsheetApp = new EmuSpreadsheetApp(this.runtime, this.spreadsheet, this.ui);
    this.properties = new EmuPropertiesService(this.runtime);
    this.locks = new LockTable(this.runtime);
    this.lockService = new EmuLockService(this.runtime, this.locks);
    this.mail = new EmuMailApp(this.runtime, options.mailQuota ?? 100);
    this.triggers = new TriggerTable(this.runtime, id, options.addOn ?? true);
    this.scriptApp = new EmuScriptApp(this.runtime, this.triggers, `script-${random.id(20)}`);
    this.html = new EmuHtmlService(this.runtime, options.htmlFiles ?? {}, () => this.requireScript());
    this.session = new EmuSession(this.runtime, timeZone);
    this.utilities = new EmuUtilities(this.runtime);
    this.forms = new EmuFormApp(this.runtime, this.spreadsheet, this.fidelity);
  }

  get calls() {
    return this.runtime.calls;
  }

  get executions(): ExecutionRecord[] {
    return this.runtime.executions;
  }

  /** A fresh global object holding only what Apps Script provides: no require, process or timers. */
  globals(): Record<string, unknown> {
    const log = (...args: unknown[]) => {
      const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      this.runtime.current?.logs.push(line);
    };
    return {
      SpreadsheetApp: this.spreadsheetApp.proxy,
      FormApp: this.forms.proxy,
      Charts: ChartsService,
      PropertiesService: this.properties.proxy,
      LockService: this.lockService.proxy,
      MailApp: this.mail.proxy,
      ScriptApp: this.scriptApp.proxy,
      HtmlService: this.html.proxy,
      Session: this.session.proxy,
      Utilities: this.utilities.proxy,
      Logger: { log: (...a: unknown[]) => (log(...a), undefined) },
      console: { log, info: log, warn: log, error: log },
    };
  }

  attach(script: AttachedScript): void {
    this.script = script;
    this.runtime.DateCtor = script.DateCtor;
  }

  private requireScript(): AttachedScript {
    if (!this.script) throw new Error('emulator: no script attached (load dist/Code.js first)');
    return this.script;
  }

  /** Runs a global function of the script as one Apps Script execution; errors are recorded and rethrown. */
  run<T = unknown>(name: string, args: unknown[] = [], options: RunOptions = {}): T {
    const fn = this.requireScript().fn(name);
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    const previousUser = this.runtime.user;
    this.runtime.user = options.user ?? previousUser;
    this.runtime.authMode = options.authMode ?? 'FULL';
    const record = this.runtime.begin(name, options.cause ?? 'editor');
    try {
      const result = fn(...args) as T;
      // A script that caught the kill and carried on is still stopped: Apps Script ends it for real.
      if (record.killed) throw new Error(EXECUTION_TIME_ERROR);
      this.runtime.end();
      return result;
    } catch (err) {
      this.runtime.end(err);
      throw err;
    } finally {
      this.locks.releaseAllOf(record);
      this.runtime.user = previousUser;
      this.runtime.authMode = 'FULL';
    }
  }

  /** Fires one trigger as its owner; like Apps Script, a failing trigger is logged, not thrown at anyone. */
  fire(trigger: TriggerRecord, event: Record<string, unknown>): ExecutionRecord {
    try {
      this.run(trigger.handler, [{ ...event, triggerUid: trigger.id, authMode: 'FULL' }], {
        user: trigger.user,
        cause: `trigger:${trigger.type}`,
      });
    } catch {
      // recorded in the execution log
    }
    return this.executions[this.executions.length - 1];
  }

  /** Spreadsheet events (form submit, edit…): every matching installable trigger fires, once per owner. */
  fireSpreadsheetEvent(type: TriggerRecord['type'], event: Record<string, unknown>): ExecutionRecord[] {
    return this.triggers.triggers
      .filter((t) => t.type === type && t.sourceId === this.spreadsheet.id)
      .map((t) => this.fire(t, { ...event, source: this.spreadsheet.proxy }));
  }

  /**
   * A resident submits (or edits) a response to a form. Form validation runs first, as in the
   * browser; then every form-submit trigger fires. `deliver: 2` delivers the event twice, as Apps
   * Script occasionally does.
   */
  submitForm(
    formId: string,
    submission: Submission,
    options: { deliver?: number } = {},
  ): SubmitResult & { runs?: ExecutionRecord[] } {
    const form = this.forms.byId(formId);
    if (!form) throw new Error(`emulator: no form ${formId}`);
    const result = submitResponse(this.forms, form, submission);
    if (!result.ok) return result;
    const runs: ExecutionRecord[] = [];
    for (let i = 0; i < (options.deliver ?? 1); i++)
      runs.push(...this.fireSpreadsheetEvent('ON_FORM_SUBMIT', { ...result.event }));
    return { ...result, runs };
  }

  /** Apps Script sometimes delivers a form-submit event with no values at all. */
  fireBlankFormSubmit(sheetName: string): ExecutionRecord[] {
    const sheet = this.spreadsheet.sheet(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet ${sheetName}`);
    return this.fireSpreadsheetEvent('ON_FORM_SUBMIT', { range: sheet.proxy.getRange(1, 1), values: [''], namedValues: {} });
  }

  /** Moves the virtual clock, firing each clock trigger that falls due, in time order. */
  advance(ms: number): ExecutionRecord[] {
    return this.advanceTo(this.clock.now() + ms);
  }

  advanceTo(target: number | Date): ExecutionRecord[] {
    const until = typeof target === 'number' ? target : target.getTime();
    const fired: ExecutionRecord[] = [];
    for (let t = this.triggers.nextDue(until); t; t = this.triggers.nextDue(until)) {
      if ((t.nextAt as number) > this.clock.now()) this.clock.set(t.nextAt as number);
      this.triggers.afterFiring(t);
      const at = new Date(this.clock.now());
      fired.push(
        this.fire(t, {
          year: at.getUTCFullYear(),
          month: at.getUTCMonth() + 1,
          'day-of-month': at.getUTCDate(),
          hour: at.getUTCHours(),
          minute: at.getUTCMinutes(),
          second: at.getUTCSeconds(),
          timezone: 'UTC',
        }),
      );
    }
    if (until > this.clock.now()) this.clock.set(until);
    return fired;
  }

  // ---- people editing the spreadsheet (Sheets UI, Sheets mobile app): see userEdit.ts ----

  /** A global function of the attached script, if it defines one (e.g. a simple `onEdit`). */
  scriptFunction(name: string): ((...args: unknown[]) => unknown) | undefined {
    return this.script?.fn(name);
  }

  /** `user` types `value` into one cell, as in the Sheets UI; edit triggers fire. */
  edit(user: string, sheetName: string, cell: CellAddress, value: unknown): EditResult {
    return userEdit(this, user, sheetName, cell, [[value]]);
  }

  /** `user` pastes a block of values starting at `topLeft`; edit triggers fire once for the block. */
  paste(user: string, sheetName: string, topLeft: CellAddress, values: unknown[][]): EditResult {
    return userEdit(this, user, sheetName, topLeft, values);
  }
}
