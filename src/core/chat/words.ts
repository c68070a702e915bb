/**
 * The words around orders in our communities' chats, in the folded form the reader matches (lower
 * case, ё → е, й → и, full-width → ASCII). Kept here as data so a coordinator's report of a missed word
 * is a one-line change.
 */

const word = (alternatives: string) => `(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`;
const CN_AMOUNT_AHEAD = '(?=\\s*[\\d零〇一二两三四五六七八九十半])';

/** Message headers copied with the text. */
export const HEADERS = {
  /** Telegram Desktop, "Copy selected as text": "Мария Иванова, [20.11.2026 9:15]" on its own line. */
  telegram: /^\s*(.{1,80}?),\s*\[(\d{1,4}[./-]\d{1,2}[./-]\d{2,4})[\s,]+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)\]\s*$/iu,
  /** WhatsApp export, iOS: "[20/11/2026, 09:05:02] Anna: rice 2". */
  whatsappIos:
    /^\s*\[(\d{1,4}[./-]\d{1,2}[./-]\d{2,4}),?\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)\]\s*([^:]{1,80}?):\s?/iu,
  /** WhatsApp export, Android: "20.11.2026, 19:05 - Лена Орехова: гречка 2". */
  whatsappAndroid: /^\s*(\d{1,4}[./-]\d{1,2}[./-]\d{2,4}),?\s+(\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)\s+-\s+([^:]{1,80}?):\s?/iu,
  /** WeChat's forwarded chat history: "王阿姨 10:32" (or with a date) above the message. */
  wechat: /^\s*([^\d:：,，.。!！?？]{1,24}?)\s+(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+)?(\d{1,2}:\d{2}(?::\d{2})?)\s*$/u,
  /** A bare time or date and time between messages. */
  timeOnly: /^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*$/u,
};

/** Words that make "Стоп в 18:00" or "好的 18:00" a sentence rather than a sender's name and time. */
export const NOT_A_SENDER =
  /(?<![\p{L}])(?:в|до|к|с|по|at|by|until|till|from|on|ok|okay|yes|no|sure|thanks|да|нет|ок|хорошо|ладно|спасибо|сегодня|завтра|today|tomorrow)(?![\p{L}])|截止|前|后|到|晚|早|点|好的|收到|谢谢|明天|今天|嗯/u;

/** WeChat's 接龙 marker, on the list's first line. */
export const JIELONG = /^\s*#?\s*接龙\s*$/u;

/** The list's example line ("例 3号楼502 王阿姨 大米×2"), or an example inside the coordinator's message. */
export const EXAMPLE = new RegExp(
  `^\\s*(?:例|例如|示例|格式)\\s*[:：]?|${word('пример|образец|example|e\\.g\\.|format')}\\s*:`,
  'u',
);

/**
 * A labelled line of a coordinator's announcement ("Стоп: пт, 20 ноября, 18:00", "Выдача: суббота — двор
 * у дома 2", "自提：3号楼门口"): the round's facts, never an order, however many numbers they hold. The
 * labels are those of the add-on's own chat messages (core/chatMessages.ts) and their usual variants.
 */
export const LABEL = new RegExp(
  `^[\\s\\p{Extended_Pictographic}\\uFE0F\\u200D]*(?:${[
    'стоп',
    'выдача',
    'забрать',
    'оплата',
    'правила',
    'заказ через форму',
    'дозаказать',
    'orders close',
    'deadline',
    'pickup',
    'pick up',
    'how to pay',
    'rules',
    'order with the form',
    'add to your order',
    '截单时间',
    '截单',
    '截止时间',
    '自提',
    '请到这里自提',
    '取货',
    '付款方式',
    '群规',
    '表单下单',
    '补单',
  ].join('|')})\\s*[:：]`,
  'iu',
);

/** A 接龙 or hand-numbered entry: "12. ", "12、", "12)", the keycap "1️⃣". Not "1.5 кг". */
export const ENTRY = /^\s*(\d{1,4})\s*(?:\.(?!\d)|、|\)|\uFE0F?\u20E3)\s*/u;

/** "+1", "me too", "мне тоже", "我也要": someone wants the same, but who and what is not said. */
export const PLUS_ONE =
  /^\s*(?:\+\s*\d|同上|我也要|我也是|me\s+too|same(?:\s+here)?|мне\s+тоже|и\s+мне|тоже|тоже\s+хочу|аналогично)\s*[!.。！]*\s*$/u;

/** Take something away, or the whole order when no item is named. */
export const REMOVE = new RegExp(
  `${word(
    "отмена|отменить|отменяю|отмените|отменяем|убрать|уберите|убираю|убери|удалить|удалите|вычеркните|не\\s+надо|не\\s+нужно|не\\s+нужен|не\\s+нужна|не\\s+нужны|cancel|cancelled|canceled|withdraw|remove|delete|drop|no\\s+more|don'?t\\s+need",
  )}|不要了|不要|取消|删除|删掉|去掉|退掉|不参加了?|退出`,
  'gu',
);

/** A change of an earlier order: "大米改成3", "поменяйте", "change rice to 3". */
export const EDIT = new RegExp(
  `${word('поменяите|поменять|поменяю|измените|исправьте|исправление|исправляю|change|correction|make\\s+it|update')}|改成|改为|换成|改到|变成|更正|修改|改${CN_AMOUNT_AHEAD}`,
  'gu',
);

/** "ещё", "also", "再加": in addition to an earlier order, or instead of it? Only a person knows. */
export const ADD = new RegExp(
  `${word('еще|также|добавьте|добавить|добавляю|also|more|add|plus')}|再加|还要|再来|另加|加${CN_AMOUNT_AHEAD}`,
  'gu',
);

/** "рис 3 вместо 2", "milk 3 instead of 2": the old amount, which is not ordered. */
export const OLD_AMOUNT = /^\s*,?\s*(?:вместо|instead\s+of|not|а\s+не|而不是|不是)\s*/u;

/** "рис не 2, а 3": the old amount first. */
export const NOT_BUT = /^\s*не\s+(\d+(?:[.,]\d+)?)\s*,?\s*а\s+/u;

/** Between an item and its amount: "рис - 2", "rice: 2", "大米改成3", "change rice to 3". */
export const CONNECTOR_AFTER = /^(?:\s*(?:[x×*х:=-](?![a-zа-я])|(?:to|на|по)(?![\p{L}])|要|来|各))?\s*/u;
/** Between an amount and its item: "2 bags of rice", "2x rice". */
export const CONNECTOR_BEFORE = /\s*(?:(?<![\p{L}])(?:of|из)|[x×*х])?\s*$/u;

/** A question about the round rather than an order. */
export const QUESTION = /[?？]|(?:吗|么|呢)\s*[。!！~]*\s*$/u;

/** Money: "50元", "¥50", "350 ₽", "£12", "95,50 руб/кг": a price or a payment, never a quantity. */
export const PRICE =
  /(?:[¥$£€₽]\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s*(?:元|块钱?|₽|\$|£|€|¥|(?<![\p{L}])(?:руб(?:лей|ля|ль)?\.?|р\.|rub|rmb|yuan|usd|eur|gbp|pounds?|dollars?|euros?)(?![\p{L}])))(?:\s*\/\s*[\p{L}]+)?/gu;

/** Times and dates in a message: "18:00", "6pm", "8点", "20.11.2026", "11月20日", "2026年11月20日", "20 ноября". */
export const TIME_OR_DATE = new RegExp(
  [
    '(?<![\\d])\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?(?![\\d])',
    '(?<![\\d.,])\\d{1,2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|ч|час(?:а|ов)?)(?![\\p{L}])',
    '\\d{1,2}\\s*点(?:半|\\d{1,2}分?)?',
    '(?<![\\d])\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?![\\d])',
    '(?<![\\d])\\d{4}-\\d{1,2}-\\d{1,2}(?![\\d])',
    '(?:\\d{4}\\s*年\\s*)?\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]?',
    '(?<![\\d])\\d{1,2}\\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\\p{L}])',
  ].join('|'),
  'gu',
);

/** Words around a name that are not the name: greetings, "please", "I want", "for". */
export const FILLER_WORDS = new Set(
  (
    'хочу хотела хотел хотим мне нам меня заказ заказываю закажу закажем пожалуиста пжл плиз пж и также спасибо ' +
    'возьму беру берем буду прошу нужно нужен нужна надо запишите запишу записать добрыи день вечер утро доброе привет ' +
    'здравствуите итого от для по с на а в тоже всем можно мою мои наш наша нашу моя ' +
    'ои ах ох ага упс извините простите тел телефон моб сот ' +
    'раз этот эту сегодня завтра снова опять оплачено оплатила оплатил мама маме мамы папа папы бабушка бабушке бабушки соседке соседки соседа ' +
    "please pls plz i i'd id want would like order me my for and thanks thank you need take of the to get could can " +
    "hi hello hey in from is are it it's will we us our some just here this time again today paid " +
    'mum mom mother dad father grandma grandpa neighbour neighbor family'
  ).split(' '),
);

/** Chinese filler at the edge of a name: "帮…订", "我要", "的". Longest first. */
export const CN_FILLERS = [
  '不好意思',
  '电话',
  '手机',
  '哎呀',
  '哦',
  '嗯',
  '啊',
  '我们家',
  '已转账',
  '已付款',
  '已支付',
  '我也要',
  '我家',
  '请问',
  '已付',
  '已转',
  '这次',
  '本期',
  '下次',
  '麻烦',
  '帮忙',
  '一下',
  '谢谢',
  '团长',
  '您好',
  '你好',
  '我要',
  '预订',
  '一共',
  '另外',
  '还要',
  '接龙',
  '要',
  '订',
  '买',
  '再',
  '加',
  '帮',
  '给',
  '的',
  '了',
  '和',
  '与',
  '跟',
  '共',
  '请',
  '另',
  '各',
].sort((a, b) => b.length - a.length);
