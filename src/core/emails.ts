import { pickupTimeIn } from './i18n/pickupTime';
import { formatDateTime, formatMoney, formatNumber, listOf } from './i18n/format';
import { Lang } from './i18n/lang';
import { LocalizedText, textIn } from './i18n/texts';
import { MessageKey, t } from './i18n/translate';
import { escapeHtml, safeUrl } from './html';
import { quantityText } from './units';

/**
 * Every email the add-on sends, as plain data in and {subject, text, html} out. Texts come from the
 * message catalogs in the reader's language; every value is escaped in the HTML body.
 */
export type EmailKind = EmailData['kind'];

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** An email on its way to the outbox: rendered, addressed, and keyed so that it goes at most once (see outgoing.ts). */
export interface OutgoingEmail {
  key: string;
  round: string;
  orderKey: string;
  kind: EmailKind;
  /** '' for a resident without an address: their building volunteer tells them. */
  to: string;
  lang: Lang;
  subject: string;
  body: string;
  html: string;
  /**
   * What the payment QR code in the HTML encodes (`<img src="cid:payqr">`); the outbox keeps this text,
   * not the image, and draws the image when it sends.
   */
  qr?: string;
}

/** The cid: key under which a bill's payment QR image travels inline. */
export const PAYMENT_QR_CID = 'payqr';

export interface RoundFacts {
  title: string;
  currency: string;
  timeZone: string;
  deadline: number;
  pickupTime: string;
  /** The reader's own pickup point, or the round's points (listed in the reader's way: 、 in Chinese). */
  pickupPlace: string | readonly string[];
  /** Per language where the coordinator wrote one; each reader gets theirs (core/i18n/texts.ts). */
  paymentInstructions: string | LocalizedText;
  /** The community's rules (Settings), shown in the receipt. */
  rules?: string | LocalizedText;
}

export interface EmailLine {
  item: string;
  unit: string;
  ordered: number;
  extra?: number;
  allocated?: number;
  lineMinor?: number;
  /** Why less than ordered: the box was not filled, the minimum was not reached, or the supplier sent less. */
  reason?: 'boxNotFilled' | 'belowMinimum' | 'queue' | 'shortfall';
}

/** How a bill asks to be paid: the reference, the lines beside the code, and the inline image's key if there is one. */
export interface PaymentBlock {
  reference: string;
  lines: string[];
  /** The cid: key of the QR image MailApp attaches inline (see workspace/outbox.ts); null without a code. */
  qrImage: string | null;
}

/** Money before and after a correction, line by line. */
export interface MoneyBreakdown {
  goodsMinor: number;
  deliveryMinor: number;
  feeMinor: number;
  totalMinor: number;
}

/** The round's figures the thank-you gives. */
export interface ThanksFigures {
  participants: number;
  parcels: number;
  savingMinor: number;
  pickups: { who: string; parcels: number }[];
}

export type EmailData =
  | {
      kind: 'receipt';
      name: string;
      lines: EmailLine[];
      provisionalMinor: number;
      editUrl: string;
      boxesNotFull: boolean;
      /** A changed order: the subject says so, not "recorded" again. */
      edited?: boolean;
      /** Sentences saying what was kept and why (a limit kept what fits), in the reader's language. */
      notes?: string[];
      /** The final bill as it looks with the orders so far: always shown as an estimate. */
      estimate?: { goodsMinor: number; deliveryMinor: number; feeMinor: number; totalMinor: number } | null;
    }
  | { kind: 'withdrawn'; name: string; editUrl: string }
  | { kind: 'thankYou'; name: string; figures: ThanksFigures; feedbackUrl: string }
  | {
      kind: 'reminder';
      name: string;
      hasOrdered: boolean;
      formUrl: string;
      almostFull: { item: string; missing: number; unit: string }[];
    }
  | {
      kind: 'finalBill';
      name: string;
      lines: EmailLine[];
      goodsMinor: number;
      deliveryMinor: number;
      feeMinor: number;
      creditMinor: number;
      dueMinor: number;
      payment?: PaymentBlock | null;
      /** This person's link to the complaint form, when the round has one (addon/complaintForm.ts). */
      complaintUrl?: string;
    }
  | { kind: 'cancelled'; name: string; reason: string; items: string[] }
  /** A decided complaint about quality (core/complaints.ts): what the resident gets, or why not. */
  | {
      kind: 'complaint';
      name: string;
      item: string;
      decision: 'credit' | 'refund' | 'replace' | 'reject';
      amountMinor: number;
      quantity: number;
      unit: string;
      reason: string;
    }
  | { kind: 'arrived'; name: string; lines: EmailLine[]; dueMinor: number; reference?: string; complaintUrl?: string }
  | {
      kind: 'correction';
      name: string;
      /** Each item that changed, with why ("less arrived than was ordered"). */
      lines: { item: string; unit: string; before: number; after: number; why: string }[];
      /** Why the money changed besides the items (a delivery or fee share), as sentences. */
      reasons: string[];
      before: MoneyBreakdown;
      after: MoneyBreakdown;
      dueMinor: number;
    }
  | {
      kind: 'volunteerList';
      name: string;
      place: string;
      residents: {
        name: string;
        flat: string;
        phone: string;
        /** Each item with its quantity, named in the volunteer's language ("大米 2.5公斤"). */
        items: string[];
        dueMinor: number;
        paid: boolean;
        hasEmail: boolean;
        reference?: string;
      }[];
    };

class Body {
  text: string[] = [];
  html: string[] = [];
  /** "label: value" in the reader's typography: a full-width colon and no space in Chinese. */
  private readonly colon: string;

  constructor(lang: Lang) {
    this.colon = lang === 'zh-CN' ? '：' : ': ';
  }

  para(s: string): this {
    this.text.push(s, '');
    this.html.push(`<p style="margin:0 0 12px">${escapeHtml(s).replace(/\n/g, '<br>')}</p>`);
    return this;
  }

  link(label: string, url: string): this {
    const safe = safeUrl(url);
    this.text.push(`${label}${this.colon}${url}`, '');
    this.html.push(
      safe
        ? `<p style="margin:0 0 12px"><a href="${escapeHtml(safe)}" style="color:#1a73e8">${escapeHtml(label)}</a></p>`
        : `<p>${escapeHtml(label + this.colon)}${escapeHtml(url)}</p>`,
    );
    return this;
  }

  /** An inline image MailApp attaches under `cid` (the text part says nothing: the lines beside it do). */
  image(cid: string, alt: string): this {
    this.html.push(
      `<p style="margin:0 0 12px"><img src="cid:${escapeHtml(cid)}" alt="${escapeHtml(alt)}" width="232" height="232" style="display:block"></p>`,
    );
    return this;
  }

  table(header: string[], rows: string[][], footer?: string[]): this {
    // Without the table's header a plain-text reader cannot tell "2 бут. — 1 бут." apart: past the first
    // column, each value is said with its column's name ("Яйца — заказано: 2 дес.; досталось: 2 дес.").
    const labelled = header.length > 2 && header.slice(1).every(Boolean);
    const said = (r: string[]) =>
      labelled
        ? [
            r[0],
            r
              .slice(1)
              .map((v, i) => (v ? `${header[i + 1]}${this.colon}${v}` : ''))
              .filter(Boolean)
              .join(this.colon === '：' ? '；' : '; '),
          ]
        : r;
    for (const r of rows) this.text.push(`• ${said(r).filter(Boolean).join(' — ')}`);
    if (footer) this.text.push(footer.filter(Boolean).join(' '));
    this.text.push('');
    const cell = (tag: string, v: string, i: number) =>
      `<${tag} style="padding:4px 8px;border-bottom:1px solid #e0e0e0;text-align:${i === 0 ? 'left' : 'right'}">${escapeHtml(v)}</${tag}>`;
    this.html.push(
      '<table style="border-collapse:collapse;margin:0 0 12px;font-size:14px">',
      `<tr>${header.map((h, i) => cell('th', h, i)).join('')}</tr>`,
      ...rows.map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`),
      footer ? `<tr>${footer.map((v, i) => cell('th', v, i)).join('')}</tr>` : '',
      '</table>',
    );
    return this;
  }

  /**
   * One card per resident, stacked: a volunteer reads the list on a phone at the door, where a table of
   * six columns would be wider than the screen (390 px). Each line of a card is a label and its value.
   */
  card(title: string, lines: [label: string, value: string][], aside: string, lang: Lang): this {
    // Chinese labels take a full-width colon with no space after it.
    const colon = lang === 'zh-CN' ? '：' : ': ';
    const indent = (v: string) => v.replace(/\n/g, '\n    ');
    this.text.push(`• ${title}${aside ? ` — ${aside}` : ''}`, ...lines.map(([l, v]) => `  ${l}${colon}${indent(v)}`), '');
    const row = ([l, v]: [string, string]) =>
      `<div style="margin:2px 0"><span style="color:#5f6368">${escapeHtml(l + colon.trim())}</span> ${escapeHtml(v).replace(/\n/g, '<br>')}</div>`;
    this.html.push(
      '<div style="max-width:340px;border:1px solid #dadce0;border-radius:8px;padding:8px 12px;margin:0 0 8px">',
      `<div style="font-weight:bold">${escapeHtml(title)}${aside ? ` <span style="float:right">${escapeHtml(aside)}</span>` : ''}</div>`,
      ...lines.map(row),
      '</div>',
    );
    return this;
  }

  done(subject: string, lang: Lang): RenderedEmail {
    const html = `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><body style="font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#202124;font-size:14px;line-height:1.5">${this.html.join('')}</body></html>`;
    return { subject, text: this.text.join('\n').trim() + '\n', html };
  }
}

export function renderEmail(data: EmailData, round: RoundFacts, lang: Lang): RenderedEmail {
  const tr = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, { round: round.title, ...params });
  const money = (m: number) => formatMoney(m, round.currency, lang);
  // Units in the reader's language too: кг reads 公斤 in a Chinese email (core/units.ts).
  const qty = (n: number, unit: string) => quantityText(n, formatNumber(n, lang), unit, lang);
  const deadline = formatDateTime(round.deadline, round.timeZone, lang);
  const place = typeof round.pickupPlace === 'string' ? round.pickupPlace : listOf(round.pickupPlace, lang);
  const pickup = [pickupTimeIn(round.pickupTime, lang), place].filter(Boolean).join(lang === 'zh-CN' ? '，' : ', ');
  const howToPay = textIn(round.paymentInstructions, lang).trim();
  const b = new Body(lang).para(tr('email.greeting', { name: data.name }));

  switch (data.kind) {
    case 'receipt': {
      // Every line refused: no table of nothing at 0.00 — say so, with the reasons below and the link to fix it.
      if (!data.lines.length) {
        b.para(tr('email.receipt.nothing'));
        for (const note of data.notes ?? []) b.para(note);
        b.para(tr('email.receipt.deadline', { deadline }));
        if (data.editUrl) b.link(tr('email.receipt.edit'), data.editUrl);
        return b.done(tr('email.receipt.nothingSubject'), lang);
      }
      b.para(tr('email.receipt.intro'));
      b.table(
        [tr('email.col.item'), tr('email.col.quantity'), tr('email.col.extra'), tr('email.col.sum')],
        data.lines.map((l) => [l.item, qty(l.ordered, l.unit), l.extra ? qty(l.extra, l.unit) : '', money(l.lineMinor ?? 0)]),
        [tr('email.provisional'), '', '', money(data.provisionalMinor)],
      );
      for (const note of data.notes ?? []) b.para(note);
      if (data.estimate)
        b.para(
          tr('bill.estimate', {
            total: money(data.estimate.totalMinor),
            goods: money(data.estimate.goodsMinor),
            delivery: money(data.estimate.deliveryMinor),
            fee: money(data.estimate.feeMinor),
          }),
        );
      if (data.boxesNotFull) b.para(tr('email.receipt.boxesNotFull'));
      b.para(tr('email.receipt.deadline', { deadline }));
      const rules = textIn(round.rules, lang).trim();
      if (rules) b.para(tr('email.rules', { rules }));
      if (data.editUrl) b.link(tr('email.receipt.edit'), data.editUrl);
      return b.done(tr(data.edited ? 'email.receipt.editedSubject' : 'email.receipt.subject'), lang);
    }
    case 'reminder': {
      b.para(data.hasOrdered ? tr('email.reminder.ordered', { deadline }) : tr('email.reminder.notOrdered', { deadline }));
      if (data.almostFull.length) {
        b.para(tr('email.reminder.almostFull'));
        b.table(
          [tr('email.col.item'), tr('email.col.missing')],
          data.almostFull.map((a) => [a.item, qty(a.missing, a.unit)]),
        );
      }
      if (data.formUrl) b.link(tr('email.reminder.order'), data.formUrl);
      return b.done(tr('email.reminder.subject'), lang);
    }
    case 'finalBill': {
      b.para(tr('email.bill.intro'));
      b.table(
        [tr('email.col.item'), tr('email.col.ordered'), tr('email.col.allocated'), tr('email.col.sum')],
        data.lines.map((l) => [
          l.item + (l.reason ? ` (${tr(`email.reason.${l.reason}` as MessageKey)})` : ''),
          qty(l.ordered, l.unit),
          qty(l.allocated ?? 0, l.unit),
          money(l.lineMinor ?? 0),
        ]),
      );
      const rows: string[][] = [
        [tr('email.bill.goods'), money(data.goodsMinor)],
        [tr('email.bill.delivery'), money(data.deliveryMinor)],
        [tr('email.bill.fee'), money(data.feeMinor)],
      ];
      if (data.creditMinor) rows.push([tr('email.bill.credit'), `−${money(data.creditMinor)}`]);
      b.table([tr('email.bill.breakdown'), ''], rows, [tr('email.bill.due'), money(data.dueMinor)]);
      if (data.payment && data.dueMinor > 0) {
        if (data.payment.qrImage) b.image(data.payment.qrImage, tr('email.bill.qrAlt'));
        b.para(data.payment.lines.join('\n'));
      } else if (data.payment) b.para(tr('payment.reference', { reference: data.payment.reference }));
      if (howToPay) b.para(tr('email.bill.howToPay', { how: howToPay }));
      if (pickup) b.para(tr('email.pickup', { pickup }));
      if (data.complaintUrl) b.link(tr('email.complaintLink'), data.complaintUrl);
      return b.done(tr('email.bill.subject', { due: money(data.dueMinor) }), lang);
    }
    case 'cancelled': {
      b.para(data.items.length ? tr('email.cancelled.items', { items: listOf(data.items, lang) }) : tr('email.cancelled.round'));
      if (data.reason) b.para(tr('email.cancelled.reason', { reason: data.reason }));
      b.para(tr('email.cancelled.noPayment'));
      return b.done(tr('email.cancelled.subject'), lang);
    }
    case 'arrived': {
      b.para(tr('email.arrived.intro'));
      if (pickup) b.para(tr('email.pickup', { pickup }));
      b.table(
        [tr('email.col.item'), tr('email.col.allocated')],
        data.lines.map((l) => [l.item, qty(l.allocated ?? 0, l.unit)]),
      );
      if (data.dueMinor > 0) b.para(tr('email.arrived.due', { due: money(data.dueMinor) }));
      if (data.dueMinor > 0 && data.reference) b.para(tr('payment.reference', { reference: data.reference }));
      if (data.complaintUrl) b.link(tr('email.complaintLink'), data.complaintUrl);
      return b.done(tr('email.arrived.subject'), lang);
    }
    case 'correction': {
      b.para(tr('email.correction.why'));
      if (data.lines.length)
        b.table(
          [tr('email.col.item'), tr('email.col.before'), tr('email.col.after'), tr('email.col.why')],
          data.lines.map((l) => [l.item, qty(l.before, l.unit), qty(l.after, l.unit), l.why]),
        );
      else b.para(tr('email.correction.sameItems'));
      for (const reason of data.reasons) b.para(reason);
      const line = (key: MessageKey, f: (m: MoneyBreakdown) => number) => [tr(key), money(f(data.before)), money(f(data.after))];
      b.table(
        [tr('email.bill.breakdown'), tr('email.col.before'), tr('email.col.after')],
        [
          line('email.bill.goods', (m) => m.goodsMinor),
          line('email.bill.delivery', (m) => m.deliveryMinor),
          line('email.bill.fee', (m) => m.feeMinor),
        ],
        [tr('email.col.sum'), money(data.before.totalMinor), money(data.after.totalMinor)],
      );
      b.para(data.dueMinor > 0 ? tr('email.correction.due', { due: money(data.dueMinor) }) : tr('email.correction.nothingDue'));
      return b.done(tr('email.correction.subject'), lang);
    }
    case 'withdrawn': {
      b.para(tr('email.withdrawn.intro'));
      if (data.editUrl) b.link(tr('email.withdrawn.again'), data.editUrl);
      return b.done(tr('email.withdrawn.subject'), lang);
    }
    case 'thankYou': {
      b.para(tr('email.thanks.intro'));
      b.para(thanksLines(data.figures, (m) => money(m), tr).join('\n'));
      if (data.feedbackUrl) b.link(tr('email.thanks.feedback'), data.feedbackUrl);
      return b.done(tr('email.thanks.subject'), lang);
    }
    case 'complaint': {
      const facts = { item: data.item, amount: money(data.amountMinor), reason: data.reason };
      b.para(tr(`email.complaint.${data.decision}`, { ...facts, quantity: qty(data.quantity, data.unit) }));
      return b.done(tr('email.complaint.subject', { item: data.item }), lang);
    }
    case 'volunteerList': {
      b.para(tr('email.volunteer.intro', { place: data.place, count: data.residents.length }));
      if (pickup) b.para(tr('email.pickup', { pickup }));
      for (const r of data.residents) {
        const lines: [string, string][] = [];
        if (r.flat) lines.push([tr('email.col.flat'), r.flat]);
        if (r.phone) lines.push([tr('email.col.phone'), r.phone]);
        lines.push([tr('email.col.items'), r.items.join('\n')]);
        lines.push([tr('email.col.due'), r.paid ? tr('email.volunteer.paid') : money(r.dueMinor)]);
        if (r.reference && !r.paid) lines.push([tr('email.col.reference'), r.reference]);
        b.card(r.name + (r.hasEmail ? '' : ' ✉✕'), lines, r.paid ? '✓' : money(r.dueMinor), lang);
      }
      if (data.residents.some((r) => !r.hasEmail)) b.para(tr('email.volunteer.noEmail'));
      return b.done(tr('email.volunteer.subject', { place: data.place }), lang);
    }
  }
}

/**
 * The round's figures as lines a neighbour reads, in the chat or an email: how many took part, how many
 * parcels went out, what everyone saved against the shop, and who handed out how many.
 */
export function thanksLines(
  f: ThanksFigures,
  money: (minor: number) => string,
  tr: (key: MessageKey, params?: Record<string, string | number>) => string,
): string[] {
  const lines = [tr('thanks.participants', { count: f.participants }), tr('thanks.parcels', { count: f.parcels })];
  if (f.savingMinor > 0) lines.push(tr('thanks.saved', { saved: money(f.savingMinor) }));
  for (const p of f.pickups) lines.push(tr('thanks.pickups', { who: p.who, count: p.parcels }));
  return lines;
}
