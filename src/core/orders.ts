import { Lang } from './i18n/lang';
import { Steps } from './quantity';

export interface Participant {
  name: string;
  /** null for residents without email: a first-class participant all the same. */
  email: string | null;
  phone: string;
  building: string;
  flat: string;
  pickupPoint: string;
  lang: Lang;
  /** The volunteer who typed an offline order for this resident, or null for the resident's own form. */
  enteredBy: string | null;
}

/** A run of units asked for at one moment: the unit of fairness in the queue. */
export interface Tranche {
  steps: Steps;
  at: number;
}

export interface OrderLine {
  itemId: string;
  steps: Steps;
  extraSteps: Steps;
  /** When each part of `steps` was first asked for, oldest first; sums to `steps`. */
  tranches: Tranche[];
  /** The same for the "extra I'd take" (допуск / 可多要). */
  extraTranches: Tranche[];
}

/**
 * How an order came in: the resident's form; a volunteer's entry at the sidebar; a chat list pasted by
 * the coordinator or a volunteer (chat import); a paper slip typed in after a door-to-door round.
 */
export type OrderSource = 'form' | 'offline' | 'chat' | 'paper';

export interface Order {
  /** Stable identity of the order: "form:<response id>", "offline:<id>" or "chat:<round>:<person>"; edits keep it. */
  key: string;
  source: OrderSource;
  participant: Participant;
  lines: OrderLine[];
  /** The time of the first revision: the order's place in the queue. */
  firstSubmittedAt: number;
  submittedAt: number;
  revision: number;
  comment: string;
}

export interface OrderRevision {
  key: string;
  source: OrderSource;
  participant: Participant;
  lines: { itemId: string; steps: Steps; extraSteps: Steps }[];
  submittedAt: number;
  revision: number;
  comment: string;
}

function total(tranches: Tranche[]): Steps {
  return tranches.reduce((s, t) => s + t.steps, 0);
}

/**
 * Moves a queue of tranches to a new total. Raising adds a tranche at `at` (only the raise waits at the
 * back of the queue); lowering gives back the newest units first, so the person keeps their early place.
 */
export function retarget(tranches: Tranche[], target: Steps, at: number): Tranche[] {
  const current = total(tranches);
  if (target === current) return tranches;
  if (target > current) return [...tranches, { steps: target - current, at }];
  const out: Tranche[] = [];
  let left = target;
  for (const t of tranches) {
    if (left <= 0) break;
    const keep = Math.min(t.steps, left);
    out.push({ steps: keep, at: t.at });
    left -= keep;
  }
  return out;
}

/**
 * Applies a new revision of an order. A revision older than (or equal to) the one already recorded is
 * ignored, so an edit delivered twice or out of order never rolls an order back.
 */
export function reviseOrder(previous: Order | undefined, next: OrderRevision): Order {
  if (previous && next.revision <= previous.revision) return previous;
  const before = new Map((previous?.lines ?? []).map((l) => [l.itemId, l]));
  const lines: OrderLine[] = [];
  for (const line of next.lines) {
    if (line.steps <= 0 && line.extraSteps <= 0) continue;
    const old = before.get(line.itemId);
    lines.push({
      itemId: line.itemId,
      steps: line.steps,
      extraSteps: line.extraSteps,
      tranches: retarget(old?.tranches ?? [], line.steps, next.submittedAt),
      extraTranches: retarget(old?.extraTranches ?? [], line.extraSteps, next.submittedAt),
    });
  }
  return {
    key: next.key,
    source: next.source,
    participant: next.participant,
    lines,
    firstSubmittedAt: previous?.firstSubmittedAt ?? next.submittedAt,
    submittedAt: next.submittedAt,
    revision: next.revision,
    comment: next.comment,
  };
}
