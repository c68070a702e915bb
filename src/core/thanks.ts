import { ThanksFigures, thanksLines } from './emails';
import { formatMoney } from './i18n/format';
import { Lang } from './i18n/lang';
import { MessageKey, t } from './i18n/translate';
import { JournalEntry } from './ledger';
import { RoundTally } from './tally';

/**
 * After settlement the coordinator thanks everyone with the round's own figures: how many neighbours
 * took part, how many parcels were packed, what they saved against the shop, and who handed out how
 * many parcels — words for the chat and for each participant's email.
 */

/**
 * The figures of a settled round. Participants: everyone who asked for something; parcels: everyone who
 * gets something (one bag each); pickups: each volunteer's parcels checked off (the last mark of each
 * order counts: a pickup undone is not theirs), named as the Volunteers sheet names them. An address is
 * never shown to the community: someone without a name there is called by `unnamed` (their role).
 */
export function thanksFigures(
  tally: RoundTally,
  roundEntries: readonly JournalEntry[],
  nameOf: (email: string) => string,
  unnamed: (email: string) => string,
): ThanksFigures {
  const participants = tally.participants.filter((p) => p.order.lines.length > 0).length;
  const parcels = tally.participants.filter((p) => Object.values(p.items).some((v) => v.allocatedSteps > 0)).length;
  const last = new Map<string, JournalEntry>();
  for (const e of [...roundEntries].sort((a, b) => a.at - b.at))
    if (e.kind === 'pickup' || e.kind === 'unpickup') last.set(e.orderKey, e);
  const byWho = new Map<string, number>();
  for (const e of last.values()) {
    if (e.kind !== 'pickup') continue;
    const who = nameOf(e.recordedBy) || (e.recordedBy.includes('@') ? unnamed(e.recordedBy) : e.recordedBy);
    byWho.set(who, (byWho.get(who) ?? 0) + 1);
  }
  const pickups = [...byWho.entries()]
    .map(([who, n]) => ({ who, parcels: n }))
    .sort((a, b) => b.parcels - a.parcels || a.who.localeCompare(b.who));
  return { participants, parcels, savingMinor: tally.money.savingMinor, pickups };
}

/** The thank-you as plain text for the community chat, in the coordinator's language. */
export function thanksChatText(title: string, f: ThanksFigures, lang: Lang, currencyCode: string, feedbackUrl: string): string {
  const tr = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, { round: title, ...params });
  const lines = [tr('thanks.chat.title'), ...thanksLines(f, (m) => formatMoney(m, currencyCode, lang), tr).map((l) => `• ${l}`)];
  if (feedbackUrl) lines.push(tr('thanks.chat.feedback', { url: feedbackUrl }));
  lines.push(tr('thanks.chat.bye'));
  return lines.join('\n');
}
