import { allows } from '../../core/access';
import { itemName } from '../../core/catalog';
import { formatNumber, listOf } from '../../core/i18n/format';
import { quantityText } from '../../core/units';
import { HandOutLine, handOutLine, compareNumbered } from '../../core/ladder';
import { RoundLedger, roundLedger } from '../../core/ledger';
import { unitsOf } from '../../core/quantity';
import { RoundState } from '../../core/round';
import { ParticipantResult } from '../../core/tally';
import { ActionContext, reading, requireAccess } from '../action';
import { placeOf } from '../buildingTabs';
import { ledgerOf } from '../refreshLedger';
import { RoundData, loadRound } from '../roundData';

export interface ParticipantRow extends HandOutLine {
  building: string;
  pickupPoint: string;
  orderedSummary: string;
  enteredBy: string;
}

export interface ParticipantsScreen {
  roundId: string;
  state: RoundState;
  currency: string;
  participants: ParticipantRow[];
  buildings: string[];
  pickupPoints: string[];
  ledger: RoundLedger;
}

/** The participants this caller may see: a building volunteer, their own buildings' only. */
export function visibleParticipants(ctx: ActionContext, data: RoundData): ParticipantResult[] {
  if (ctx.access.role !== 'volunteer') return data.tally.participants;
  return data.tally.participants.filter((p) => allows(ctx.access, 'handOut', placeOf(p)));
}

/** The round's figures, or for a building volunteer the figures of their own residents only. */
function ledgerFor(ctx: ActionContext, data: RoundData, shown: ParticipantResult[]): RoundLedger {
  if (ctx.access.role !== 'volunteer') return ledgerOf(data);
  const sum = (f: (p: ParticipantResult) => number) => shown.reduce((s, p) => s + f(p), 0);
  const keys = new Set(shown.map((p) => p.order.key));
  const totals = {
    goodsMinor: sum((p) => p.goodsMinor),
    deliveryMinor: sum((p) => p.deliveryMinor),
    feeMinor: sum((p) => p.feeMinor),
    totalMinor: sum((p) => p.totalMinor),
    savingMinor: sum((p) => p.savingMinor),
  };
  const accounts = [...data.accounts.values()].filter((a) => keys.has(a.orderKey));
  const entries = data.journal.filter((e) => e.roundId === data.record.id && keys.has(e.orderKey));
  return roundLedger(totals, accounts, entries);
}

/**
 * Sidebar's Participants screen (and a building volunteer's "My building"): everything in one call, read
 * without the lock. Filtered on the server: a volunteer receives their own buildings' residents only.
 */
export function participantsScreen(roundId: string): ParticipantsScreen {
  return reading((ctx) => {
    requireAccess(ctx, 'handOut');
    return participantsView(ctx, loadRound(ctx, String(roundId)));
  });
}

/** The screen's data for the participants this caller may see. */
export function participantsView(ctx: ActionContext, data: RoundData): ParticipantsScreen {
  const shown = visibleParticipants(ctx, data);
  const participants: ParticipantRow[] = shown
    .map((p) => {
      const who = p.order.participant;
      const ordered = listOf(
        Object.entries(p.items).map(([id, v]) => {
          const item = data.items.get(id);
          const amount = unitsOf(v.orderedSteps, item?.stepMilli ?? 1000);
          return `${item ? itemName(item, ctx.lang) : id} ${quantityText(amount, formatNumber(amount, ctx.lang), item ?? '', ctx.lang)}`;
        }),
        ctx.lang,
      );
      return {
        ...handOutLine(data, p, ctx.lang),
        building: who.building,
        pickupPoint: who.pickupPoint,
        orderedSummary: ordered,
        enteredBy: who.enteredBy ?? '',
      };
    })
    .sort((a, b) => compareNumbered(a.building, b.building) || compareNumbered(a.flat, b.flat));
  return {
    roundId: data.record.id,
    state: data.record.state,
    currency: data.record.currency,
    participants,
    buildings: [...new Set(participants.map((p) => p.building).filter(Boolean))],
    pickupPoints: [...new Set(participants.map((p) => p.pickupPoint).filter(Boolean))],
    ledger: ledgerFor(ctx, data, shown),
  };
}
