import { SeededRandom, VirtualClock } from './clock';
import { EmuFormApp, Submission, SubmitResult, openPrefilled, submitResponse } from './forms';
import { EmuHtmlService, ScriptRealm } from './html';
import { CallCost, defaultLatency } from './latency';
import { EmuLockService, LockTable } from './lock';
import { EmuMailApp } from './mail';
import { EmuPropertiesService } from './properties';
import { AuthMode, EXECUTION_LIMIT_MS, EXECUTION_TIME_ERROR, ExecutionRecord, Runtime, SIMPLE_TRIGGER_LIMIT_MS } from './runtime';
import { EmuScriptApp, TriggerRecord, TriggerTable } from './script';
import { EmuSession } from './session';
import { EmuSpreadsheetApp } from './spreadsheet/app';
import { EmuSpreadsheet } from './spreadsheet/spreadsheet';
import { EmuUi } from './spreadsheet/ui';
import { EmuUtilities } from './utilities';
import { ChartsService } from './spreadsheet/chart';
import { Fidelity } from './fidelity';
import { CellAddress, EditResult, userEdit } from './userEdit';
// emu-auth: the script project behind the file, authorization, fault injection
import { spreadsheetAppFacade } from './activeDocument';
import { AUTHORIZATION_REQUIRED_ERROR } from './authorization';
import { FaultInjector } from './faults';
import { Deployment, ProjectOptions, ScriptProject, TRIGGER_RUNTIME_ERROR } from './project';

export interface WorkspaceOptions {
  now?: Date | number;
  /** The account running the add-on (the coordinator who installed it). */
  user?: string;
  timeZone?: string;
  locale?: string;
  seed?: number;
  /** Daily email recipients: 100 on a free account, 1,500 on Workspace. */
  mailQuota?: number;
  /** Legacy spelling of `deployment`: true is 'addon', false is 'bound'. */
  addOn?: boolean;
  /** 'addon' (default: a published editor add-on, one project for many files) or 'bound' (one script per file). */
  deployment?: Deployment;
  /** Join an existing script project (a second community using the same add-on); see Workspace.sharing. */
  project?: ScriptProject;
  /** The manifest (appsscript.json); its oauthScopes are the only scopes the script may use. */
  manifest?: { oauthScopes?: string[] };
  /** Shorthand for manifest.oauthScopes. */
  oauthScopes?: string[];
  /** 'consumer' (90 min of trigger runtime a day, default) or 'workspace' (6 h). */
  account?: ProjectOptions['account'];
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
  /** A simple trigger (onOpen, onEdit, onInstall) may run 30 s; default: when authMode is not FULL. */
  simpleTrigger?: boolean;
  /** The file the execution runs in; null for none (default: this workspace's spreadsheet). */
  document?: string | null;
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
  readonly scriptApp: EmuScriptApp;
  /** The Apps Script project behind this file: shared with other files when deployed as an add-on. */
  readonly project: ScriptProject;
  /** Kill an execution at its Nth service call (faults.ts). */
  readonly faults: FaultInjector;
  private readonly spreadsheetGlobal: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly html: EmuHtmlService;
  readonly session: EmuSession;
  readonly utilities: EmuUtilities;
  readonly forms: EmuFormApp;
  readonly owner: string;
  readonly fidelity: Fidelity;
  private script: AttachedScript | null = null;

  constructor(options: WorkspaceOptions = {}) {
    const random = new SeededRandom(options.seed ?? 42 + 1000 * (options.project?.members.length ?? 0));
    const id = `ss-${random.id(20)}`;
    this.project =
      options.project ??
      new ScriptProject({
        deployment: options.deployment ?? (options.addOn === false ? 'bound' : 'addon'),
        oauthScopes: options.oauthScopes ?? options.manifest?.oauthScopes ?? null,
        now: options.now,
        fidelity: options.fidelity,
        account: options.account,
        random,
      });
    this.fidelity = this.project.fidelity;
    this.clock = this.project.clock;
    this.owner = options.user ?? 'coordinator@example.org';
    this.runtime = new Runtime(this.clock, random, this.owner, { ...(options.latency ?? defaultLatency) });
    this.runtime.authorization = this.project.authorization;
    this.faults = new FaultInjector(() => this.spreadsheet.id);
    this.runtime.interceptor = this.faults;
    const timeZone = options.timeZone ?? 'Europe/Moscow';
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
    const project = this.project;
    const inDocument = () => this.inDocument();
    this.properties = new EmuPropertiesService(this.runtime, {
      script: project.scriptProperties,
      user: (email) => project.userStore(email),
      inDocument,
    });
    this.locks = new LockTable(this.runtime, project.lockHolders);
    this.lockService = new EmuLockService(this.runtime, this.locks, inDocument);
    this.mail = new EmuMailApp(this.runtime, options.mailQuota ?? 100);
    this.scriptApp = new EmuScriptApp(this.runtime, {
      table: project.triggers,
      scriptId: project.scriptId,
      authorization: project.authorization,
      fidelity: project.fidelity,
      documentId: () => this.activeDocumentId(),
    });
    this.html = new EmuHtmlService(this.runtime, options.htmlFiles ?? {}, () => this.requireScript());
    this.session = new EmuSession(this.runtime, timeZone);
    this.utilities = new EmuUtilities(this.runtime, () => project.fidelity);
    this.forms = new EmuFormApp(this.runtime, this.spreadsheet, this.fidelity);
    this.spreadsheetGlobal = spreadsheetAppFacade({
      runtime: this.runtime,
      spreadsheetApp: this.spreadsheetApp,
      hasActiveDocument: () => this.activeDocumentId() !== null,
      spreadsheetById: (sid) => project.member<Workspace>(sid)?.spreadsheet,
    });
    project.join(this);
  }

  // --- emu-auth: the project, the open file, the day's trigger runtime ---

  /** Another community's spreadsheet using the same script project (a published add-on is one project). */
  static sharing(project: ScriptProject, options: Omit<WorkspaceOptions, 'project'> = {}): Workspace {
    return new Workspace({ ...options, project });
  }

  get documentId(): string {
    return this.spreadsheet.id;
  }

  get triggers(): TriggerTable {
    return this.project.triggers;
  }

  /** The file the current execution runs in: null in an add-on's time-driven run under the strict reading. */
  activeDocumentId(): string | null {
    const current = this.runtime.current;
    return current ? current.document : this.spreadsheet.id;
  }

  /** Whether the execution has a containing document: a bound script always has its own. */
  inDocument(): boolean {
    return this.project.deployment === 'bound' || this.activeDocumentId() !== null;
  }

  /** Minutes of trigger runtime `user` (default: the owner) has used in the current 24-hour window. */
  triggerMinutesToday(user: string = this.owner): number {
    return this.project.triggerMinutesToday(user);
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
      SpreadsheetApp: this.spreadsheetGlobal,
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
    const previousMode = this.runtime.authMode;
    const user = options.user ?? previousUser;
    const authMode = options.authMode ?? 'FULL';
    const cause = options.cause ?? 'editor';
    const budget = this.budgetFor(user, cause, options.simpleTrigger ?? authMode !== 'FULL');
    this.runtime.user = user;
    this.runtime.authMode = authMode;
    const document = options.document === undefined ? this.spreadsheet.id : options.document;
    const record = this.runtime.begin(name, cause, { authMode, document, ...budget });
    try {
      if (budget.budgetMs <= 0) throw new Error(TRIGGER_RUNTIME_ERROR);
      // An add-on asks for all its scopes before it runs: a user who has not authorized gets no execution.
      // A trigger of a user who authorized an earlier version still starts (see Authorization.grantedEarlier).
      const auth = this.project.authorization;
      const startsAnyway = cause.startsWith('trigger') && !auth.unauthorized.has(user);
      if (authMode === 'FULL' && !auth.isAuthorized(user) && !startsAnyway) throw new Error(AUTHORIZATION_REQUIRED_ERROR);
      const result = fn(...args) as T;
      // A script that caught the kill and carried on is still stopped: Apps Script ends it for real.
      if (record.killed) throw new Error(record.killedWith ?? EXECUTION_TIME_ERROR);
      this.runtime.end();
      return result;
    } catch (err) {
      this.runtime.end(err);
      throw err;
    } finally {
      this.locks.releaseAllOf(record);
      this.faults.executionEnded(record);
      // A killed run is charged up to its budget: Apps Script stops it there, even mid-sleep.
      const ranMs = Math.min((record.endedAt ?? this.clock.now()) - record.startedAt, Math.max(0, record.budgetMs));
      if (cause.startsWith('trigger')) this.project.triggerRuntime.charge(user, ranMs, record.startedAt);
      this.runtime.user = previousUser;
      this.runtime.authMode = previousMode;
    }
  }

  /**
   * 6 minutes, 30 s for a simple trigger; a trigger run also stops where the owner's daily trigger runtime
   * runs out ("Triggers total runtime: 90 min / day" consumer, "6 hr / day" Workspace), with
   * "Service using too much computer time for one day".
   */
  private budgetFor(user: string, cause: string, simple: boolean): { budgetMs: number; budgetError: string } {
    const perExecution = simple ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
    if (!cause.startsWith('trigger')) return { budgetMs: perExecution, budgetError: EXECUTION_TIME_ERROR };
    const remaining = this.project.triggerRuntime.remainingMs(user, this.clock.now());
    return remaining < perExecution
      ? { budgetMs: remaining, budgetError: TRIGGER_RUNTIME_ERROR }
      : { budgetMs: perExecution, budgetError: EXECUTION_TIME_ERROR };
  }

  /** Fires one trigger as its owner; like Apps Script, a failing trigger is logged, not thrown at anyone. */
  fire(trigger: TriggerRecord, event: Record<string, unknown>): ExecutionRecord {
    try {
      this.run(trigger.handler, [{ ...event, triggerUid: trigger.id, authMode: 'FULL' }], {
        user: trigger.user,
        cause: `trigger:${trigger.type}`,
        document: trigger.source === 'CLOCK' ? this.clockDocument(trigger) : this.spreadsheet.id,
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

  /**
   * A resident opens a prefilled link (FormResponse.toPrefilledUrl), changes what `submission` says (answers
   * by title win over the prefilled ones) and presses Submit: as submitForm from there.
   */
  submitPrefilled(url: string, submission: Submission = { answers: {} }, options: { deliver?: number } = {}) {
    const { form, answersByItem } = openPrefilled(this.forms, url);
    const byTitle = new Map(form.items.map((i) => [i.title, i.id]));
    const changed = Object.fromEntries(Object.entries(submission.answers).map(([title, v]) => [byTitle.get(title) ?? -1, v]));
    const answers = { ...answersByItem, ...changed, ...submission.answersByItem };
    return this.submitForm(form.id, { ...submission, answers: {}, answersByItem: answers }, options);
  }

  /** Apps Script sometimes delivers a form-submit event with no values at all. */
  fireBlankFormSubmit(sheetName: string): ExecutionRecord[] {
    const sheet = this.spreadsheet.sheet(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet ${sheetName}`);
    return this.fireSpreadsheetEvent('ON_FORM_SUBMIT', { range: sheet.proxy.getRange(1, 1), values: [''], namedValues: {} });
  }

  /**
   * The open file of a time-driven run. A bound script always has its container: "These methods are only
   * available to bound scripts run from the script editor, menu items, dialogs, sidebars, or triggers"
   * (https://developers.google.com/apps-script/guides/bound#special_methods). For a published add-on the
   * reference is silent, so it follows Fidelity.clockActiveDocument (strict: none).
   */
  private clockDocument(trigger: TriggerRecord): string | null {
    if (this.project.deployment === 'bound') return this.spreadsheet.id;
    if (this.fidelity.clockActiveDocument === 'none') return null;
    return trigger.documentId ?? null;
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
      // A clock trigger belongs to the project: it runs in the file it was created from, or in this one.
      const runner = this.project.member<Workspace>(t.documentId) ?? this;
      fired.push(
        runner.fire(t, {
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
