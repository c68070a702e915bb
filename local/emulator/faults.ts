import { CallInterceptor, EXECUTION_TIME_ERROR, Runtime } from './runtime';

/**
 * Fault injection for crash-consistency sweeps: an execution dies at its Nth service call, before that call
 * takes effect, the way the 6-minute limit or a failing Google service would stop it.
 *
 * - 'timeout' ends the execution for good with "Exceeded maximum execution time": catching it does not help,
 *   as with the real limit (https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
 * - 'serviceError' throws what the failing service says; the script may catch it and carry on. The texts are
 *   the ones Apps Script prints: "Service Spreadsheets failed while accessing document with id …" (seen for
 *   Documents in alexwforsythe/code-blocks#168, same pattern per service) and, for services with no document,
 *   "We're sorry, a server error occurred. Please wait a bit and try again."
 *
 * A sweep counts an execution's calls with a dry run (ExecutionRecord.serviceCalls) and then kills a fresh
 * copy at 1…N in turn: `ws.faults.killAt(n, 'timeout', { fn: 'closeRound' })`.
 */
export type FaultKind = 'timeout' | 'serviceError';

export interface Fault {
  at: number;
  kind: FaultKind;
  /** Only an execution of this function is armed; otherwise the next execution of any function. */
  fn?: string;
}

export const SERVER_ERROR = "We're sorry, a server error occurred. Please wait a bit and try again.";

const SERVICE_NAMES: Record<string, string> = { spreadsheet: 'Spreadsheets', form: 'Forms' };

export function serviceErrorText(service: string, documentId: string | null): string {
  const name = SERVICE_NAMES[service];
  return name && documentId ? `Service ${name} failed while accessing document with id ${documentId}.` : SERVER_ERROR;
}

export class FaultInjector implements CallInterceptor {
  private pending: Fault | null = null;
  /** The execution the pending fault is armed for, once it has started. */
  private armed: object | null = null;
  /** Faults that went off: which execution, at which call. */
  readonly fired: { functionName: string; at: number; method: string; kind: FaultKind }[] = [];

  constructor(private documentId: () => string) {}

  /** Arms a fault for the next execution (of `fn`, when given), counting its service calls from 1. */
  killAt(at: number, kind: FaultKind, options: { fn?: string } = {}): void {
    if (!Number.isInteger(at) || at < 1) throw new Error(`emulator: killAt needs a call number from 1, not ${at}`);
    this.pending = { at, kind, fn: options.fn };
    this.armed = null;
  }

  clear(): void {
    this.pending = null;
    this.armed = null;
  }

  get isArmed(): boolean {
    return this.pending !== null;
  }

  beforeCall(runtime: Runtime, service: string, method: string): void {
    const fault = this.pending;
    const record = runtime.current;
    if (!fault || !record) return;
    if (this.armed === null) {
      if (fault.fn !== undefined && fault.fn !== record.functionName) return;
      this.armed = record;
    }
    if (this.armed !== record || record.serviceCalls !== fault.at) return;
    this.clear();
    record.faultAt = method;
    this.fired.push({ functionName: record.functionName, at: fault.at, method, kind: fault.kind });
    if (fault.kind === 'timeout') runtime.kill(EXECUTION_TIME_ERROR);
    throw new Error(serviceErrorText(service, record.document ?? this.documentId()));
  }

  /** An armed fault whose execution ended before reaching call N is spent: the sweep has gone past the end. */
  executionEnded(record: object): void {
    if (this.armed === record) this.clear();
  }
}
