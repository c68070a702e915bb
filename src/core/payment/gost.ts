import { Minor } from '../money';

/**
 * The Russian bank-transfer QR code of ГОСТ Р 56042-2014 («Стандарты финансовых операций. Двумерные
 * символы штрихового кода для осуществления платежей физических лиц»), read by every Russian banking
 * app's "pay by QR" (Сбербанк, Т-Банк, ВТБ, Альфа …):
 *
 *   ST00012|Name=…|PersonalAcc=…|BankName=…|BIC=…|CorrespAcc=…|Sum=…|Purpose=…|PayeeINN=…
 *
 * "ST" is the format, "0001" the version, "2" the encoding (UTF-8; 1 is windows-1251, 3 KOI8-R). The
 * five mandatory fields come first in this order; the rest are optional "Name=value" pairs. Field rules
 * (section 5 and table 1 of the standard): Name up to 160 characters; PersonalAcc 20 digits; BankName
 * up to 45; BIC 9 digits; CorrespAcc up to 20 digits ("0" for a bank without one); Sum in kopecks, up to
 * 18 digits; Purpose up to 210; PayeeINN 10 or 12 digits; KPP 9 digits. The separator may be any
 * character absent from the values; we always use "|" (what banks test best) and so refuse it inside
 * the coordinator's values, and replace it in our own (the purpose) — a value with "|" would split.
 */

export interface Payee {
  /** Получатель: the account holder as the bank knows them. */
  name: string;
  /** Расчётный / лицевой счёт: 20 digits. */
  personalAcc: string;
  bankName: string;
  /** БИК: 9 digits. */
  bic: string;
  /** Корреспондентский счёт: 20 digits. */
  correspAcc: string;
  /** ИНН получателя (optional): 10 digits (organisation) or 12 (person). */
  payeeInn?: string;
  /** КПП (optional, organisations): 9 digits. */
  kpp?: string;
}

export type PayeeProblemKey =
  | 'payee.nameMissing'
  | 'payee.nameTooLong'
  | 'payee.accountDigits'
  | 'payee.accountKey'
  | 'payee.bankNameMissing'
  | 'payee.bankNameTooLong'
  | 'payee.bicDigits'
  | 'payee.correspDigits'
  | 'payee.correspKey'
  | 'payee.innDigits'
  | 'payee.kppDigits'
  | 'payee.separator';

export interface PayeeProblem {
  key: PayeeProblemKey;
  field: keyof Payee;
  value: string;
}

const clean = (s: string | undefined) => String(s ?? '').trim();
/** Digits as typed with spaces or dashes between groups ("4081 7810 …", "044-525-225"). */
const digits = (s: string | undefined) => clean(s).replace(/[\s\u00a0-]/g, '');

/**
 * The Bank of Russia's control key of an account number (ключевание счёта): weights 7, 1, 3 repeated
 * over a 23-digit number, the sum's last digit must be 0. For an account at a bank the number is the
 * BIC's last 3 digits + the account; for the correspondent account, "0" + the BIC's 5th and 6th digits
 * + the account. A typo in one digit always breaks it — the coordinator hears about it in Settings, not
 * from a resident whose transfer bounced.
 */
export function controlKeyOk(bic: string, account: string, correspondent: boolean): boolean {
  const prefix = correspondent ? `0${bic.slice(4, 6)}` : bic.slice(6, 9);
  const number = prefix + account;
  const weights = [7, 1, 3];
  let sum = 0;
  for (let i = 0; i < number.length; i++) sum += (Number(number[i]) * weights[i % 3]) % 10;
  return sum % 10 === 0;
}

/** Every problem with the payee's details, as message keys for the Settings screen ("BIC must be 9 digits"). */
export function validatePayee(payee: Payee): PayeeProblem[] {
  const problems: PayeeProblem[] = [];
  const bad = (field: keyof Payee, key: PayeeProblemKey) => problems.push({ key, field, value: clean(payee[field]) });
  const name = clean(payee.name);
  if (!name) bad('name', 'payee.nameMissing');
  else if (name.length > 160) bad('name', 'payee.nameTooLong');
  const bankName = clean(payee.bankName);
  if (!bankName) bad('bankName', 'payee.bankNameMissing');
  else if (bankName.length > 45) bad('bankName', 'payee.bankNameTooLong');
  const bic = digits(payee.bic);
  const bicOk = /^\d{9}$/.test(bic);
  if (!bicOk) bad('bic', 'payee.bicDigits');
  const acc = digits(payee.personalAcc);
  if (!/^\d{20}$/.test(acc)) bad('personalAcc', 'payee.accountDigits');
  else if (bicOk && !controlKeyOk(bic, acc, false)) bad('personalAcc', 'payee.accountKey');
  const corr = digits(payee.correspAcc);
  if (corr !== '0' && !/^\d{20}$/.test(corr)) bad('correspAcc', 'payee.correspDigits');
  else if (corr !== '0' && bicOk && !controlKeyOk(bic, corr, true)) bad('correspAcc', 'payee.correspKey');
  const inn = digits(payee.payeeInn);
  if (inn && !/^(\d{10}|\d{12})$/.test(inn)) bad('payeeInn', 'payee.innDigits');
  const kpp = digits(payee.kpp);
  if (kpp && !/^\d{9}$/.test(kpp)) bad('kpp', 'payee.kppDigits');
  for (const field of ['name', 'bankName'] as const) if (clean(payee[field]).includes('|')) bad(field, 'payee.separator');
  return problems;
}

export const PURPOSE_MAX = 210;

/** Our own text for the purpose field: no separator, no line breaks, at most 210 characters. */
export function purposeText(text: string): string {
  return String(text)
    .replace(/[|\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PURPOSE_MAX);
}

export type GostPayload = { ok: true; payload: string } | { ok: false; problems: PayeeProblem[] };

/**
 * The payload for one bill: the payee's details, the amount in kopecks and the purpose (which should
 * start with the payment reference, e.g. "R12-3-502 Закупка «Ноябрь»"). Refuses details with problems
 * (see validatePayee) rather than printing a code the bank app would reject; a zero or negative amount
 * leaves Sum out, so the resident types it.
 */
export function gostPayload(payee: Payee, amountMinor: Minor, purpose: string): GostPayload {
  const problems = validatePayee(payee);
  if (problems.length) return { ok: false, problems };
  const fields: [string, string][] = [
    ['Name', clean(payee.name)],
    ['PersonalAcc', digits(payee.personalAcc)],
    ['BankName', clean(payee.bankName)],
    ['BIC', digits(payee.bic)],
    ['CorrespAcc', digits(payee.correspAcc)],
  ];
  if (Number.isSafeInteger(amountMinor) && amountMinor > 0) fields.push(['Sum', String(amountMinor)]);
  const text = purposeText(purpose);
  if (text) fields.push(['Purpose', text]);
  if (digits(payee.payeeInn)) fields.push(['PayeeINN', digits(payee.payeeInn)]);
  if (digits(payee.kpp)) fields.push(['KPP', digits(payee.kpp)]);
  return { ok: true, payload: ['ST00012', ...fields.map(([k, v]) => `${k}=${v}`)].join('|') };
}

/** Reads a payload back into its fields (for tests, and to show the coordinator what a code says). */
export function readGostPayload(payload: string): Record<string, string> | null {
  const m = /^ST0001([123])(.)/.exec(payload);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const part of payload.slice(7).split(m[2])) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}
