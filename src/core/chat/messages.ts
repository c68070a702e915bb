import { formatNumber } from '../i18n/format';
import { Lang } from '../i18n/lang';
import { MessageKey, Params, t } from '../i18n/translate';
import { PersonChange } from './import';
import { ChatItem } from './items';
import { ChatLineKind, ChatReason, Confidence } from './types';

/**
 * Reasons rendered for the reader: item ids become the item's name in their language, candidate lists
 * are joined the way the language joins them, numbers use the reader's decimal mark.
 */
export function describeReason(reason: ChatReason, lang: Lang, items: readonly ChatItem[]): string {
  const byId = new Map(items.map((i) => [i.id, i]));
  const nameOf = (id: string) => {
    const item = byId.get(id);
    return item ? item.name[lang] || item.name.default : id;
  };
  const item = reason.itemId ? byId.get(reason.itemId) : undefined;
  const names = (reason.candidates ?? []).map((c) => (reason.key === 'chat.reason.buildingAmbiguous' ? c : nameOf(c)));
  const params: Params = {
    item: reason.itemId ? nameOf(reason.itemId) : '',
    value: reason.value ?? '',
    candidates: names.join(lang === 'zh-CN' ? '、' : ', '),
    line: reason.line ?? '',
    unit: item?.unit ?? '',
    step: item ? formatNumber(item.stepMilli / 1000, lang) : '',
    amount: reason.amount === undefined ? '' : formatNumber(reason.amount, lang),
  };
  return t(lang, reason.key, params);
}

const CONFIDENCE: Record<Confidence, MessageKey> = {
  sure: 'chat.confidence.sure',
  check: 'chat.confidence.check',
  notUnderstood: 'chat.confidence.notUnderstood',
};

const KIND: Record<ChatLineKind, MessageKey> = {
  order: 'chat.kind.order',
  edit: 'chat.kind.edit',
  cancel: 'chat.kind.cancel',
  chatter: 'chat.kind.chatter',
  header: 'chat.kind.header',
};

const CHANGE: Record<PersonChange['kind'], MessageKey> = {
  new: 'chat.change.new',
  changed: 'chat.change.changed',
  cancelled: 'chat.change.cancelled',
};

export const describeConfidence = (confidence: Confidence, lang: Lang): string => t(lang, CONFIDENCE[confidence]);
export const describeKind = (kind: ChatLineKind, lang: Lang): string => t(lang, KIND[kind]);
export const describeChange = (kind: PersonChange['kind'], lang: Lang): string => t(lang, CHANGE[kind]);
