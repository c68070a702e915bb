import { CatalogItem } from './catalog';
import { Lang, resolveLang } from './i18n/lang';
import { Participant } from './orders';
import { Steps, parseQuantity, unitsOf } from './quantity';

/**
 * reject: the order is not recorded (it is kept in the Log); line: that item is left out, the rest
 * stands; warning: recorded as given, with a note for the volunteer.
 */
export type Severity = 'reject' | 'line' | 'warning';

export type ProblemKey =
  | 'problem.nameMissing'
  | 'problem.nameTooLong'
  | 'problem.emailInvalid'
  | 'problem.emailMissing'
  | 'problem.phoneInvalid'
  | 'problem.late'
  | 'problem.unknownItem'
  | 'problem.buildingUnknown'
  | 'problem.pickupUnknown'
  | 'problem.notANumber'
  | 'problem.negative'
  | 'problem.notStep'
  | 'problem.tooLarge'
  | 'problem.overLimit'
  | 'problem.overStock'
  | 'problem.extraWithoutBox'
  | 'problem.limitKept'
  | 'problem.extraLimitKept'
  | 'problem.emptyOrder';

export interface Problem {
  key: ProblemKey;
  severity: Severity;
  field: string;
  itemId?: string;
  /** The value as the person typed it. */
  value?: string;
  /** A bound in the item's unit (limit, stock left, step) for the message. */
  bound?: number;
}

export interface RawOrderInput {
  name?: unknown;
  email?: unknown;
  phone?: unknown;
  building?: unknown;
  flat?: unknown;
  pickupPoint?: unknown;
  lang?: unknown;
  comment?: unknown;
  /** item id → quantity as typed */
  quantities: Readonly<Record<string, unknown>>;
  /** item id → "extra I'd take" as typed */
  extras?: Readonly<Record<string, unknown>>;
  submittedAt: number;
  /** Offline orders (typed by a volunteer) need no email. */
  enteredBy?: string | null;
}

export interface ValidationContext {
  items: ReadonlyMap<string, CatalogItem>;
  deadline: number;
  defaultLang: Lang;
  /** item id → steps still available to this order (default: the item's whole stock limit). */
  remainingStock?: Readonly<Record<string, Steps>>;
  buildings?: readonly string[];
  pickupPoints?: readonly string[];
}

/**
 * order: something was asked for (maybe with problems); notAnOrder: every quantity and extra was blank
 * or zero — a new response like that is not an order (no receipt), an edited one withdraws the order;
 * rejected: not recorded (see the reject problems).
 */
export type ValidationOutcome = 'order' | 'notAnOrder' | 'rejected';

export interface ValidatedOrder {
  accepted: boolean;
  outcome: ValidationOutcome;
  participant: Participant;
  lines: { itemId: string; steps: Steps; extraSteps: Steps }[];
  comment: string;
  problems: Problem[];
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;
const NO_EMAIL = /^(|none|нет|-|—|无|没有)$/i;
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Checks a whole order at once and reports every problem, not just the first. */
export function validateOrder(raw: RawOrderInput, ctx: ValidationContext): ValidatedOrder {
  const problems: Problem[] = [];
  const offline = !!raw.enteredBy;

  const name = text(raw.name).replace(/\s+/g, ' ');
  if (!name) problems.push({ key: 'problem.nameMissing', severity: 'reject', field: 'name' });
  else if (name.length > 200)
    problems.push({ key: 'problem.nameTooLong', severity: 'reject', field: 'name', value: name.slice(0, 40) });

  let email: string | null = text(raw.email).toLowerCase();
  if (NO_EMAIL.test(email)) {
    email = null;
    if (!offline) problems.push({ key: 'problem.emailMissing', severity: 'warning', field: 'email' });
  } else if (!EMAIL.test(email)) {
    problems.push({ key: 'problem.emailInvalid', severity: 'warning', field: 'email', value: text(raw.email) });
    email = null;
  }

  const phone = text(raw.phone);
  if (phone && !/^\+?\d{5,15}$/.test(phone.replace(/[\s\-().]/g, ''))) {
    problems.push({ key: 'problem.phoneInvalid', severity: 'warning', field: 'phone', value: phone });
  }

  const building = text(raw.building);
  if (building && ctx.buildings?.length && !ctx.buildings.includes(building)) {
    problems.push({ key: 'problem.buildingUnknown', severity: 'warning', field: 'building', value: building });
  }
  const pickupPoint = text(raw.pickupPoint);
  if (pickupPoint && ctx.pickupPoints?.length && !ctx.pickupPoints.includes(pickupPoint)) {
    problems.push({ key: 'problem.pickupUnknown', severity: 'warning', field: 'pickupPoint', value: pickupPoint });
  }

  if (raw.submittedAt > ctx.deadline) problems.push({ key: 'problem.late', severity: 'reject', field: 'submittedAt' });

  const lines: ValidatedOrder['lines'] = [];
  const extras = raw.extras ?? {};
  const ids = new Set([...Object.keys(raw.quantities), ...Object.keys(extras)]);
  for (const itemId of ids) {
    const item = ctx.items.get(itemId);
    const typed = raw.quantities[itemId];
    const typedExtra = extras[itemId];
    if (!item) {
      if (text(typed) !== '' && text(typed) !== '0')
        problems.push({ key: 'problem.unknownItem', severity: 'line', field: 'quantity', itemId, value: itemId });
      continue;
    }
    const lineProblems: Problem[] = [];
    let steps = readSteps(typed, item, 'quantity', lineProblems);
    let extraSteps = readSteps(typedExtra, item, 'extra', lineProblems);
    if (extraSteps > 0 && item.boxSteps === 1 && item.minimumSteps === 0) {
      // An extra only matters for completing a box or a minimum; elsewhere it is ignored, with a note.
      lineProblems.push({ key: 'problem.extraWithoutBox', severity: 'warning', field: 'extra', itemId, value: text(typedExtra) });
      extraSteps = 0;
    }
    const kept = keepWithinLimit(item, steps, extraSteps, text(typed), text(typedExtra), lineProblems);
    steps = kept.steps;
    extraSteps = kept.extraSteps;
    const left = ctx.remainingStock?.[itemId] ?? item.stockSteps ?? undefined;
    if (left !== undefined && steps > left) {
      lineProblems.push({
        key: 'problem.overStock',
        severity: 'warning',
        field: 'quantity',
        itemId,
        value: text(typed),
        bound: unitsOf(Math.max(0, left), item.stepMilli),
      });
    }
    problems.push(...lineProblems);
    if (lineProblems.some((p) => p.severity === 'line')) continue;
    if (steps > 0 || extraSteps > 0) lines.push({ itemId, steps, extraSteps });
  }

  const blank = [...ids].every((id) => isBlank(raw.quantities[id]) && isBlank(extras[id]));
  if (blank) problems.push({ key: 'problem.emptyOrder', severity: 'warning', field: 'quantity' });
  const accepted = !problems.some((p) => p.severity === 'reject');
  return {
    accepted,
    outcome: !accepted ? 'rejected' : blank ? 'notAnOrder' : 'order',
    participant: {
      name,
      email,
      phone,
      building,
      flat: text(raw.flat),
      pickupPoint,
      lang: resolveLang(text(raw.lang), ctx.defaultLang),
      enteredBy: raw.enteredBy ?? null,
    },
    lines: lines.sort((a, b) => (a.itemId < b.itemId ? -1 : 1)),
    comment: text(raw.comment).slice(0, 1000),
    problems,
  };
}

/** Blank, zero ("0", "0,0") or nothing at all: the person asked for none of this item. */
function isBlank(typed: unknown): boolean {
  const q = parseQuantity(typed, 1);
  return text(typed) === '' || (q.ok && q.steps === 0);
}

/**
 * The per-person limit keeps what fits instead of dropping the line: the quantity first, then the
 * extras, up to the limit; a warning tells the person (the receipt shows it).
 */
function keepWithinLimit(
  item: CatalogItem,
  steps: Steps,
  extraSteps: Steps,
  typed: string,
  typedExtra: string,
  problems: Problem[],
): { steps: Steps; extraSteps: Steps } {
  const limit = item.limitSteps;
  if (limit === null || steps + extraSteps <= limit || problems.some((p) => p.severity === 'line')) return { steps, extraSteps };
  const bound = unitsOf(limit, item.stepMilli);
  const base = { severity: 'warning' as const, itemId: item.id, bound };
  if (steps > limit) problems.push({ ...base, key: 'problem.limitKept', field: 'quantity', value: typed });
  else problems.push({ ...base, key: 'problem.extraLimitKept', field: 'extra', value: typedExtra });
  const kept = Math.min(steps, limit);
  return { steps: kept, extraSteps: Math.min(extraSteps, limit - kept) };
}

function readSteps(typed: unknown, item: CatalogItem, field: 'quantity' | 'extra', problems: Problem[]): Steps {
  const parsed = parseQuantity(typed, item.stepMilli);
  if (parsed.ok) return parsed.steps;
  const key = (
    {
      notANumber: 'problem.notANumber',
      negative: 'problem.negative',
      notStep: 'problem.notStep',
      tooLarge: 'problem.tooLarge',
    } as const
  )[parsed.reason];
  problems.push({ key, severity: 'line', field, itemId: item.id, value: text(typed), bound: unitsOf(1, item.stepMilli) });
  return 0;
}
