import { Lang } from './i18n/lang';
import { t } from './i18n/translate';
import { RoundingRule } from './money';

export const ROUND_STATES = ['draft', 'open', 'closed', 'ordered', 'arrived', 'distributed', 'settled', 'cancelled'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** A state as stored (the add-on's own word); a blank or unknown one reads as a draft. */
export function parseRoundState(text: string): RoundState {
  return (ROUND_STATES as readonly string[]).includes(text) ? (text as RoundState) : 'draft';
}

/** How the delivery cost is shared among participants who get something. */
export type DeliverySplit = 'equal' | 'byValue' | 'byQuantity';

export interface Round {
  id: string;
  title: string;
  /** The stop (стоп / 截单), an instant in ms since the epoch; shown in the sheet's time zone. */
  deadline: number;
  pickupTime: string;
  pickupPoints: string[];
  itemIds: string[];
  deliveryMinor: number;
  deliverySplit: DeliverySplit;
  /** Organiser fee (оргсбор) in basis points of goods value: 5% = 500. */
  feeBasisPoints: number;
  rounding: RoundingRule;
  currency: string;
  state: RoundState;
}

/**
 * The lifecycle a round may follow. A closed round may reopen (the deadline was extended); any round
 * not yet handed out may be cancelled; settled and cancelled are final.
 */
const NEXT: Record<RoundState, RoundState[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'ordered', 'cancelled'],
  ordered: ['arrived', 'cancelled'],
  arrived: ['distributed'],
  distributed: ['settled'],
  settled: [],
  cancelled: [],
};

export function canTransition(from: RoundState, to: RoundState): boolean {
  return NEXT[from].includes(to);
}

/** Whether a round may be asked to be in `to`: it is there already (a repeated click), or may move there. */
export function canReach(from: RoundState, to: RoundState): boolean {
  return from === to || canTransition(from, to);
}

/** Opening builds the round's form: a draft opens, an open round gets its form rebuilt. */
export function canOpen(state: RoundState): boolean {
  return state === 'draft' || state === 'open';
}

/** Moving the stop: an open round keeps taking orders, a closed one reopens. A draft opens with its form first. */
export function canMoveDeadline(state: RoundState): boolean {
  return state !== 'draft' && canReach(state, 'open');
}

/** Past the stop and not cancelled: the round has a tally, bills and hand-out lists. */
export function isTallied(state: RoundState): boolean {
  return state !== 'draft' && state !== 'open' && state !== 'cancelled';
}

export function legalNextStates(from: RoundState): RoundState[] {
  return [...NEXT[from]];
}

export type TransitionResult =
  { ok: true; round: Round } | { ok: false; key: 'round.illegalTransition'; from: RoundState; to: RoundState };

export function transition(round: Round, to: RoundState): TransitionResult {
  if (!canTransition(round.state, to)) return { ok: false, key: 'round.illegalTransition', from: round.state, to };
  return { ok: true, round: { ...round, state: to } };
}

/** A round's state in the reader's words. */
export function stateLabel(state: RoundState, lang: Lang): string {
  return t(lang, `state.${state}`);
}

/** What closing a round came to: shown to the coordinator and kept while the round stays closed. */
export interface CloseSummary {
  roundId: string;
  state: RoundState;
  participants: number;
  goodsMinor: number;
  totalMinor: number;
  queuedEmails: number;
  alreadyClosed: boolean;
  /** What did not go as asked (the form could not be closed), in the coordinator's words. */
  warning?: string;
}

/** Orders count only while a round is open and its stop has not passed. */
export function acceptsOrdersAt(round: Round, at: number): boolean {
  return round.state === 'open' && at <= round.deadline;
}
