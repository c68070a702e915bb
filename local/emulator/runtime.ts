import { SeededRandom, VirtualClock } from './clock';
import { CallCost, CallKind, costOf, defaultLatency } from './latency';

/** Apps Script's own wording, so code that matches on it behaves the same here. */
export const EXECUTION_TIME_ERROR = 'Exceeded maximum execution time';
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface ExecutionRecord {
  functionName: string;
  cause: string;
  user: string;
  startedAt: number;
  endedAt?: number;
  error?: string;
  /** Set once the 6-minute limit is passed: Apps Script stops the execution, whatever it catches. */
  killed?: boolean;
  logs: string[];
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

  call(service: string, method: string): void {
    const cost = costOf(method, this.latency);
    this.calls.record(service, method, cost.kind);
    this.clock.advance(cost.ms);
    this.checkTimeBudget();
  }

  requireAuth(what: string): void {
    if (this.authMode === 'NONE') {
      throw new Error(`You do not have permission to call ${what}. (the add-on is running in AuthMode.NONE)`);
    }
  }

  elapsedMs(): number {
    if (!this.current) return 0;
    return this.clock.now() - this.virtualStart + (performance.now() - this.cpuStart);
  }

  checkTimeBudget(): void {
    if (this.current && (this.current.killed || this.elapsedMs() > EXECUTION_LIMIT_MS)) {
      this.current.killed = true;
      throw new Error(EXECUTION_TIME_ERROR);
    }
  }

  begin(functionName: string, cause: string): ExecutionRecord {
    if (this.current) throw new Error(`emulator: ${functionName} started while ${this.current.functionName} runs`);
    const record: ExecutionRecord = { functionName, cause, user: this.user, startedAt: this.clock.now(), logs: [] };
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
