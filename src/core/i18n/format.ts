import { currency } from '../money';
import { wallTime } from '../time';
import { Lang } from './lang';

const SEPARATORS: Record<Lang, { decimal: string; group: string }> = {
  ru: { decimal: ',', group: '\u00a0' },
  'zh-CN': { decimal: '.', group: ',' },
  en: { decimal: '.', group: ',' },
};

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A plain number in the reader's convention: 1 234,5 (ru), 1,234.5 (zh, en). */
export function formatNumber(value: number, lang: Lang, maxDecimals = 3, grouping = true): string {
  const { decimal, group: g } = SEPARATORS[lang];
  // Only zeros after the decimal point go: with maxDecimals 0, "10" must stay "10".
  const fixed = Math.abs(value)
    .toFixed(maxDecimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  const [i, f] = fixed.split('.');
  return (value < 0 ? '-' : '') + (grouping ? group(i, g) : i) + (f ? decimal + f : '');
}

/** Money from minor units, in the reader's convention: "1 234,50 ₽", "¥1,234.50", "$1,234.50". */
export function formatMoney(minor: number, currencyCode: string, lang: Lang): string {
  const info = currency(currencyCode) ?? { code: currencyCode, exponent: 2, symbol: currencyCode };
  const { decimal, group: g } = SEPARATORS[lang];
  const abs = Math.abs(minor);
  const div = 10 ** info.exponent;
  const whole = group(String(Math.floor(abs / div)), g);
  const frac = info.exponent ? decimal + String(abs % div).padStart(info.exponent, '0') : '';
  const sign = minor < 0 ? '-' : '';
  return lang === 'ru' ? `${sign}${whole}${frac}\u00a0${info.symbol}` : `${sign}${info.symbol}${whole}${frac}`;
}

const MONTHS: Record<Lang, string[]> = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  'zh-CN': [],
};
const WEEKDAYS: Record<Lang, string[]> = {
  ru: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
};

/** A short date and time for "sent on 23.11 at 20:38": `date` and `time` in the community's time zone. */
export function shortDateTime(ms: number, timeZone: string, lang: Lang): { date: string; time: string } {
  const w = wallTime(ms, timeZone);
  const time = `${w.hour}:${String(w.minute).padStart(2, '0')}`;
  if (lang === 'zh-CN') return { date: `${w.month}月${w.day}日`, time };
  if (lang === 'ru') return { date: `${String(w.day).padStart(2, '0')}.${String(w.month).padStart(2, '0')}`, time };
  return { date: `${w.day} ${MONTHS.en[w.month - 1]}`, time };
}

/** A date and time as the reader writes it, in the community's time zone: "ср, 25 ноября 2026, 18:00". */
export function formatDateTime(ms: number, timeZone: string, lang: Lang): string {
  const w = wallTime(ms, timeZone);
  const hm = `${w.hour}:${String(w.minute).padStart(2, '0')}`;
  const day = WEEKDAYS[lang][w.weekday];
  if (lang === 'zh-CN') return `${w.year}年${w.month}月${w.day}日（${day}）${hm}`;
  if (lang === 'ru') return `${day}, ${w.day} ${MONTHS.ru[w.month - 1]} ${w.year}, ${hm}`;
  return `${day}, ${w.day} ${MONTHS.en[w.month - 1]} ${w.year}, ${hm}`;
}

/** A list as the reader's language writes one: "Двор, Школа", "院子、学校", "Yard, School". */
export function listOf(items: readonly string[], lang: Lang): string {
  return items.filter(Boolean).join(lang === 'zh-CN' ? '、' : ', ');
}
