import { renderEmail } from '../core/emails';
import { SupplierLine, supplierLines } from '../core/supplierOrder';
import { itemName } from '../core/catalog';
import { MessageKey, t } from '../core/i18n/translate';
import { currency, toDecimalString } from '../core/money';
import { Steps, parseQuantity, unitsOf } from '../core/quantity';
import { canTransition } from '../core/round';
import { OutgoingEmail, queueEmails } from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { cacheSnapshot, writeRound } from '../workspace/rounds';
import { writeRoundResults, writeSupplierOrder } from '../workspace/results';
import { UserError } from './context';
import { billLines, roundFacts } from './close';
import { updateLedger } from './ledgerSheet';
import { loadRound, RoundData } from './roundData';
import { locked } from './rounds';
import { ActionContext } from './context';

function requireState(ctx: ActionContext, data: RoundData, to: Parameters<typeof canTransition>[1]): void {
  if (data.record.state !== to && !canTransition(data.record.state, to)) {
    throw new UserError(
      t(ctx.lang, 'round.illegalTransition', {
        from: t(ctx.lang, `state.${data.record.state}` as MessageKey),
        to: t(ctx.lang, `state.${to}` as MessageKey),
      }),
    );
  }
}

function setState(ctx: ActionContext, data: RoundData, state: RoundData['record']['state']): void {
  if (data.record.state === state) return;
  data.record = { ...data.record, state };
  writeRound(ctx.book, data.record, ctx.now);
  cacheSnapshot(ctx.store, { ...data.snapshot, round: { ...data.snapshot.round, state } });
}

export interface SupplierOrder {
  csv: string;
  fileName: string;
  lines: SupplierLine[];
  totalMinor: number;
}

/** Quotes a CSV field; a leading = + - @ is defused too, since the file may be opened in a spreadsheet. */
function csvField(value: unknown): string {
  let s = String(value ?? '');
  if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The consolidated order for the supplier(s): a sheet grouped by supplier and the same as CSV for the
 * sidebar to download. The round moves to "ordered".
 */
export function supplierOrder(roundId: string): SupplierOrder {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    requireState(ctx, data, 'ordered');
    const exp = currency(data.record.currency)?.exponent ?? 2;
    const lines = supplierLines(data.tally, data.items, ctx.book.lang);
    const totalMinor = lines.reduce((s, l) => s + l.totalMinor, 0);
    writeSupplierOrder(ctx.book, ctx.store, data.record, lines);
    setState(ctx, data, 'ordered');
    updateLedger(ctx, data);
    const header = ['supplier', 'code', 'item', 'unit', 'boxes', 'quantity', 'price', 'total'];
    const csv =
      [
        header,
        ...lines.map((l) => [
          l.supplier,
          l.code,
          l.item,
          l.unit,
          l.boxes,
          l.units,
          toDecimalString(l.priceMinor, exp),
          toDecimalString(l.totalMinor, exp),
        ]),
      ]
        .map((r) => r.map(csvField).join(','))
        .join('\r\n') + '\r\n';
    return { csv, fileName: `${data.record.id}-supplier-order.csv`, lines, totalMinor };
  });
}

export interface ReceiptSummary {
  shortfallItems: string[];
  corrections: number;
  arrivedQueued: number;
}

/**
 * Records what the supplier delivered (item id → quantity in the item's unit; items not given arrived
 * in full). A shortfall re-allocates with the core (latest orders lose first), rewrites the result
 * sheets and queues a correction to each person whose share changed; then everyone gets "goods arrived".
 */
export function recordReceipt(roundId: string, receivedUnits: Record<string, string | number> = {}): ReceiptSummary {
  return locked((ctx) => {
    const before = loadRound(ctx, String(roundId));
    requireState(ctx, before, 'arrived');
    const received: Record<string, Steps> = {};
    const problems: string[] = [];
    for (const [itemId, typed] of Object.entries(receivedUnits ?? {})) {
      const item = before.items.get(itemId);
      if (!item) {
        problems.push(t(ctx.lang, 'problem.unknownItem', { value: itemId }));
        continue;
      }
      const q = parseQuantity(typed, item.stepMilli);
      if (!q.ok) problems.push(`${itemName(item, ctx.lang)}: ${t(ctx.lang, 'receive.notQuantity', { value: String(typed) })}`);
      else {
        const bought = before.tally.items.find((a) => a.itemId === itemId)?.boughtSteps ?? 0;
        if (q.steps < bought) received[itemId] = q.steps;
      }
    }
    if (problems.length) throw new UserError(problems.join('\n'));
    ctx.store.set(KEYS.received(before.record.id), received);
    const after = loadRound(ctx, before.record.id);
    after.record = before.record;
    writeRoundResults(ctx.book, ctx.store, after.record, after);

    const emails: OutgoingEmail[] = [];
    const revision = Object.keys(received).length
      ? `r${Object.entries(received)
          .map(([k, v]) => `${k}${v}`)
          .join('')}`
      : 'full';
    let corrections = 0;
    for (const p of after.tally.participants) {
      const old = before.tally.participants.find((x) => x.order.key === p.order.key);
      if (!old) continue;
      const who = p.order.participant;
      const facts = roundFacts(after, ctx, who.pickupPoint);
      const changed = Object.entries(p.items).filter(([id, v]) => v.allocatedSteps !== old.items[id]?.allocatedSteps);
      if (changed.length) {
        corrections++;
        const lines = changed.map(([id, v]) => {
          const item = after.items.get(id);
          const milli = item?.stepMilli ?? 1000;
          return {
            item: item ? itemName(item, who.lang) : id,
            unit: item?.unit ?? '',
            before: unitsOf(old.items[id].allocatedSteps, milli),
            after: unitsOf(v.allocatedSteps, milli),
          };
        });
        const r = renderEmail(
          { kind: 'correction', name: who.name, lines, beforeMinor: old.totalMinor, afterMinor: p.totalMinor },
          facts,
          who.lang,
        );
        emails.push({
          key: `${after.record.id}|${p.order.key}|correction|${revision}`,
          round: after.record.id,
          orderKey: p.order.key,
          kind: 'correction',
          to: who.email ?? '',
          lang: who.lang,
          subject: r.subject,
          body: r.text,
          html: r.html,
        });
      }
      if (p.totalMinor > 0) {
        const acc = after.accounts.get(p.order.key);
        const r = renderEmail(
          {
            kind: 'arrived',
            name: who.name,
            lines: billLines(after, p.order.key, who.lang).filter((l) => (l.allocated ?? 0) > 0),
            dueMinor: Math.max(0, acc?.balanceMinor ?? p.totalMinor),
          },
          facts,
          who.lang,
        );
        emails.push({
          key: `${after.record.id}|${p.order.key}|arrived|1`,
          round: after.record.id,
          orderKey: p.order.key,
          kind: 'arrived',
          to: who.email ?? '',
          lang: who.lang,
          subject: r.subject,
          body: r.text,
          html: r.html,
        });
      }
    }
    const queued = queueEmails(ctx.book, ctx.store, emails, ctx.now);
    setState(ctx, after, 'arrived');
    updateLedger(ctx, after);
    return {
      shortfallItems: Object.keys(received),
      corrections,
      arrivedQueued: Math.max(0, queued - corrections),
    };
  });
}
