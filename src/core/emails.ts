import { formatDateTime, formatMoney, formatNumber } from './i18n/format';
import { Lang } from './i18n/lang';
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
}

export interface RoundFacts {
  title: string;
  currency: string;
  timeZone: string;
  deadline: number;
  pickupTime: string;
  pickupPlace: string;
  paymentInstructions: string;
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

export type EmailData =
  | { kind: 'receipt'; name: string; lines: EmailLine[]; provisionalMinor: number; editUrl: string; boxesNotFull: boolean }
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
    }
  | { kind: 'cancelled'; name: string; reason: string; items: string[] }
  | { kind: 'arrived'; name: string; lines: EmailLine[]; dueMinor: number }
  | {
      kind: 'correction';
      name: string;
      lines: { item: string; unit: string; before: number; after: number }[];
      beforeMinor: number;
      afterMinor: number;
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
      }[];
    };

class Body {
  text: string[] = [];
  html: string[] = [];

  para(s: string): this {
    this.text.push(s, '');
    this.html.push(`<p style="margin:0 0 12px">${escapeHtml(s).replace(/\n/g, '<br>')}</p>`);
    return this;
  }

  link(label: string, url: string): this {
    const safe = safeUrl(url);
    this.text.push(`${label}: ${url}`, '');
    this.html.push(
      safe
        ? `<p style="margin:0 0 12px"><a href="${escapeHtml(safe)}" style="color:#1a73e8">${escapeHtml(label)}</a></p>`
        : `<p>${escapeHtml(label)}: ${escapeHtml(url)}</p>`,
    );
    return this;
  }

  table(header: string[], rows: string[][], footer?: string[]): this {
    for (const r of rows) this.text.push(`• ${r.filter(Boolean).join(' — ')}`);
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
  const pickup = [round.pickupTime, round.pickupPlace].filter(Boolean).join(lang === 'zh-CN' ? '，' : ', ');
  const b = new Body().para(tr('email.greeting', { name: data.name }));

  switch (data.kind) {
    case 'receipt': {
      b.para(tr('email.receipt.intro'));
      b.table(
        [tr('email.col.item'), tr('email.col.quantity'), tr('email.col.extra'), tr('email.col.sum')],
        data.lines.map((l) => [l.item, qty(l.ordered, l.unit), l.extra ? qty(l.extra, l.unit) : '', money(l.lineMinor ?? 0)]),
        [tr('email.provisional'), '', '', money(data.provisionalMinor)],
      );
      if (data.boxesNotFull) b.para(tr('email.receipt.boxesNotFull'));
      b.para(tr('email.receipt.deadline', { deadline }));
      if (data.editUrl) b.link(tr('email.receipt.edit'), data.editUrl);
      return b.done(tr('email.receipt.subject'), lang);
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
      if (round.paymentInstructions) b.para(tr('email.bill.howToPay', { how: round.paymentInstructions }));
      if (pickup) b.para(tr('email.pickup', { pickup }));
      return b.done(tr('email.bill.subject', { due: money(data.dueMinor) }), lang);
    }
    case 'cancelled': {
      b.para(data.items.length ? tr('email.cancelled.items', { items: data.items.join(', ') }) : tr('email.cancelled.round'));
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
      return b.done(tr('email.arrived.subject'), lang);
    }
    case 'correction': {
      b.para(tr('email.correction.intro'));
      b.table(
        [tr('email.col.item'), tr('email.col.before'), tr('email.col.after')],
        data.lines.map((l) => [l.item, qty(l.before, l.unit), qty(l.after, l.unit)]),
        [tr('email.col.sum'), money(data.beforeMinor), money(data.afterMinor)],
      );
      return b.done(tr('email.correction.subject'), lang);
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
        b.card(r.name + (r.hasEmail ? '' : ' ✉✕'), lines, r.paid ? '✓' : money(r.dueMinor), lang);
      }
      if (data.residents.some((r) => !r.hasEmail)) b.para(tr('email.volunteer.noEmail'));
      return b.done(tr('email.volunteer.subject', { place: data.place }), lang);
    }
  }
}
