import { quantityHelp } from '../../core/formRules';
import { unitIn } from '../../core/units';
import { itemName } from '../../core/catalog';
import { formatNumber } from '../../core/i18n/format';
import { Lang } from '../../core/i18n/lang';
import { OrderSource } from '../../core/orders';
import { unitsOf } from '../../core/quantity';
import { allows } from '../../core/access';
import { reading, requireAccess } from '../action';
import { loadRound } from '../roundData';
import { RoundView, toView } from '../rounds';

export interface OfflineScreen {
  round: RoundView;
  /** `hint`: what may be ordered, as a sentence ("кратно 0,5 кг · не больше 4 кг в одни руки"). */
  items: { id: string; name: string; unit: string; step: string; limit: string; hint: string; box: number }[];
  buildings: string[];
  pickupPoints: string[];
  orders: {
    orderKey: string;
    name: string;
    building: string;
    flat: string;
    phone: string;
    email: string;
    lang: Lang;
    enteredBy: string;
    source: OrderSource;
    quantities: Record<string, number>;
    extras: Record<string, number>;
  }[];
}

/**
 * Offline order screen: the round's items, the lists, and existing orders to edit; read without the lock.
 * A building volunteer gets their own buildings and their orders only.
 */
export function offlineScreen(roundId: string): OfflineScreen {
  return reading((ctx) => {
    requireAccess(ctx, 'enterOrders');
    const data = loadRound(ctx, String(roundId));
    const volunteer = ctx.access.role === 'volunteer';
    const mine = (place: string) => !volunteer || allows(ctx.access, 'enterOrders', place);
    return {
      round: toView(data.record),
      items: data.snapshot.items.map((i) => ({
        id: i.id,
        name: itemName(i, ctx.lang),
        unit: unitIn(i, ctx.lang),
        step: formatNumber(unitsOf(1, i.stepMilli), ctx.lang),
        limit: i.limitSteps === null ? '' : formatNumber(unitsOf(i.limitSteps, i.stepMilli), ctx.lang),
        hint: quantityHelp(i, ctx.lang),
        box: unitsOf(i.boxSteps, i.stepMilli),
      })),
      buildings: data.snapshot.buildings.filter(mine),
      pickupPoints: data.snapshot.pickupPoints,
      orders: data.orders
        .filter((o) => mine(o.order.participant.building || o.order.participant.pickupPoint))
        .map((o) => ({
          orderKey: o.order.key,
          name: o.order.participant.name,
          building: o.order.participant.building,
          flat: o.order.participant.flat,
          phone: o.order.participant.phone,
          email: o.order.participant.email ?? '',
          lang: o.order.participant.lang,
          enteredBy: o.order.participant.enteredBy ?? '',
          source: o.order.source,
          quantities: Object.fromEntries(
            o.order.lines.map((l) => [l.itemId, unitsOf(l.steps, data.items.get(l.itemId)?.stepMilli ?? 1000)]),
          ),
          extras: Object.fromEntries(
            o.order.lines
              .filter((l) => l.extraSteps)
              .map((l) => [l.itemId, unitsOf(l.extraSteps, data.items.get(l.itemId)?.stepMilli ?? 1000)]),
          ),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}
