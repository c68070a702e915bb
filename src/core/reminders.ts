import { ItemAllocation } from './allocation';
import { Steps } from './quantity';

const HOUR = 3600_000;

export interface ReminderSlot {
  offsetHours: number;
  at: number;
}

/** The instants reminders are due: deadline minus each offset, earliest first, duplicates dropped. */
export function reminderSlots(deadline: number, offsetsHours: readonly number[]): ReminderSlot[] {
  const offsets = [...new Set(offsetsHours.filter((h) => Number.isFinite(h) && h > 0))].sort((a, b) => b - a);
  return offsets.map((offsetHours) => ({ offsetHours, at: deadline - offsetHours * HOUR }));
}

/** Reminders still ahead of `now` (a round opened 3 h before its stop skips the 24 h one). */
export function upcomingReminders(deadline: number, offsetsHours: readonly number[], now: number): ReminderSlot[] {
  return reminderSlots(deadline, offsetsHours).filter((s) => s.at > now && now < deadline);
}

/**
 * What the hourly tick should send now: reminders that fell due since the last tick (ticks come at a
 * random minute, sometimes late) but never one at or after the deadline. When several fell due in one
 * gap, only the latest is worth sending.
 */
export function dueReminder(
  deadline: number,
  offsetsHours: readonly number[],
  lastTick: number,
  now: number,
): ReminderSlot | null {
  if (now >= deadline) return null;
  const due = reminderSlots(deadline, offsetsHours).filter((s) => s.at > lastTick && s.at <= now);
  return due.length ? due[due.length - 1] : null;
}

export interface AlmostFullBox {
  itemId: string;
  /** Steps still needed to complete the open box. */
  missingSteps: Steps;
  boxSteps: Steps;
}

/**
 * "Rice: 2 more bags complete a box": items whose open box is at least `fillThreshold` full (counting
 * extras), but not complete — the news that makes a reminder worth reading.
 */
export function boxesAlmostFull(
  items: readonly ItemAllocation[],
  boxSizes: ReadonlyMap<string, Steps>,
  fillThreshold = 0.5,
): AlmostFullBox[] {
  const out: AlmostFullBox[] = [];
  for (const a of items) {
    const box = boxSizes.get(a.itemId) ?? 1;
    if (box <= 1 || a.leftoverSteps === 0) continue;
    const missing = Math.max(0, box - a.leftoverSteps - a.extraSteps);
    if (missing > 0 && (box - missing) / box >= fillThreshold)
      out.push({ itemId: a.itemId, missingSteps: missing, boxSteps: box });
  }
  return out.sort((x, y) => x.missingSteps - y.missingSteps || (x.itemId < y.itemId ? -1 : 1));
}
