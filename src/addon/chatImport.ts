import { allows } from '../core/access';
import { CatalogItem, itemName } from '../core/catalog';
import {
  ChatItem,
  ConfirmedOrder,
  ImportedPerson,
  ImportPlan,
  OrderMode,
  PersonChange,
  applyImport,
  describeReason,
  personFingerprint,
  planImport,
} from '../core/chat';
import { unitIn } from '../core/units';
import { describeProblem } from '../core/describe';
import { formatNumber, listOf } from '../core/i18n/format';
import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { Order, OrderSource } from '../core/orders';
import { parseQuantity, unitsOf } from '../core/quantity';
import { acceptsOrdersAt } from '../core/round';
import { RawOrderInput } from '../core/validation';
import { pruneChatImports, readAliases, readChatImport, writeChatImport } from '../workspace/chatImports';
import { StoredOrder, readRoundOrders, writeOrders } from '../workspace/orders';
import { snapshotOf } from '../workspace/rounds';
import { ActionContext, UserError, fail, locked, requireAccess } from './action';
import { OpenRound, openRoundOf } from './roundData';
import { checkOrder, keepRoundSoFar, revisedOrder } from './saveOrder';

/**
 * Chat import (issue 17): orders pasted from a WeChat 接龙 or a Telegram chat, read by the core
 * (core/chat), reviewed and fixed by a person on the sidebar, then written as that person's order —
 * through the same checks and the same Orders rows as an order a volunteer types in, marked source "chat"
 * and entered by whoever imported it. What each import recorded is kept per round
 * (workspace/chatImports.ts), so the same list pasted again adds nothing and a longer one adds only its
 * new or changed lines.
 */

/** The round's items as the chat reader needs them: frozen when the round opened, with today's aliases. */
export function chatItemsOf(ctx: ActionContext, items: readonly CatalogItem[]): (CatalogItem & ChatItem)[] {
  const aliases = readAliases(ctx.book);
  return items.map((i) => ({ ...i, aliases: aliases.get(i.id) ?? [] }));
}

/** An order already in the round that no import recorded (a form, a volunteer, a slip), as the planner sees it. */
const SEEN = 'order:';

/** The Orders key a planned person is written under: their existing order, or their own chat order. */
export function orderKeyOf(roundId: string, personKey: string): string {
  if (personKey.startsWith(SEEN)) return personKey.slice(SEEN.length);
  return `chat:${roundId}:${personKey.replace(/^chat:/, '')}`;
}

const byItem = (a: { itemId: string }, b: { itemId: string }) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);

/**
 * What a paste is compared with: what earlier imports recorded, and every other order of the round, so a
 * 接龙 exported from the round and pasted back (with neighbours' lines added) does not double the orders
 * that came by the form or from a volunteer.
 */
export function previousOf(
  roundId: string,
  records: readonly ImportedPerson[],
  orders: readonly StoredOrder[],
): ImportedPerson[] {
  const recorded = new Set(records.map((r) => orderKeyOf(roundId, r.key)));
  const others = orders
    .filter((o) => !recorded.has(o.order.key) && o.order.lines.some((l) => l.steps > 0))
    .map((o) => {
      const { name, building, flat, phone } = o.order.participant;
      return {
        key: `${SEEN}${o.order.key}`,
        fingerprint: personFingerprint({ name, building: building || null, flat, phone }),
        lines: o.order.lines
          .filter((l) => l.steps > 0)
          .map((l) => ({ itemId: l.itemId, steps: l.steps }))
          .sort(byItem),
      };
    });
  return [...records, ...others];
}

/** An open round taking orders, as its snapshot froze it. */
export function openRoundFor(ctx: ActionContext, roundId: string): OpenRound {
  const snapshot = snapshotOf(ctx.store, String(roundId));
  if (!snapshot) fail(ctx.lang, 'round.notOpen');
  return openRoundOf(ctx.book, ctx.store, snapshot);
}

/** The items of a line as the reader writes them: "Рис 2 кг, Яйца С1 1 дес.". */
export function linesText(
  lines: readonly { itemId: string; steps: number }[],
  items: ReadonlyMap<string, CatalogItem>,
  lang: Lang,
): string {
  return lines
    .flatMap((l) => {
      const item = items.get(l.itemId);
      if (!item) return [];
      const amount = unitsOf(l.steps, item.stepMilli);
      return [`${itemName(item, lang)} ${formatNumber(amount, lang)}\u00a0${unitIn(item, lang, amount)}`];
    })
    .join(lang === 'zh-CN' ? '、' : ', ');
}

/** A resident without email is still written to in someone's language: the one their name (or building) is written in. */
export function langOfPerson(words: readonly string[], fallback: Lang): Lang {
  for (const w of words) {
    if (/[\u3400-\u9fff]/.test(w)) return 'zh-CN';
    if (/[\u0400-\u04ff]/.test(w)) return 'ru';
    if (/[a-z]/i.test(w)) return 'en';
  }
  return fallback;
}

/** One line of the review as the person confirmed it: who, and each item with the amount as they typed it. */
export interface ChatLineInput {
  lineNo: number;
  name: string;
  building: string;
  flat: string;
  phone: string;
  mode: OrderMode;
  items: { itemId: string; quantity: string }[];
}

export interface ChatImportInput {
  roundId: string;
  lines: ChatLineInput[];
}

export interface ChatImportResult {
  added: number;
  changed: number;
  cancelled: number;
  unchanged: number;
  /** What the coordinator should read (a limit kept, a building not on the list…), in their language. */
  notes: string[];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const lineProblem = (ctx: ActionContext, lineNos: readonly number[], problem: string) =>
  t(ctx.lang, 'ui.chat.lineProblem', { line: lineNos.join(', '), problem });

/** The confirmed lines as the core's orders; every line that cannot be one is listed with why. */
function confirmedOrders(ctx: ActionContext, round: OpenRound, lines: readonly ChatLineInput[]): ConfirmedOrder[] {
  const problems: string[] = [];
  const orders = lines.map((l) => {
    const lineNo = Number(l.lineNo);
    const building = text(l.building);
    if (!allows(ctx.access, 'enterOrders', building))
      problems.push(
        lineProblem(ctx, [lineNo], t(ctx.lang, 'access.notYourBuilding', { buildings: listOf(ctx.access.buildings, ctx.lang) })),
      );
    const items = (Array.isArray(l.items) ? l.items : []).flatMap((i) => {
      const item = round.items.get(text(i.itemId));
      if (!item) {
        problems.push(lineProblem(ctx, [lineNo], t(ctx.lang, 'problem.unknownItem', { value: text(i.itemId) })));
        return [];
      }
      const q = parseQuantity(i.quantity, item.stepMilli);
      if (q.ok) return [{ itemId: item.id, steps: q.steps }];
      const key =
        q.reason === 'notANumber'
          ? 'problem.notANumber'
          : q.reason === 'negative'
            ? 'problem.negative'
            : q.reason === 'tooLarge'
              ? 'problem.tooLarge'
              : 'problem.notStep';
      const problem = {
        key,
        severity: 'line',
        field: 'quantity',
        itemId: item.id,
        value: text(i.quantity),
        bound: unitsOf(1, item.stepMilli),
      } as const;
      problems.push(lineProblem(ctx, [lineNo], describeProblem(problem, ctx.lang, round.items)));
      return [];
    });
    const person = { name: text(l.name), building: building || null, flat: text(l.flat), phone: text(l.phone) };
    if (!person.name && !person.flat && !person.phone)
      problems.push(lineProblem(ctx, [lineNo], t(ctx.lang, 'chat.reason.noPerson')));
    return { lineNo, person, mode: l.mode === 'partial' ? ('partial' as const) : ('whole' as const), items };
  });
  if (problems.length) throw new UserError(problems.join('\n'));
  return orders;
}

/** A volunteer changes only orders of their own building, whichever line the change came from. */
function refuseOtherBuildings(
  ctx: ActionContext,
  changes: readonly PersonChange[],
  existing: ReadonlyMap<string, StoredOrder>,
  roundId: string,
): void {
  const problems = changes.flatMap((c) => {
    const stored = existing.get(orderKeyOf(roundId, c.key));
    const buildings = [c.person.building ?? '', stored?.order.participant.building ?? c.person.building ?? ''];
    if (buildings.every((b) => allows(ctx.access, 'enterOrders', b))) return [];
    return [
      lineProblem(ctx, c.lineNos, t(ctx.lang, 'access.notYourBuilding', { buildings: listOf(ctx.access.buildings, ctx.lang) })),
    ];
  });
  if (problems.length) throw new UserError(problems.join('\n'));
}

/** One planned change as order input: what the paste says about the person, over what their order already holds. */
function rawOrderOf(ctx: ActionContext, round: OpenRound, c: PersonChange, stored: StoredOrder | null): RawOrderInput {
  const before = stored?.order.participant;
  const building = c.person.building ?? before?.building ?? '';
  const flat = c.person.flat || before?.flat || '';
  const lang = before?.lang ?? langOfPerson([c.person.name, building], ctx.lang);
  const place = [building, flat ? t(lang, 'chat.export.flat', { flat }) : ''].filter(Boolean).join(' ');
  return {
    name: c.person.name || before?.name || place,
    email: before?.email ?? '',
    phone: c.person.phone || before?.phone || '',
    building,
    flat,
    pickupPoint: before?.pickupPoint ?? '',
    lang,
    comment: stored?.order.comment ?? '',
    quantities: Object.fromEntries(
      c.after.map((l) => [l.itemId, unitsOf(l.steps, round.items.get(l.itemId)?.stepMilli ?? 1000)]),
    ),
    submittedAt: ctx.now.getTime(),
    enteredBy: ctx.me || 'volunteer',
  };
}

/** Each change as its new order revision and rows; every change the checks refuse is listed, and nothing is written. */
function revisions(ctx: ActionContext, round: OpenRound, plan: ImportPlan, existing: ReadonlyMap<string, StoredOrder>) {
  const problems: string[] = [];
  const notes: string[] = [];
  const out: { previous: StoredOrder | null; order: Order; rows: unknown[][] }[] = [];
  const roundId = round.snapshot.round.id;
  for (const c of plan.changes) {
    const orderKey = orderKeyOf(roundId, c.key);
    const previous = existing.get(orderKey) ?? null;
    const raw = rawOrderOf(ctx, round, c, previous);
    const checked = checkOrder(raw, round);
    const said = (p: (typeof checked.problems)[number]) => lineProblem(ctx, c.lineNos, describeProblem(p, ctx.lang, round.items));
    const refused = checked.problems.filter((p) => p.severity === 'reject' || p.severity === 'line');
    if (!checked.accepted || refused.length) {
      problems.push(...refused.map(said));
      continue;
    }
    notes.push(...checked.problems.filter((p) => p.key !== 'problem.emptyOrder').map(said));
    const source: OrderSource = previous?.order.source ?? 'chat';
    const at = ctx.now;
    const saved = revisedOrder({
      round,
      previous,
      orderKey,
      source,
      checked,
      submittedAt: at.getTime(),
      responseAt: at.toISOString(),
      editUrl: previous?.editUrl ?? '',
    });
    out.push({ previous, ...saved });
  }
  if (problems.length) throw new UserError(problems.join('\n'));
  return { out, notes };
}

/**
 * Imports the lines a person confirmed on the review screen. Planned against what earlier imports of this
 * round recorded (and the round's other orders), so only new and changed people are written; all of them
 * in one batch, or — if any line is refused (not the volunteer's building, an amount off the item's step,
 * a name that fits two recorded people) — none, with every reason listed by line.
 */
export function importChatOrders(input: ChatImportInput): ChatImportResult {
  return locked((ctx) => {
    requireAccess(ctx, 'enterOrders');
    const round = openRoundFor(ctx, input.roundId);
    if (!acceptsOrdersAt(round.snapshot.round, ctx.now.getTime())) fail(ctx.lang, 'problem.late');
    const roundId = round.snapshot.round.id;
    const orders = confirmedOrders(ctx, round, Array.isArray(input.lines) ? input.lines : []);
    const records = readChatImport(ctx.store, roundId);
    const stored = readRoundOrders(ctx.book, roundId, round.items, ctx.store);
    const existing = new Map(stored.map((o) => [o.order.key, o]));
    const plan = planImport(previousOf(roundId, records, stored), orders);
    if (plan.unresolved.length)
      throw new UserError(
        plan.unresolved
          .map((u) => lineProblem(ctx, [u.lineNo], u.reasons.map((r) => describeReason(r, ctx.lang, [])).join(' ')))
          .join('\n'),
      );
    refuseOtherBuildings(ctx, plan.changes, existing, roundId);
    const { out, notes } = revisions(ctx, round, plan, existing);
    writeOrders(ctx.book, ctx.store, out, roundId);
    keepRoundSoFar(
      round,
      out.map((o) => ({ before: o.previous?.order ?? null, after: o.order })),
    );
    pruneChatImports(ctx.store);
    writeChatImport(ctx.store, roundId, applyImport(records, plan));
    const count = (kind: PersonChange['kind']) => plan.changes.filter((c) => c.kind === kind).length;
    return {
      added: count('new'),
      changed: count('changed'),
      cancelled: count('cancelled'),
      unchanged: plan.unchanged.length,
      notes,
    };
  });
}
