import { JournalEntry } from './ledger';
import { Steps } from './quantity';

/**
 * No silent doubles. A double click is caught by its request id; this catches the second, separate click
 * a minute later with the same data — the volunteer was not sure the first one went through. Within a few
 * minutes, the same order for the same person, or the same payment from the same person, is asked about
 * ("record it again?") instead of being recorded twice.
 */
export const REPEAT_WINDOW_MS = 10 * 60_000;

export interface OrderLike {
  key: string;
  /** Who it is for (see ledger.identityOf). */
  identity: string;
  lines: readonly { itemId: string; steps: Steps; extraSteps: Steps }[];
  submittedAt: number;
}

const linesKey = (lines: OrderLike['lines']) =>
  lines
    .filter((l) => l.steps > 0 || l.extraSteps > 0)
    .map((l) => `${l.itemId}:${l.steps}:${l.extraSteps}`)
    .sort()
    .join(',');

/** An order saved in the last few minutes for the same person with the same lines, if there is one. */
export function recentTwinOrder(
  candidate: Pick<OrderLike, 'identity' | 'lines'>,
  orders: readonly OrderLike[],
  now: number,
): OrderLike | null {
  const wanted = linesKey(candidate.lines);
  if (!wanted) return null;
  return (
    orders.find(
      (o) => o.identity === candidate.identity && now - o.submittedAt <= REPEAT_WINDOW_MS && linesKey(o.lines) === wanted,
    ) ?? null
  );
}

/** A payment of the same amount from the same person recorded in the last few minutes, if there is one. */
export function recentTwinPayment(
  candidate: Pick<JournalEntry, 'roundId' | 'orderKey' | 'kind' | 'amountMinor'>,
  journal: readonly JournalEntry[],
  now: number,
): JournalEntry | null {
  return (
    [...journal]
      .reverse()
      .find(
        (e) =>
          e.roundId === candidate.roundId &&
          e.orderKey === candidate.orderKey &&
          e.kind === candidate.kind &&
          e.amountMinor === candidate.amountMinor &&
          now - e.at <= REPEAT_WINDOW_MS,
      ) ?? null
  );
}
