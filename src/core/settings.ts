import { Lang, resolveLang } from './i18n/lang';
import { currency } from './money';
import { DeliverySplit } from './round';
import { RoundingRule } from './money';

/** The Settings sheet: one row per key; values typed by the coordinator. */
export const SETTING_KEYS = ['currency', 'defaultLang', 'reminderOffsetsHours', 'deliverySplit', 'feePercent', 'rounding', 'paymentInstructions', 'replyTo'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const DEFAULT_SETTINGS: Record<SettingKey, string> = {
  currency: 'RUB',
  defaultLang: 'ru',
  reminderOffsetsHours: '24, 2',
  deliverySplit: 'equal',
  feePercent: '0',
  rounding: 'halfUp',
  paymentInstructions: '',
  replyTo: '',
};

const NOTES: Record<SettingKey, [string, string, string]> = {
  currency: ['Валюта: RUB, CNY, USD, EUR, UAH, KZT', '货币：RUB、CNY、USD、EUR、UAH、KZT', 'Currency: RUB, CNY, USD, EUR, UAH, KZT'],
  defaultLang: ['Язык формы и писем по умолчанию: ru, zh-CN, en', '表单和邮件的默认语言：ru、zh-CN、en', 'Default language of forms and emails: ru, zh-CN, en'],
  reminderOffsetsHours: ['За сколько часов до стопа напоминать, через запятую', '截单前几小时提醒，用逗号分隔', 'Hours before the deadline to send reminders, comma-separated'],
  deliverySplit: ['Доставка делится: equal (поровну), byValue (по сумме), byQuantity (по количеству)', '运费分摊：equal（平均）、byValue（按金额）、byQuantity（按数量）', 'Delivery split: equal, byValue, byQuantity'],
  feePercent: ['Оргсбор в процентах от суммы товаров', '团长服务费（占商品金额的百分比）', 'Organiser fee, % of goods value'],
  rounding: ['Округление строк: halfUp, halfEven, up', '行金额舍入：halfUp、halfEven、up', 'Line rounding: halfUp, halfEven, up'],
  paymentInstructions: ['Как оплатить (попадёт в итоговый счёт)', '付款方式（写入最终账单）', 'How to pay (shown on the final bill)'],
  replyTo: ['Адрес для ответов на письма', '邮件回复地址', 'Reply-to address for emails'],
};

export function settingNote(key: SettingKey, lang: Lang): string {
  return NOTES[key][lang === 'ru' ? 0 : lang === 'zh-CN' ? 1 : 2];
}

export interface CommunitySettings {
  currency: string;
  defaultLang: Lang;
  reminderOffsetsHours: number[];
  deliverySplit: DeliverySplit;
  feeBasisPoints: number;
  rounding: RoundingRule;
  paymentInstructions: string;
  replyTo: string;
}

/** Reads the Settings sheet's key/value rows; anything unreadable falls back to the default. */
export function parseSettings(rows: readonly (readonly unknown[])[]): CommunitySettings {
  const raw: Record<string, string> = { ...DEFAULT_SETTINGS };
  for (const [k, v] of rows) if (typeof k === 'string' && k.trim()) raw[k.trim()] = v === null || v === undefined ? '' : String(v).trim();
  const split = raw.deliverySplit as DeliverySplit;
  const rounding = raw.rounding as RoundingRule;
  const fee = Number(String(raw.feePercent).replace(',', '.'));
  return {
    currency: currency(raw.currency)?.code ?? 'RUB',
    defaultLang: resolveLang(raw.defaultLang, 'ru'),
    reminderOffsetsHours: String(raw.reminderOffsetsHours).split(/[,;\s]+/).map(Number).filter((h) => Number.isFinite(h) && h > 0),
    deliverySplit: ['equal', 'byValue', 'byQuantity'].includes(split) ? split : 'equal',
    feeBasisPoints: Number.isFinite(fee) && fee >= 0 && fee <= 100 ? Math.round(fee * 100) : 0,
    rounding: ['halfUp', 'halfEven', 'up'].includes(rounding) ? rounding : 'halfUp',
    paymentInstructions: raw.paymentInstructions,
    replyTo: raw.replyTo,
  };
}
