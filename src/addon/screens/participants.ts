import { itemName } from '../../core/catalog';
import { formatNumber } from '../../core/i18n/format';
import { HandOutLine, handOutLine } from '../../core/ladder';
import { RoundLedger } from '../../core/ledger';
import { unitsOf } from '../../core/quantity';
import { RoundState } from '../../core/round';
import { reading } from '../action';
import { ledgerOf } from '../refreshLedger';
import { loadRound } from '../roundData';

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

/** Sidebar's Participants screen: everything in one call, read without the lock. */
export function participantsScreen(roundId: string): ParticipantsScreen {
  return reading((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const participants: ParticipantRow[] = data.tally.participants
      .map((p) => {
        const who = p.order.participant;
        const ordered = Object.entries(p.items)
          .map(([id, v]) => {
            const item = data.items.get(id);
            return `${item ? itemName(item, ctx.lang) : id} ${formatNumber(unitsOf(v.orderedSteps, item?.stepMilli ?? 1000), ctx.lang)}`;
          })
          .join(', ');
        return {
          ...handOutLine(data, p, ctx.lang),
          building: who.building,
          pickupPoint: who.pickupPoint,
          orderedSummary: ordered,
          enteredBy: who.enteredBy ?? '',
        };
      })
      .sort(
        (a, b) =>
          a.building.localeCompare(b.building, undefined, { numeric: true }) ||
          a.flat.localeCompare(b.flat, undefined, { numeric: true }),
      );
    return {
      roundId: data.record.id,
      state: data.record.state,
      currency: data.record.currency,
      participants,
      buildings: [...new Set(participants.map((p) => p.building).filter(Boolean))],
      pickupPoints: [...new Set(participants.map((p) => p.pickupPoint).filter(Boolean))],
      ledger: ledgerOf(data),
    };
  });
}
