import { Lang, resolveLang } from './i18n/lang';
import { t } from './i18n/translate';
import { currency } from './money';
import { DeliverySplit } from './round';
import { RoundingRule } from './money';
import { Payee } from './payment/gost';
import { PaymentMethod } from './payment/instructions';
import {
  CURRENCY_WORDS,
  LANG_WORDS,
  ROUNDING_WORDS,
  SPLIT_WORDS,
  UNPAID_SHOWS_WORDS,
  Vocabulary,
  YES_NO_WORDS,
  codeOf,
  wordOf,
} from './i18n/words';
import { LANGS } from './i18n/lang';
import { LocalizedText } from './i18n/texts';
import { listOf } from './i18n/format';

/** A text setting with its rows per language (TEXTS_PER_LANG), read as one text per language. */
function perLang(raw: Readonly<Record<string, string>>, key: keyof typeof TEXTS_PER_LANG): LocalizedText {
  const out: LocalizedText = { default: String(raw[key] ?? '').trim() };
  for (const lang of LANGS) {
    const own = String(raw[TEXTS_PER_LANG[key][lang]] ?? '').trim();
    if (own) out[lang] = own;
  }
  return out;
}

/** The Settings sheet: one row per key; values typed by the coordinator. */
export const SETTING_KEYS = [
  'currency',
  'defaultLang',
  'reminderOffsetsHours',
  'remindOrdered',
  'deliverySplit',
  'feePercent',
  'rounding',
  'paymentInstructions',
  'replyTo',
  'chatRules',
  'chatEmoji',
  'unpaidShows',
  // Appended: an existing Settings sheet keeps its rows; these are added below them.
  'payeeName',
  'payeeAccount',
  'payeeBankName',
  'payeeBic',
  'payeeCorrespAccount',
  'payeeInn',
  'payeeKpp',
  'receiveCode',
  'feedbackUrl',
  // The community's languages (the round's form speaks each), then the free texts per language.
  'languages',
  'paymentInstructionsRu',
  'paymentInstructionsZh',
  'paymentInstructionsEn',
  'chatRulesRu',
  'chatRulesZh',
  'chatRulesEn',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const DEFAULT_SETTINGS: Record<SettingKey, string> = {
  currency: 'RUB',
  defaultLang: 'ru',
  reminderOffsetsHours: '24, 2',
  remindOrdered: 'no',
  deliverySplit: 'equal',
  feePercent: '0',
  rounding: 'halfUp',
  paymentInstructions: '',
  replyTo: '',
  chatRules: '',
  chatEmoji: 'yes',
  unpaidShows: 'flats',
  payeeName: '',
  payeeAccount: '',
  payeeBankName: '',
  payeeBic: '',
  payeeCorrespAccount: '',
  payeeInn: '',
  payeeKpp: '',
  receiveCode: '',
  feedbackUrl: '',
  languages: '',
  paymentInstructionsRu: '',
  paymentInstructionsZh: '',
  paymentInstructionsEn: '',
  chatRulesRu: '',
  chatRulesZh: '',
  chatRulesEn: '',
};

/**
 * The free texts a coordinator may give per language, each by the Settings rows that hold it: the main
 * row ("Как оплатить") is the default, read by anyone whose language has no row of its own.
 */
export const TEXTS_PER_LANG = {
  paymentInstructions: { ru: 'paymentInstructionsRu', 'zh-CN': 'paymentInstructionsZh', en: 'paymentInstructionsEn' },
  chatRules: { ru: 'chatRulesRu', 'zh-CN': 'chatRulesZh', en: 'chatRulesEn' },
} as const satisfies Record<string, Record<Lang, SettingKey>>;

/** The Settings keys of the bank details a rouble bill's QR code is made from, by the payee field they fill. */
export const PAYEE_SETTINGS: Record<keyof Payee, SettingKey> = {
  name: 'payeeName',
  personalAcc: 'payeeAccount',
  bankName: 'payeeBankName',
  bic: 'payeeBic',
  correspAcc: 'payeeCorrespAccount',
  payeeInn: 'payeeInn',
  kpp: 'payeeKpp',
};

/** Settings chosen from a list: the sheet shows the word in its language, with a dropdown of the others. */
export const SETTING_WORDS: Partial<Record<SettingKey, Vocabulary<string>>> = {
  currency: CURRENCY_WORDS,
  defaultLang: LANG_WORDS,
  remindOrdered: YES_NO_WORDS,
  deliverySplit: SPLIT_WORDS,
  rounding: ROUNDING_WORDS,
  chatEmoji: YES_NO_WORDS,
  unpaidShows: UNPAID_SHOWS_WORDS,
};

/** The setting's name in the sheet's language (the Settings sheet's first column). */
export function settingName(key: SettingKey, lang: Lang): string {
  return t(lang, `settingName.${key}`);
}

/** The setting a Settings row's first cell names: its name in any language, or its code (older sheets). */
export function settingKeyOf(cell: unknown): SettingKey | null {
  const text = String(cell ?? '').trim();
  if ((SETTING_KEYS as readonly string[]).includes(text)) return text as SettingKey;
  const lower = text.toLowerCase();
  return SETTING_KEYS.find((k) => LANGS.some((lang) => settingName(k, lang).toLowerCase() === lower)) ?? null;
}

/** Where a list of languages may be split: commas, semicolons, 、 and slashes in any script. */
const LIST_SEPARATORS = /[,;，；、/]+/;

/**
 * The community's languages as typed ("русский, китайский", "中文、俄文", "ru, zh-CN"): each part is a
 * language's word in any of the three languages, its own name or its code; the parts not understood are
 * returned too, so the coordinator can be told which.
 */
export function parseLanguages(value: string): { langs: Lang[]; unknown: string[] } {
  const langs: Lang[] = [];
  const unknown: string[] = [];
  for (const part of String(value ?? '').split(LIST_SEPARATORS)) {
    const typed = part.trim();
    if (!typed) continue;
    const lang = codeOf(LANG_WORDS, typed) ?? (/^(ru|zh|en)([-_][a-z]+)?$/i.test(typed) ? resolveLang(typed) : null);
    if (!lang) unknown.push(typed);
    else if (!langs.includes(lang)) langs.push(lang);
  }
  return { langs, unknown };
}

/** The community's languages, the default one first: a community that named none speaks its default alone. */
export function communityLanguages(value: string, defaultLang: Lang): Lang[] {
  return [defaultLang, ...parseLanguages(value).langs.filter((l) => l !== defaultLang)];
}

/** A setting's value as the sheet shows it: a chosen word in `lang`, any other value as typed. */
export function settingCell(key: SettingKey, value: string, lang: Lang): string {
  if (key === 'languages') {
    const { langs, unknown } = parseLanguages(value);
    return unknown.length
      ? value
      : listOf(
          langs.map((l) => wordOf(LANG_WORDS, l, lang)),
          lang,
        );
  }
  const words = SETTING_WORDS[key];
  if (!words) return value;
  return wordOf(words, codeOf(words, value) ?? value, lang);
}

/** A Settings row read back as code → value: names and chosen words in any language become codes. */
export function settingPair(keyCell: unknown, valueCell: unknown): [SettingKey, string] | null {
  const key = settingKeyOf(keyCell);
  if (!key) return null;
  const text = valueCell === null || valueCell === undefined ? '' : String(valueCell).trim();
  if (key === 'languages') {
    const { langs, unknown } = parseLanguages(text);
    return [key, unknown.length ? text : langs.join(', ')];
  }
  const words = SETTING_WORDS[key];
  return [key, (words && codeOf(words, text)) || text];
}

/** The note beside a setting in the Settings sheet, from the message catalogs. */
export function settingNote(key: SettingKey, lang: Lang): string {
  return t(lang, `setting.${key}`);
}

export interface CommunitySettings {
  currency: string;
  defaultLang: Lang;
  reminderOffsetsHours: number[];
  /** Also remind people who have ordered that they can still change their order. */
  remindOrdered: boolean;
  deliverySplit: DeliverySplit;
  feeBasisPoints: number;
  rounding: RoundingRule;
  /** The languages the community speaks, the default first: the round's form is written in each. */
  languages: Lang[];
  /** Words typed in the Settings sheet's languages row that are no language, to tell the coordinator. */
  unknownLanguages: string[];
  /** How to pay, per language where the coordinator wrote one (textIn picks the reader's). */
  paymentInstructions: LocalizedText;
  replyTo: string;
  /** The community's rules, per language: under a round's announcement in the chats, on the form and in the receipt. */
  chatRules: LocalizedText;
  /** Emoji at the start of the chat messages' lines. */
  chatEmoji: boolean;
  /** Whether the unpaid list posted in a chat names flats (the default: the chat does not learn who owes) or names. */
  unpaidShows: 'flats' | 'names';
  /** The bank details for the ГОСТ Р 56042-2014 code, or null when none were typed. */
  payee: Payee | null;
  /** The coordinator's own WeChat Pay / Alipay receive code (the text inside it) or payment link. */
  receiveCode: string;
  /** An optional one-question feedback link sent with the thank-you after settlement. */
  feedbackUrl: string;
}

/** The payee fields as typed, or null when every one is blank. */
export function payeeOf(raw: Readonly<Record<string, string>>): Payee | null {
  const payee = Object.fromEntries(
    Object.entries(PAYEE_SETTINGS).map(([field, key]) => [field, String(raw[key] ?? '').trim()]),
  ) as unknown as Payee;
  return Object.values(payee).some(Boolean) ? payee : null;
}

/**
 * How a bill in `currencyCode` asks to be paid: roubles by the bank-transfer code when bank details are
 * set; any currency by the coordinator's receive code when one is set; otherwise no code (the payment
 * instructions text only).
 */
export function paymentMethodOf(
  settings: Pick<CommunitySettings, 'payee' | 'receiveCode'>,
  currencyCode: string,
): PaymentMethod | null {
  if (currencyCode === 'RUB' && settings.payee) return { kind: 'bankTransfer', payee: settings.payee };
  if (settings.receiveCode.trim()) return { kind: 'receiveCode', payload: settings.receiveCode.trim() };
  return null;
}

/** Reads the Settings sheet's key/value rows; anything unreadable falls back to the default. */
export function parseSettings(rows: readonly (readonly unknown[])[]): CommunitySettings {
  const raw: Record<string, string> = { ...DEFAULT_SETTINGS };
  for (const [k, v] of rows) {
    const pair = settingPair(k, v);
    if (pair) raw[pair[0]] = pair[1];
  }
  const split = raw.deliverySplit as DeliverySplit;
  const rounding = raw.rounding as RoundingRule;
  const fee = Number(String(raw.feePercent).replace(',', '.'));
  const defaultLang = resolveLang(raw.defaultLang, 'ru');
  return {
    currency: currency(raw.currency)?.code ?? 'RUB',
    defaultLang,
    languages: communityLanguages(raw.languages, defaultLang),
    unknownLanguages: parseLanguages(raw.languages).unknown,
    reminderOffsetsHours: String(raw.reminderOffsetsHours)
      .split(/[,;\s]+/)
      .map(Number)
      .filter((h) => Number.isFinite(h) && h > 0),
    remindOrdered: /^(yes|y|true|1|да|是)$/i.test(String(raw.remindOrdered).trim()),
    deliverySplit: ['equal', 'byValue', 'byQuantity'].includes(split) ? split : 'equal',
    feeBasisPoints: Number.isFinite(fee) && fee >= 0 && fee <= 100 ? Math.round(fee * 100) : 0,
    rounding: ['halfUp', 'halfEven', 'up'].includes(rounding) ? rounding : 'halfUp',
    paymentInstructions: perLang(raw, 'paymentInstructions'),
    replyTo: raw.replyTo,
    chatRules: perLang(raw, 'chatRules'),
    chatEmoji: !/^(no|n|false|0|нет|否|不)$/i.test(String(raw.chatEmoji).trim()),
    unpaidShows: /^(names?|имена|имя|姓名|名字)$/i.test(String(raw.unpaidShows).trim()) ? 'names' : 'flats',
    payee: payeeOf(raw),
    receiveCode: raw.receiveCode,
    feedbackUrl: raw.feedbackUrl,
  };
}
