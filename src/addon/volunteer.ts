import { allows } from '../core/access';
import { RoundState, isTallied } from '../core/round';
import { findTab, tabName } from '../workspace/buildingTabs';
import { readRounds } from '../workspace/rounds';
import { reading, requireAccess } from './action';
import { placeOf } from './buildingTabs';
import { loadRound } from './roundData';
import { ParticipantsScreen, participantsView } from './screens/participants';

/**
 * A building volunteer's sidebar, "My building": the round they are working on, their residents with
 * pickups and payments, how many orders their building has, and which tab to open on their phone. Never
 * rounds, settings or anyone else's money (the server filters; the sidebar only shows what it is sent).
 */
export interface MyBuildingScreen {
  buildings: string[];
  /** The spreadsheet's, for the deadline. */
  timeZone: string;
  /** The tabs to open in the Sheets app on a phone ("🏠 Дом 1"). */
  tabs: string[];
  rounds: { id: string; title: string; state: RoundState }[];
  round: {
    id: string;
    title: string;
    state: RoundState;
    deadline: string;
    pickupTime: string;
    pickupPoints: string[];
    currency: string;
    formUrl: string;
  } | null;
  /** Residents with what they get and owe, once the round is tallied. */
  list: ParticipantsScreen | null;
  /** Orders from the volunteer's buildings so far (open round). */
  orders: number;
  counts: { people: number; pickedUp: number; paid: number; outstandingMinor: number };
}

/** The round a volunteer cares about first: one being handed out, else one taking orders. */
function currentRound<T extends { id: string; state: RoundState }>(rounds: T[], wanted?: string): T | undefined {
  return (
    rounds.find((r) => r.id === wanted) ??
    rounds.find((r) => isTallied(r.state) && r.state !== 'settled') ??
    rounds.find((r) => r.state === 'open') ??
    rounds[0]
  );
}

export function myBuildingScreen(roundId?: string): MyBuildingScreen {
  return reading((ctx) => {
    requireAccess(ctx, 'handOut');
    const rounds = readRounds(ctx.book)
      .filter((r) => r.state !== 'draft' && r.state !== 'cancelled')
      .reverse();
    const record = currentRound(rounds, roundId ? String(roundId) : undefined);
    const buildings = ctx.access.role === 'volunteer' ? ctx.access.buildings : [];
    const tabs = buildings.filter((b) => findTab(ctx.book, ctx.store, b)).map(tabName);
    const empty = { people: 0, pickedUp: 0, paid: 0, outstandingMinor: 0 };
    const base = {
      buildings,
      tabs,
      timeZone: ctx.book.timeZone(),
      rounds: rounds.map((r) => ({ id: r.id, title: r.title, state: r.state })),
    };
    if (!record) return { ...base, round: null, list: null, orders: 0, counts: empty };
    const data = loadRound(ctx, record.id);
    const round = {
      id: record.id,
      title: record.title,
      state: record.state,
      deadline: new Date(record.deadline).toISOString(),
      pickupTime: record.pickupTime,
      pickupPoints: record.pickupPoints,
      currency: record.currency,
      formUrl: record.formUrl,
    };
    const mine = data.tally.participants.filter((p) => allows(ctx.access, 'handOut', placeOf(p)));
    const orders = mine.filter((p) => p.order.lines.length > 0).length;
    if (!isTallied(record.state)) return { ...base, round, list: null, orders, counts: empty };
    const list = participantsView(ctx, data);
    const counts = {
      people: list.participants.length,
      pickedUp: list.participants.filter((p) => p.pickedUp).length,
      paid: list.participants.filter((p) => p.balanceMinor <= 0).length,
      outstandingMinor: list.ledger.outstandingMinor,
    };
    return { ...base, round, list, orders, counts };
  });
}
