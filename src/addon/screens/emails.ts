import { DrainResult, OutboxSummary, outboxSummary } from '../../workspace/outbox';
import { KEYS } from '../../workspace/properties/keys';
import { reading, requireAccess } from '../action';
import { EmailKind } from '../../core/emails';
import { shortDateTime } from '../../core/i18n/format';
import { t } from '../../core/i18n/translate';
import { EMAIL_KIND_WORDS, wordOf } from '../../core/i18n/words';
import { namesOfOrders } from '../../workspace/orders';

type ReadContext = Parameters<Parameters<typeof reading>[0]>[0];

export interface EmailsScreen extends OutboxSummary {
  lastDrain: (DrainResult & { at: string }) | null;
  /** What happened, one sentence per kind of email: "«итоговый счёт»: отправлено 12 писем, последнее — 23.11 в 20:38". */
  story: string[];
  /** The people of the round who get no email, by name, so the coordinator can tell them in person. */
  noEmailNames: string[];
}

/** The order in which a round's mailings happen. */
const STORY_ORDER: readonly EmailKind[] = [
  'receipt',
  'withdrawn',
  'reminder',
  'finalBill',
  'cancelled',
  'correction',
  'arrived',
  'volunteerList',
  'thankYou',
];

function storyOf(ctx: ReadContext, mailings: OutboxSummary['mailings']): string[] {
  return [...mailings]
    .sort((a, b) => STORY_ORDER.indexOf(a.kind) - STORY_ORDER.indexOf(b.kind))
    .map((m) => {
      const { date, time } = shortDateTime(m.lastAt, ctx.book.timeZone(), ctx.lang);
      return t(ctx.lang, 'ui.emails.story', { what: wordOf(EMAIL_KIND_WORDS, m.kind, ctx.lang), count: m.sent, date, time });
    });
}

/** Names of those the outbox could not email. */
function namesOf(ctx: ReadContext, noEmail: OutboxSummary['noEmail']): string[] {
  return noEmail.length ? namesOfOrders(ctx.book, new Set(noEmail.map((n) => n.orderKey))) : [];
}

/** Sidebar's Emails screen, read without the lock so it can be polled while a batch runs. */
export function emailsScreen(roundId?: string): EmailsScreen {
  return reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const summary = outboxSummary(ctx.book, ctx.store, roundId ? String(roundId) : undefined);
    return {
      ...summary,
      lastDrain: ctx.store.get(KEYS.lastDrain),
      story: storyOf(ctx, summary.mailings),
      noEmailNames: namesOf(ctx, summary.noEmail),
    };
  });
}
