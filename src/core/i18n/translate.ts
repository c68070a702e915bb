import { Catalog, Message } from './catalog';
import { MessageKey, en } from './en';
import { Lang } from './lang';
import { pluralCategory } from './plural';
import { ru } from './ru';
import { zh } from './zh';

export type { MessageKey } from './en';

export const catalogs: Record<Lang, Catalog<MessageKey>> = { en, ru, 'zh-CN': zh };

export type Params = Record<string, string | number>;

function pick(message: Message, lang: Lang, params: Params): string {
  if (typeof message === 'string') return message;
  const count = Number(params.count ?? 0);
  return message[pluralCategory(lang, count)] ?? message.other;
}

/** The message for `key` in `lang` with its {placeholders} filled; counted messages pick their plural form. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const message = catalogs[lang][key] ?? en[key];
  return pick(message, lang, params).replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
