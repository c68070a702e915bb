import { formatMoney } from '../i18n/format';
import { Lang } from '../i18n/lang';
import { t } from '../i18n/translate';
import { Minor } from '../money';
import { Payee, PayeeProblem, gostPayload } from './gost';

/**
 * How a bill asks to be paid: the QR payload to draw (qr.ts) and the lines to print beside it.
 *
 * - bankTransfer (roubles): the ГОСТ Р 56042-2014 code built from the coordinator's details, with the
 *   amount and the reference inside — the resident's banking app fills everything in.
 * - receiveCode (yuan and the rest): the coordinator's own receive code (the text inside their WeChat
 *   Pay or Alipay 收款码, e.g. "wxp://f2f0…", or any payment link) as they gave it. Those codes carry no
 *   amount or note, so the amount and the reference are returned as text to print beside the code.
 */
export type PaymentMethod = { kind: 'bankTransfer'; payee: Payee } | { kind: 'receiveCode'; payload: string };

export interface PaymentRequest {
  /** The participant's reference for the round (reference.ts). */
  reference: string;
  amountMinor: Minor;
  currency: string;
  /** Words after the reference in the purpose, e.g. the round's title. */
  purpose?: string;
}

export type PaymentCode =
  | {
      ok: true;
      /** What to encode in the QR image. */
      payload: string;
      /** The amount as the reader writes it, and the lines to print beside the code. */
      amountText: string;
      lines: string[];
    }
  | { ok: false; problems: PayeeProblem[] };

/** The code and the words for one bill, in the reader's language. */
export function paymentCode(method: PaymentMethod, request: PaymentRequest, lang: Lang): PaymentCode {
  const amountText = formatMoney(request.amountMinor, request.currency, lang);
  const referenceLine = t(lang, 'payment.reference', { reference: request.reference });
  if (method.kind === 'bankTransfer') {
    const purpose = [request.reference, request.purpose ?? ''].join(' ').trim();
    const r = gostPayload(method.payee, request.amountMinor, purpose);
    if (!r.ok) return r;
    return {
      ok: true,
      payload: r.payload,
      amountText,
      lines: [t(lang, 'payment.scanBank', { amount: amountText }), referenceLine],
    };
  }
  return {
    ok: true,
    payload: String(method.payload).trim(),
    amountText,
    lines: [t(lang, 'payment.scanReceiveCode', { amount: amountText, reference: request.reference }), referenceLine],
  };
}
