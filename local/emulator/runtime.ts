import { AuthMode, Authorization, notPermitted } from './authorization';
import { SeededRandom, VirtualClock } from './clock';
import { CallCost, CallKind, costOf, defaultLatency } from './latency';

export type { AuthMode } from './authorization';

/** Apps Script's own wording, so code that matches on it behaves the same here. */
export const EXECUTION_TIME_ERROR = 'Exceeded maximum execution time';
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** Simple triggers "cannot run for longer than 30 seconds": https://developers.google.com/apps-script/guides/triggers#restrictions */
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;

/** Something that may stop an execution at one of its service calls (see faults.ts). */
export interface CallInterceptor {
  beforeCall(runtime: Runtime, service: string, method: string): void;
}

export interface ExecutionRecord {
  functionName: string;
  cause: string;
  user: string;
  startedAt: number;
  endedAt?: number;
  error?: string;
  /** Set once the 6-minute limit is passed: Apps Script stops the execution, whatever it catches. */
  killed?: boolean;
  /** The error a killed execution ends with (the time limit, or the daily trigger runtime). */
  killedWith?: string;
  logs: string[];
  /** Service calls made so far: a fault sweep kills an execution at each of them in turn. */
  serviceCalls: number;
  /** The service call a fault was injected at, e.g. "Range.setValues". */
  faultAt?: string;
  authMode: AuthMode;
  /** The spreadsheet the execution runs in, or null (an add-on's time-driven run has no open file). */
  document: string | null;
  /** How long this execution may run: 6 minutes, 30 s for a simple trigger, less near the daily trigger quota. */
  budgetMs: number;
  /** Apps Script's text when the budget runs out. */
  budgetError: string;
}

/** Counts every emulated service call by "Service.method" and by kind (handle lookups vs read/write round trips). */
export class CallCounter {
  private counts = new Map<string, number>();
  private kinds = new Map<string, CallKind>();
  private services = new Map<string, string>();

  record(service: string, method: string, kind: CallKind): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.kinds.set(method, kind);
    this.services.set(method, service);
  }

  get(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** All calls to a service (e.g. 'spreadsheet'), or only its data round trips when `roundTripsOnly`. */
  total(service?: string, roundTripsOnly = false): number {
    let sum = 0;
    for (const [method, n] of this.counts) {
      if (service && this.services.get(method) !== service) continue;
      if (roundTripsOnly && this.kinds.get(method) === 'handle') continue;
      sum += n;
    }
    return sum;
  }

  roundTrips(service: string): number {
    return this.total(service, true);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * What every emulated service shares: the clock, the counter, the current user and execution.
 * Each call is charged its modelled latency; once an execution has used 6 minutes (virtual time plus
 * real CPU) the next service call throws Apps Script's "Exceeded maximum execution time".
 */
export class Runtime {
  readonly calls = new CallCounter();
  readonly executions: ExecutionRecord[] = [];
  current: ExecutionRecord | null = null;
  authMode: AuthMode = 'FULL';
  /** Set by the workspace: the manifest's scopes and users' consent (null: everything allowed). */
  authorization: Authorization | null = null;
  interceptor: CallInterceptor | null = null;
  private cpuStart = 0;
  private virtualStart = 0;

  constructor(
    readonly clock: VirtualClock,
    readonly random: SeededRandom,
    public user: string,
    /** This workspace's own copy, so a test that makes a call slower changes no other workspace. */
    readonly latency: Record<string, CallCost> = { ...defaultLatency },
    /** The Date constructor of the realm the script runs in, so `instanceof Date` holds there. */
    public DateCtor: DateConstructor = Date,
  ) {}

  /**
   * Every emulated service call: counted, offered to fault injection, checked against the scopes and the
   * authorization mode, then charged its latency against the execution's time budget.
   */
  call(service: string, method: string): void {
    this.checkTimeBudget();
    if (this.current) this.current.serviceCalls++;
    this.interceptor?.beforeCall(this, service, method);
    this.authorization?.check(method, this.authMode, this.user);
    const cost = costOf(method, this.latency);
    this.calls.record(service, method, cost.kind);
    this.clock.advance(cost.ms);
    this.checkTimeBudget();
  }

  /** Kept for services that guard a call twice; the scope table in call() already refuses AuthMode.NONE. */
  requireAuth(what: string): void {
    if (this.authMode === 'NONE') throw new Error(notPermitted(what, []));
  }

  /** Stops the current execution for good, as Apps Script does: later calls fail and catching does not help. */
  kill(message: string): never {
    if (this.current) {
      this.current.killed = true;
      this.current.killedWith = message;
    }
    throw new Error(message);
  }

  elapsedMs(): number {
    if (!this.current) return 0;
    return this.clock.now() - this.virtualStart + (performance.now() - this.cpuStart);
  }

  checkTimeBudget(): void {
    const record = this.current;
    if (!record) return;
    if (record.killed) throw new Error(record.killedWith ?? EXECUTION_TIME_ERROR);
    if (this.elapsedMs() > record.budgetMs) this.kill(record.budgetError);
  }

  begin(
    functionName: string,
    cause: string,
    context: Partial<Pick<ExecutionRecord, 'authMode' | 'document' | 'budgetMs' | 'budgetError'>> = {},
  ): ExecutionRecord {
    if (this.current) throw new Error(`emulator: ${functionName} started while ${this.current.functionName} runs`);
    const authMode = context.authMode ?? this.authMode;
    const record: ExecutionRecord = {
      functionName,
      cause,
      user: this.user,
      startedAt: this.clock.now(),
      logs: [],
      serviceCalls: 0,
      authMode,
      document: context.document === undefined ? null : context.document,
      budgetMs: context.budgetMs ?? (authMode === 'FULL' ? EXECUTION_LIMIT_MS : SIMPLE_TRIGGER_LIMIT_MS),
      budgetError: context.budgetError ?? EXECUTION_TIME_ERROR,
    };
    this.current = record;
    this.executions.push(record);
    this.virtualStart = this.clock.now();
    this.cpuStart = performance.now();
    return record;
  }

  end(error?: unknown): void {
    if (!this.current) return;
    // Real CPU time passes in Apps Script too; fold it into virtual time so "now" stays monotonic and honest.
    this.clock.advance(Math.round(performance.now() - this.cpuStart));
    this.current.endedAt = this.clock.now();
    // The error may come from the script's realm, where `instanceof Error` is false.
    if (error !== undefined)
      this.current.error = typeof (error as Error)?.message === 'string' ? (error as Error).message : String(error);
    this.current = null;
  }

  newDate(ms: number): Date {
    return new this.DateCtor(ms);
  }
}
