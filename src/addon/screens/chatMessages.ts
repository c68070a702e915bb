import { allows } from '../../core/access';
import { exportJielong } from '../../core/chat';
import {
  Debtor,
  PostOptions,
  PostRound,
  almostFullPost,
  announcement,
  arrivedPost,
  lastCallPost,
  unpaidPost,
} from '../../core/chatMessages';
import { LANGS, Lang, resolveLang } from '../../core/i18n/lang';
import { MessageKey, t } from '../../core/i18n/translate';
import { textIn } from '../../core/i18n/texts';
import { boxesAlmostFull } from '../../core/reminders';
import { isTallied } from '../../core/round';
import { reading, requireAccess } from '../action';
import { RoundData, loadRound } from '../roundData';

/** The messages a coordinator pastes into the round's chats, and the 接龙 list to paste back. */
export type ChatMessageKind = 'announcement' | 'almostFull' | 'lastCall' | 'arrived' | 'unpaid' | 'jielong';

export interface ChatMessage {
  kind: ChatMessageKind;
  /** What the sidebar calls it, in the coordinator's language. */
  label: string;
  /** The text to paste, in the chosen language; '' when there is nothing to say yet. */
  text: string;
  /** Why there is no text, or what to know before pasting it. */
  note: string;
}

export interface ChatMessagesScreen {
  round: { id: string; title: string; state: string };
  lang: Lang;
  emoji: boolean;
  /** Everything but the 接龙 list and the unpaid list needs a coordinator. */
  canManage: boolean;
  /** The buildings the 接龙 list and the unpaid list may be narrowed to (a building's own group chat). */
  buildings: string[];
  building: string;
  messages: ChatMessage[];
}

export interface ChatMessagesOptions {
  /** The language the messages are written in (the chat's); the coordinator's own by default. */
  lang?: string;
  /** Emoji at the start of lines; the Settings choice by default. */
  emoji?: boolean;
  /** One building's chat; '' for the whole community. */
  building?: string;
}

const LABELS: Record<ChatMessageKind, MessageKey> = {
  announcement: 'ui.messages.announcement',
  almostFull: 'ui.messages.almostFull',
  lastCall: 'ui.messages.lastCall',
  arrived: 'ui.messages.arrived',
  unpaid: 'ui.messages.unpaid',
  jielong: 'ui.messages.jielong',
};

function postRound(data: RoundData): PostRound {
  const r = data.record;
  return {
    title: r.title,
    deadline: r.deadline,
    timeZone: data.snapshot.timeZone,
    pickupTime: r.pickupTime,
    pickupPoints: r.pickupPoints,
    currency: r.currency,
    formUrl: r.formUrl,
  };
}

/** Everyone who still owes for the round, in the chosen buildings. */
function debtors(data: RoundData, inScope: (building: string) => boolean): Debtor[] {
  return data.tally.participants.flatMap((p) => {
    const balance = data.accounts.get(p.order.key)?.balanceMinor ?? p.totalMinor;
    const who = p.order.participant;
    if (balance <= 0 || !inScope(who.building)) return [];
    return [{ name: who.name, building: who.building, flat: who.flat }];
  });
}

/** The 接龙 list of the round's orders (whoever took them: form, volunteer, chat or slip), grouped by building. */
function jielong(data: RoundData, lang: Lang, inScope: (building: string) => boolean): string {
  // Aliases only help reading a chat; the list is written with the items' names.
  const items = data.snapshot.items.map((i) => ({ ...i, aliases: [] }));
  // Each neighbour's items in the order the announcement listed them, not by their codes.
  const place = new Map(items.map((i, n) => [i.id, n]));
  const inCatalogOrder = (a: { itemId: string }, b: { itemId: string }) =>
    (place.get(a.itemId) ?? 0) - (place.get(b.itemId) ?? 0);
  const orders = data.orders
    .filter((o) => inScope(o.order.participant.building))
    .map((o) => {
      const { name, building, flat, phone } = o.order.participant;
      return { person: { name, building: building || null, flat, phone }, items: [...o.order.lines].sort(inCatalogOrder) };
    });
  return exportJielong(orders, { items, buildings: data.snapshot.buildings, lang, title: data.record.title });
}

/**
 * The Messages screen: every ready-to-paste text for the round in the chosen language, in one call.
 * Coordinators get all of them; a building volunteer (or the treasurer) only the 接龙 list and the unpaid
 * list, and a volunteer only for their own building.
 */
export function chatMessagesScreen(roundId: string, options: ChatMessagesOptions = {}): ChatMessagesScreen {
  return reading((ctx) => {
    const canManage = allows(ctx.access, 'manageRounds');
    if (!canManage) requireAccess(ctx, 'handOut');
    const data = loadRound(ctx, String(roundId));
    const lang = LANGS.includes(options.lang as Lang) ? (options.lang as Lang) : resolveLang(ctx.lang);
    const o: PostOptions = { lang, emoji: options.emoji ?? ctx.settings.chatEmoji };
    const buildings = data.snapshot.buildings.filter((b) => allows(ctx.access, 'handOut', b));
    const building = buildings.includes(String(options.building ?? '')) ? String(options.building) : '';
    const inScope = (b: string) => (building ? b === building : canManage || allows(ctx.access, 'handOut', b));
    const round = postRound(data);
    const state = data.record.state;
    const message = (kind: ChatMessageKind, text: string | null, why: MessageKey | '' = ''): ChatMessage => ({
      kind,
      label: t(ctx.lang, LABELS[kind]),
      text: text ?? '',
      note: text ? '' : why ? t(ctx.lang, why) : '',
    });
    const messages: ChatMessage[] = [];
    if (canManage) {
      const open = state === 'open';
      const facts = {
        items: data.snapshot.items,
        rules: textIn(ctx.settings.chatRules, lang),
        building: data.snapshot.buildings[0],
      };
      const boxes = new Map(data.snapshot.items.map((i) => [i.id, i.boxSteps]));
      const almost = open ? almostFullPost(round, boxesAlmostFull(data.tally.items, boxes), data.items, o) : null;
      messages.push(
        message('announcement', announcement(round, facts, o)),
        message('almostFull', almost, open ? 'ui.messages.noneAlmostFull' : 'ui.messages.notOpen'),
        message('lastCall', open ? lastCallPost(round, ctx.now.getTime(), o) : null, 'ui.messages.notOpen'),
        message('arrived', arrivedPost(round, textIn(ctx.settings.paymentInstructions, lang), o)),
      );
    }
    const facts = {
      shows: ctx.settings.unpaidShows,
      buildings: data.snapshot.buildings,
      paymentInstructions: textIn(ctx.settings.paymentInstructions, lang),
    };
    const unpaid = isTallied(state) ? unpaidPost(round, debtors(data, inScope), facts, o) : null;
    messages.push(
      message('unpaid', unpaid, isTallied(state) ? 'ui.messages.allPaid' : 'ui.messages.notClosed'),
      message('jielong', jielong(data, lang, inScope) || null, 'ui.messages.noOrders'),
    );
    return {
      round: { id: data.record.id, title: data.record.title, state },
      lang,
      emoji: o.emoji,
      canManage,
      buildings,
      building,
      messages,
    };
  });
}
