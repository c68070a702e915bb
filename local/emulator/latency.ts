import table from '../../bench/latency.json';

/**
 * Modelled cost in milliseconds of one Apps Script service call, charged to the virtual clock and to
 * the execution's 6-minute budget. The figures and their sources live in bench/latency.json, shared
 * with `npm run bench`: a Sheets round trip costs tens of milliseconds, a handle lookup almost
 * nothing, a flush, an email or a Forms call much more.
 */
export type CallKind = 'handle' | 'read' | 'write';

export interface CallCost {
  kind: CallKind;
  ms: number;
}

const HANDLE: CallCost = { kind: 'handle', ms: 1 };

export const defaultLatency: Record<string, CallCost> = Object.fromEntries(
  Object.entries(table.methods).map(([method, c]) => [method, { kind: c.kind as CallKind, ms: c.ms }]),
);

export function costOf(method: string, latency: Record<string, CallCost> = defaultLatency): CallCost {
  return latency[method] ?? HANDLE;
}
