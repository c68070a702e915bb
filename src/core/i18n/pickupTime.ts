import { Lang } from './lang';

/**
 * The round's pickup time is typed once, in the coordinator's language ("суббота 10:00–12:00"), and read
 * by residents in three. When it is the usual shape — a day of the week and a time or a range of times —
 * each reader gets it in their own words ("周六 10:00–12:00", "Saturday 10:00–12:00"); anything else
 * ("после обеда, позвоните") is the coordinator's own text and is shown as typed.
 */

/** Day names a coordinator types, in any of the three languages, by day (0 = Sunday). */
const TYPED_DAYS: [number, RegExp][] = [
  [0, /^(воскресенье|вс|周日|周天|星期日|星期天|礼拜天|礼拜日|sunday|sun)$/i],
  [1, /^(понедельник|пн|周一|星期一|礼拜一|monday|mon)$/i],
  [2, /^(вторник|вт|周二|星期二|礼拜二|tuesday|tue|tues)$/i],
  [3, /^(среда|среду|ср|周三|星期三|礼拜三|wednesday|wed)$/i],
  [4, /^(четверг|чт|周四|星期四|礼拜四|thursday|thu|thurs)$/i],
  [5, /^(пятница|пятницу|пт|周五|星期五|礼拜五|friday|fri)$/i],
  [6, /^(суббота|субботу|сб|周六|星期六|礼拜六|saturday|sat)$/i],
];

const DAY_WORDS: Record<Lang, string[]> = {
  ru: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const TIME = '([01]?\\d|2[0-3])[:.：]([0-5]\\d)';
/** "суббота 10:00–12:00", "周六10:00-12:00", "Sat 10.00 to 12.00", "в субботу с 10:00 до 12:00", "суббота 10:00". */
const SHAPE = new RegExp(
  `^(?:в\\s+|on\\s+)?([^\\d\\s,，]+)[\\s,，]*(?:с\\s+|from\\s+)?${TIME}(?:\\s*(?:[-–—~～至到]|до|to)\\s*${TIME})?$`,
  'i',
);

export function pickupTimeIn(typed: string, lang: Lang): string {
  const text = String(typed ?? '').trim();
  const m = SHAPE.exec(text);
  const day = m && TYPED_DAYS.find(([, re]) => re.test(m[1]))?.[0];
  if (!m || day === undefined || day === null) return text;
  // Typed in the reader's own language: theirs as typed ("сб 10:00" stays "сб 10:00" for a Russian reader).
  const typedIn: Lang = /[\u0400-\u04ff]/.test(m[1]) ? 'ru' : /[\u3400-\u9fff]/.test(m[1]) ? 'zh-CN' : 'en';
  if (typedIn === lang) return text;
  const at = (h: string, min: string) => `${h.padStart(2, '0')}:${min}`;
  const time = m[4] ? `${at(m[2], m[3])}–${at(m[4], m[5])}` : at(m[2], m[3]);
  return `${DAY_WORDS[lang][day]} ${time}`;
}
