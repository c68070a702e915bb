/**
 * Chat import and export (issue 17): orders taken in WeChat 接龙 lists, Telegram, WhatsApp and VK chats,
 * and door to door on paper, come into the round without anyone retyping them. Pure: no Apps Script
 * global, imports only from src/core.
 *
 * How a screen uses it
 * --------------------
 * 1. Read the paste.
 *      const reading = readChat(pastedText, { items, buildings, defaultBuilding? });
 *    `items` are the round's catalog items with their aliases column (`ChatItem`: id, names per language,
 *    unit, stepMilli, aliases — a core `CatalogItem` is one once given its aliases: `{ ...item, aliases }`);
 *    `buildings` the Buildings sheet's names as typed. Call `prepare(ctx)` once
 *    and pass its result instead of ctx when reading many pastes. readChat never throws.
 *    `reading.lines` holds every non-blank line, in order (none is dropped), each with:
 *      kind        order | edit | cancel | chatter | header
 *      confidence  sure | check | notUnderstood
 *      reasons     message keys with their values; render with describeReason(reason, lang, items)
 *      order       for order/edit/cancel: the person (name, building from the list, flat, phone, each
 *                  with its span in the paste), mode (whole: a numbered 接龙 entry is the person's whole
 *                  order; partial: a chat message sets only the items it names), and items, each with
 *                  itemId (or candidates when ambiguous, or null when unknown), steps (null when the amount
 *                  cannot be taken as written), the typed words and amount, spans, its own confidence and
 *                  reasons.
 *    Spans are [start, end) offsets into the pasted text, so the screen can highlight what each part was
 *    read from.
 * 2. Review. Lines read `sure` can be ticked in advance (`sureOrders(reading)`); `check` lines show their
 *    reasons and a proposal to confirm or correct; `notUnderstood` lines show the raw text for a person to
 *    type. chatter/header lines need nothing, except chatter marked `check` (a "+1", an item mentioned
 *    without an amount). `confirmedOrderOf(line)` turns a line into a `ConfirmedOrder`, or null while
 *    something is unresolved; a corrected line is a `ConfirmedOrder` the screen builds itself.
 * 3. Plan against what earlier imports recorded (one `ImportedPerson` per person: a stable `key`, a
 *    `fingerprint`, the confirmed lines — the sheet side stores these):
 *      const plan = planImport(previous, confirmedOrders);
 *    `plan.changes` lists only new people, changed quantities, removed items and cancellations, with
 *    before/after per person and the lines that made them; `plan.unchanged` the people already recorded
 *    as they read now; `plan.unresolved` orders that fit several recorded people. Pasting the same list
 *    twice plans nothing the second time; a longer list plans only what was appended or edited.
 * 4. After the coordinator confirms, write each change as that person's order (`key` is the order's
 *    stable identity, `after` its lines) and record `applyImport(previous, plan)`.
 * 5. Paste the list back into the chat: `exportJielong(orders, { items, buildings, lang, title })` gives a
 *    numbered plain-text list grouped by building; read back, it gives the same orders.
 *
 * What is deliberately left to a person
 * -------------------------------------
 * An item word that fits several items, a typo beyond one letter, a one-character Chinese alias inside a
 * longer word (茶叶), an amount off the item's step (1,3 кг of a 0.5 kg item) or in another unit than the
 * catalog's (鸡蛋10个 when eggs are sold by the box), a range, a missing amount (1 is proposed), a building
 * not on the list or a flat without a building, "ещё / 再加 / also" (in addition, or instead?), "+1", a
 * question with an amount in it, text that is neither a name nor an item, the same flat under two names,
 * and a name that fits several recorded people. None is guessed silently: each comes back as `check` or
 * `notUnderstood` with the reason.
 */
export * from './types';
export { prepare, readChat } from './read';
export type { ReadOptions } from './read';
export { applyImport, confirmedOrderOf, planImport, sureOrders } from './import';
export type { ConfirmedOrder, ImportPlan, ImportedPerson, PersonChange } from './import';
export { exportJielong } from './export';
export type { ExportOptions, ExportOrder } from './export';
export { comparePeople, identityOf, parseFingerprint, personFingerprint } from './identity';
export type { Identity, Sameness } from './identity';
export { describeChange, describeConfidence, describeKind, describeReason } from './messages';
