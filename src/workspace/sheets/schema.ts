import { Lang } from '../../core/i18n/lang';
import { journalKindLabels } from '../../core/i18n/journalLabels';
import { LANG_WORDS, wordChoices } from '../../core/i18n/words';
import { PLACE_KINDS, ROLES, placeKindLabel, roleLabel } from '../../core/i18n/labels';
import { currency, toDecimalString } from '../../core/money';
import { DEFAULT_SETTINGS, SETTING_KEYS, settingCell, settingName, settingNote } from '../../core/settings';
import { isDate } from './cells';
import { textCell } from './text';

/**
 * The spreadsheet's layout, declared once: every sheet the add-on keeps, its columns by name and kind, and
 * what set-up does to it. Everything reads and writes cells by column name through this file, so adding a
 * column is one edit here. Sheet names and headers are written in the installing coordinator's language.
 */
type Labels = readonly [ru: string, zh: string, en: string];

/**
 * What a column holds, which says how a value is written (`row`):
 * - text: people's words (names, phones, notes, item names, ids they typed) — through `textCell`, never a
 *   formula or a number;
 * - label: a word the add-on itself chose (a state, a language code, a status in the sheet's language);
 * - number, date (from ms or a Date), checkbox (a boolean): as they are;
 * - money: minor units in, the currency's decimal amount out; a round's own sheets format it as money.
 */
export type ColumnKind = 'text' | 'label' | 'number' | 'money' | 'date' | 'checkbox';

export interface Column<Kind extends ColumnKind = ColumnKind> {
  kind: Kind;
  label: Labels;
  /** People type into it by hand: formatted as plain text at set-up, and written without an apostrophe (see text.ts). */
  plain?: boolean;
  /** The dropdown set-up offers, in the sheet's language. */
  choices?: (lang: Lang) => readonly string[];
  /**
   * Personal data, removed when a settled round is purged: blanked, replaced by "Participant N", or
   * sealed (a keyed hash that still lets credit follow the person: core/ledger.ts sealedIdentity).
   */
  personal?: 'blank' | 'pseudonym' | 'sealed';
  /** The add-on's own bookkeeping (a response's exact time, kept to tell an edit from a repeat): hidden at set-up. */
  hidden?: boolean;
}

type Extra = Pick<Column, 'plain' | 'choices' | 'personal' | 'hidden'>;
const column =
  <Kind extends ColumnKind>(kind: Kind) =>
  (label: Labels, extra: Extra = {}): Column<Kind> => ({ kind, label, ...extra });
const text = column('text');
const label = column('label');
const number = column('number');
const money = column('money');
const date = column('date');
const checkbox = column('checkbox');
const PLAIN = { plain: true };
const BLANKED = { personal: 'blank' } as const;

interface SheetOptions {
  /** The add-on writes it: protected with a warning so a coordinator does not edit it by accident. */
  computed?: boolean;
  /** Rows are appended at a next-row counter (see append.ts); the sheet starts this many rows tall. */
  appending?: { rows: number };
  /** Rows set-up writes below the header. */
  starts?: (lang: Lang) => Record<string, unknown>[];
}

function sheet<Cols extends Record<string, Column>>(name: Labels, columns: Cols, options: SheetOptions = {}) {
  return { name, columns, keys: Object.keys(columns) as (keyof Cols & string)[], ...options };
}

/** The community's sheets, in the order set-up creates the tabs. */
export const SHEETS = {
  // Typed by hand, every column plain text: what the coordinator types stays as typed ("95,50", "1,5",
  // "007"), and the add-on reads it with its own locale-aware parsers (see text.ts, community.ts).
  catalog: sheet(['Каталог', '商品目录', 'Catalog'], {
    id: text(['Код', '编号', 'ID'], PLAIN),
    name: text(['Название', '名称', 'Name'], PLAIN),
    nameRu: text(['Название (рус.)', '名称（俄文）', 'Name (Russian)'], PLAIN),
    nameZh: text(['Название (кит.)', '名称（中文）', 'Name (Chinese)'], PLAIN),
    nameEn: text(['Название (англ.)', '名称（英文）', 'Name (English)'], PLAIN),
    unit: text(['Ед.', '单位', 'Unit'], PLAIN),
    price: money(['Цена за ед.', '单价', 'Price per unit'], PLAIN),
    step: number(['Шаг количества', '数量步长', 'Quantity step'], PLAIN),
    box: number(['Кратность (в коробке)', '每箱数量', 'Box size'], PLAIN),
    minimum: number(['Минимальный заказ', '起订量', 'Minimum total'], PLAIN),
    limit: number(['В одни руки', '限购', 'Per-person limit'], PLAIN),
    stock: number(['Остаток у поставщика', '库存上限', 'Stock limit'], PLAIN),
    retail: money(['Цена в магазине', '零售价', 'Retail price'], PLAIN),
    supplier: text(['Поставщик', '供应商', 'Supplier'], PLAIN),
    supplierCode: text(['Артикул поставщика', '供应商编号', 'Supplier code'], PLAIN),
    /** Short words residents use in chats ("греча, гречка", "米", "tp"), comma-separated, for the chat import. */
    aliases: text(['Как пишут в чатах', '群里的叫法', 'Chat aliases'], PLAIN),
    /** Optional: the unit per language, for a unit core/units.ts does not know ("банка" → "罐"); appended, so older catalogs read blank. */
    unitRu: text(['Ед. (рус.)', '单位（俄文）', 'Unit (Russian)'], PLAIN),
    unitZh: text(['Ед. (кит.)', '单位（中文）', 'Unit (Chinese)'], PLAIN),
    unitEn: text(['Ед. (англ.)', '单位（英文）', 'Unit (English)'], PLAIN),
  }),
  rounds: sheet(
    ['Закупки', '团购期数', 'Rounds'],
    {
      id: text(['Код', '编号', 'ID']),
      title: text(['Название', '名称', 'Title']),
      state: label(['Состояние', '状态', 'State']),
      deadline: date(['Стоп', '截单时间', 'Deadline']),
      pickupTime: text(['Выдача: когда', '自提时间', 'Pickup time']),
      pickupPoints: text(['Пункты выдачи', '自提点', 'Pickup points']),
      items: text(['Товары', '商品', 'Items']),
      delivery: money(['Доставка', '运费', 'Delivery cost']),
      deliverySplit: label(['Доставка делится', '运费分摊', 'Delivery split']),
      feePercent: number(['Оргсбор, %', '团长服务费 %', 'Organiser fee %']),
      rounding: label(['Округление', '舍入', 'Rounding']),
      currency: label(['Валюта', '货币', 'Currency']),
      formUrl: text(['Ссылка на форму', '表单链接', 'Form link']),
      formEditUrl: text(['Редактировать форму', '编辑表单', 'Edit form']),
      formId: text(['ID формы', '表单 ID', 'Form ID']),
      responseSheet: number(['Лист ответов', '回复表', 'Response sheet']),
      createdBy: text(['Создал', '创建人', 'Created by']),
      updatedAt: date(['Изменено', '更新时间', 'Updated']),
      shortfallRule: label(['Если привезли меньше', '缺货时', 'If less arrives']),
    },
    { computed: true },
  ),
  orders: sheet(
    ['Заказы', '订单', 'Orders'],
    {
      round: text(['Закупка', '期数', 'Round']),
      orderKey: text(['Код заказа', '订单编号', 'Order key']),
      source: label(['Источник', '来源', 'Source']),
      revision: number(['Версия', '版本', 'Revision']),
      responseAt: text(['Ответ от', '回复时间', 'Response at'], { hidden: true }),
      submittedAt: date(['Отправлен', '提交时间', 'Submitted']),
      firstSubmittedAt: date(['Впервые', '首次提交', 'First submitted']),
      name: text(['Имя', '姓名', 'Name'], { personal: 'pseudonym' }),
      email: text(['Почта', '邮箱', 'Email'], BLANKED),
      phone: text(['Телефон', '电话', 'Phone'], BLANKED),
      building: text(['Дом / подъезд', '楼号', 'Building']),
      flat: text(['Квартира', '房号', 'Flat'], BLANKED),
      pickupPoint: text(['Пункт выдачи', '自提点', 'Pickup point']),
      lang: label(['Язык', '语言', 'Language']),
      enteredBy: text(['Внёс волонтёр', '代下单志愿者', 'Entered by']),
      item: text(['Товар (код)', '商品编号', 'Item ID']),
      itemName: text(['Товар', '商品', 'Item']),
      quantity: number(['Количество', '数量', 'Quantity']),
      extra: number(['Допуск', '可多要', "Extra I'd take"]),
      queue: label(['Очередь', '排队', 'Queue']),
      comment: text(['Комментарий', '备注', 'Comment'], BLANKED),
      editUrl: text(['Ссылка для правки', '修改链接', 'Edit link'], BLANKED),
    },
    { computed: true, appending: { rows: 2000 } },
  ),
  members: sheet(['Участники', '居民名单', 'Members'], {
    email: text(['Почта', '邮箱', 'Email'], PLAIN),
    name: text(['Имя', '姓名', 'Name'], PLAIN),
    phone: text(['Телефон', '电话', 'Phone'], PLAIN),
    building: text(['Дом / подъезд', '楼号', 'Building'], PLAIN),
    flat: text(['Квартира', '房号', 'Flat'], PLAIN),
    lang: label(['Язык', '语言', 'Language'], { choices: (lang) => wordChoices(LANG_WORDS, lang) }),
    optOut: checkbox(['Не присылать напоминания', '不接收提醒', 'No reminders']),
  }),
  places: sheet(['Дома и пункты выдачи', '楼组与自提点', 'Buildings & pickup points'], {
    kind: label(['Тип', '类型', 'Kind'], { choices: (lang) => PLACE_KINDS.map((k) => placeKindLabel(k, lang)) }),
    name: text(['Название', '名称', 'Name'], PLAIN),
    notes: text(['Адрес, примечание', '地址、备注', 'Address, notes'], PLAIN),
  }),
  volunteers: sheet(['Волонтёры', '志愿者', 'Volunteers'], {
    email: text(['Почта', '邮箱', 'Email'], PLAIN),
    name: text(['Имя', '姓名', 'Name'], PLAIN),
    role: label(['Роль', '角色', 'Role'], { choices: (lang) => ROLES.map((r) => roleLabel(r, lang)) }),
    building: text(['Дом / подъезд', '负责楼号', 'Building'], PLAIN),
    /** The language of the volunteer's tab and emailed list; blank: the community's. */
    lang: label(['Язык', '语言', 'Language'], { choices: (lang) => wordChoices(LANG_WORDS, lang) }),
  }),
  settings: sheet(
    ['Настройки', '设置', 'Settings'],
    {
      key: label(['Параметр', '参数', 'Setting']),
      value: text(['Значение', '值', 'Value'], PLAIN),
      note: text(['Пояснение', '说明', 'Note']),
    },
    {
      starts: (lang) =>
        SETTING_KEYS.map((k) => ({
          key: settingName(k, lang),
          // A community set up in Chinese writes to its people in Chinese unless told otherwise.
          value: settingCell(k, k === 'defaultLang' ? lang : DEFAULT_SETTINGS[k], lang),
          note: settingNote(k, lang),
        })),
    },
  ),
  journal: sheet(['Касса', '收支流水', 'Journal'], {
    at: date(['Когда', '时间', 'When']),
    round: text(['Закупка', '期数', 'Round']),
    orderKey: text(['Код заказа', '订单编号', 'Order key'], PLAIN),
    who: text(['Участник', '居民', 'Participant'], { ...PLAIN, personal: 'pseudonym' }),
    identity: text(['Кто (для переплат)', '身份（用于余额）', 'Identity (for credit)'], { personal: 'sealed' }),
    kind: label(['Операция', '类型', 'Kind'], { choices: journalKindLabels }),
    amount: money(['Сумма', '金额', 'Amount']),
    method: text(['Способ', '方式', 'Method'], PLAIN),
    recordedBy: text(['Записал', '记录人', 'Recorded by']),
    note: text(['Примечание', '备注', 'Note'], PLAIN),
    requestId: text(['ID запроса', '请求 ID', 'Request ID']),
  }),
  outbox: sheet(
    ['Письма', '邮件队列', 'Outbox'],
    {
      key: text(['Ключ', '键', 'Key']),
      round: text(['Закупка', '期数', 'Round']),
      orderKey: text(['Код заказа', '订单编号', 'Order key']),
      kind: label(['Вид письма', '邮件类型', 'Kind']),
      to: text(['Кому', '收件人', 'To'], BLANKED),
      lang: label(['Язык', '语言', 'Language']),
      subject: text(['Тема', '主题', 'Subject'], BLANKED),
      state: label(['Состояние', '状态', 'State']),
      attempts: number(['Попыток', '尝试次数', 'Attempts']),
      updatedAt: date(['Изменено', '更新时间', 'Updated']),
      error: text(['Ошибка', '错误', 'Error']),
      body: text(['Текст', '正文', 'Text'], BLANKED),
      html: text(['HTML', 'HTML', 'HTML'], BLANKED),
      /** What the bill's payment QR code encodes; the image is drawn from it when the email is sent. */
      qr: text(['QR-код оплаты', '付款二维码', 'Payment QR'], BLANKED),
    },
    { computed: true, appending: { rows: 1000 } },
  ),
  ledger: sheet(
    ['Ведомость', '公开账目', 'Ledger'],
    {
      round: text(['Закупка', '期数', 'Round']),
      title: text(['Название', '名称', 'Title']),
      state: label(['Состояние', '状态', 'State']),
      goods: money(['Товары', '商品', 'Goods']),
      delivery: money(['Доставка', '运费', 'Delivery']),
      fee: money(['Оргсбор', '服务费', 'Fee']),
      billed: money(['Выставлено', '应收', 'Billed']),
      collected: money(['Собрано', '已收', 'Collected']),
      credit: money(['Зачтено из переплат', '抵扣余额', 'Credit used']),
      supplier: money(['Оплачено поставщику', '付给供应商', 'Paid to supplier']),
      balance: money(['Остаток', '结余', 'Balance']),
      outstanding: money(['Долги участников', '未收', 'Outstanding']),
      rounding: money(['Округление', '舍入差', 'Rounding']),
      saving: money(['Экономия против магазина', '比零售节省', 'Saved vs retail']),
      updatedAt: date(['Изменено', '更新时间', 'Updated']),
      creditOut: money(['Перенесено переплат', '结转余额', 'Credit carried out']),
      deliveryPaid: money(['Оплачена доставка', '已付运费', 'Delivery paid']),
      feePaid: money(['Выплачен оргсбор', '已付服务费', 'Fee paid out']),
      cash: money(['В кассе', '现金结余', 'Cash on hand']),
    },
    { computed: true },
  ),
  log: sheet(
    ['Журнал', '日志', 'Log'],
    {
      at: date(['Когда', '时间', 'When']),
      round: text(['Закупка', '期数', 'Round']),
      source: text(['Откуда', '来源', 'Source']),
      who: text(['Кто', '谁', 'Who']),
      severity: label(['Важность', '级别', 'Severity']),
      problem: text(['Что случилось', '问题', 'Problem']),
    },
    { computed: true },
  ),
  /** Complaints about quality and what was decided (issue 18, core/complaints.ts); written by the team's actions. */
  complaints: sheet(
    ['Жалобы', '投诉', 'Complaints'],
    {
      id: text(['Код', '编号', 'ID']),
      at: date(['Когда', '时间', 'When']),
      round: text(['Закупка', '期数', 'Round']),
      orderKey: text(['Код заказа', '订单编号', 'Order key']),
      who: text(['Участник', '居民', 'Participant'], { personal: 'pseudonym' }),
      item: text(['Товар (код)', '商品编号', 'Item ID']),
      itemName: text(['Товар', '商品', 'Item']),
      quantity: number(['Количество', '数量', 'Quantity']),
      note: text(['Что не так', '问题描述', 'What is wrong'], BLANKED),
      enteredBy: text(['Внёс', '登记人', 'Entered by']),
      decision: label(['Решение', '处理结果', 'Decision']),
      amount: money(['Сумма', '金额', 'Amount']),
      reason: text(['Причина отказа', '驳回理由', 'Reason for rejection']),
      decidedBy: text(['Решил', '处理人', 'Decided by']),
      requestId: text(['ID запроса', '请求 ID', 'Request ID']),
    },
    { computed: true },
  ),
  /**
   * Settled rounds folded into one sheet (addon/archive.ts): one row per participant and item, the bill's
   * figures on each person's first row. Replaces the round's own tabs, so a community that runs a round a
   * week stays far from Google's 10 million cells for years.
   */
  archive: sheet(
    ['Архив закупок', '往期归档', 'Archive'],
    {
      round: text(['Закупка', '期数', 'Round']),
      title: text(['Название', '名称', 'Title']),
      orderKey: text(['Код заказа', '订单编号', 'Order key']),
      name: text(['Участник', '居民', 'Participant'], { personal: 'pseudonym' }),
      building: text(['Дом', '楼号', 'Building']),
      flat: text(['Кв.', '房号', 'Flat'], BLANKED),
      pickupPoint: text(['Пункт выдачи', '自提点', 'Pickup point']),
      item: text(['Товар', '商品', 'Item']),
      unit: text(['Ед.', '单位', 'Unit']),
      ordered: number(['Заказано', '订购', 'Ordered']),
      allocated: number(['Получил', '分到', 'Allocated']),
      price: money(['Цена', '单价', 'Price']),
      line: money(['Сумма', '金额', 'Line total']),
      total: money(['Счёт', '账单合计', 'Bill']),
      credit: money(['Зачтено', '抵扣', 'Credit']),
      paid: money(['Оплачено', '已付', 'Paid']),
      balance: money(['К оплате', '待付', 'Balance']),
      pickedUp: checkbox(['Выдано', '已领取', 'Picked up']),
      reference: text(['Назначение платежа', '付款备注码', 'Payment reference'], { ...PLAIN, personal: 'blank' }),
    },
    { computed: true, appending: { rows: 1000 } },
  ),
};

/**
 * Sheets written per round when it closes (named "<round id> · <kind>"); created when the round opens,
 * formatted and protected like the computed sheets above.
 */
export const ROUND_SHEETS = {
  tally: sheet(['Итоги', '汇总', 'Tally'], {
    item: text(['Код', '编号', 'ID']),
    name: text(['Товар', '商品', 'Item']),
    unit: text(['Ед.', '单位', 'Unit']),
    ordered: number(['Заказано', '订购', 'Ordered']),
    extras: number(['Допуск', '可多要', 'Extras']),
    box: number(['Кратность', '每箱', 'Box']),
    boxes: number(['Коробок', '箱数', 'Boxes']),
    units: number(['Купить', '采购量', 'To buy']),
    received: number(['Получено', '到货', 'Received']),
    status: label(['Статус', '状态', 'Status']),
    toComplete: number(['До полной коробки', '凑满一箱还差', 'To complete a box']),
    price: money(['Цена', '单价', 'Price']),
    total: money(['Сумма', '金额', 'Total']),
    surplus: number(['Лишнее: продать или отдать', '多到的余货', 'Leftover stock']),
  }),
  allocation: sheet(['Распределение', '分配', 'Allocation'], {
    orderKey: text(['Код заказа', '订单编号', 'Order key']),
    name: text(['Участник', '居民', 'Participant']),
    building: text(['Дом', '楼号', 'Building']),
    item: text(['Товар', '商品', 'Item']),
    ordered: number(['Заказано', '订购', 'Ordered']),
    extra: number(['Допуск', '可多要', 'Extra']),
    allocated: number(['Получит', '分到', 'Allocated']),
    price: money(['Цена', '单价', 'Price']),
    line: money(['Сумма', '金额', 'Line total']),
  }),
  bills: sheet(['Счета', '账单', 'Bills'], {
    orderKey: text(['Код заказа', '订单编号', 'Order key']),
    name: text(['Участник', '居民', 'Participant']),
    email: text(['Почта', '邮箱', 'Email']),
    building: text(['Дом', '楼号', 'Building']),
    flat: text(['Кв.', '房号', 'Flat']),
    pickupPoint: text(['Пункт выдачи', '自提点', 'Pickup point']),
    goods: money(['Товары', '商品', 'Goods']),
    delivery: money(['Доставка', '运费', 'Delivery']),
    fee: money(['Оргсбор', '服务费', 'Fee']),
    total: money(['Итого', '合计', 'Total']),
    saving: money(['Экономия', '节省', 'Saved']),
    credit: money(['Зачтено', '抵扣', 'Credit']),
    paid: money(['Оплачено', '已付', 'Paid']),
    balance: money(['К оплате', '待付', 'Balance']),
    pickedUp: checkbox(['Выдано', '已领取', 'Picked up']),
    reference: text(['Назначение платежа', '付款备注码', 'Payment reference'], PLAIN),
  }),
  supplier: sheet(['Заказ поставщику', '供应商订单', 'Supplier order'], {
    supplier: text(['Поставщик', '供应商', 'Supplier']),
    code: text(['Артикул', '编号', 'Code']),
    item: text(['Товар', '商品', 'Item']),
    unit: text(['Ед.', '单位', 'Unit']),
    boxes: number(['Коробок', '箱数', 'Boxes']),
    units: number(['Количество', '数量', 'Quantity']),
    price: money(['Цена', '单价', 'Price']),
    total: money(['Сумма', '金额', 'Total']),
  }),
  distribution: sheet(['Выдача', '分发', 'Distribution'], {
    place: text(['Дом / пункт', '楼组 / 自提点', 'Building / point']),
    flat: text(['Кв.', '房号', 'Flat']),
    name: text(['Участник', '居民', 'Participant']),
    phone: text(['Телефон', '电话', 'Phone']),
    items: text(['Товары', '商品', 'Items']),
    due: money(['К оплате', '待付', 'Due']),
    paid: money(['Оплачено', '已付', 'Paid']),
    pickedUp: checkbox(['Выдано', '已领取', 'Picked up']),
    reference: text(['Назначение платежа', '付款备注码', 'Payment reference'], PLAIN),
  }),
};

/**
 * The rows of a building's tab (the volunteers' phone path, see workspace/buildingTabs.ts): its hand-out
 * list after a round's stop, its order-entry rows while a round is open. Both kinds share the tab's ten
 * columns; the last, `key`, says what each row is. Checkboxes and the name come first: a phone shows
 * three or four columns before it scrolls.
 */
export const TAB_ROWS = {
  tabList: sheet(['Выдача', '分发', 'Hand-out'], {
    flat: text(['Кв.', '房号', 'Flat'], PLAIN),
    name: text(['Участник', '居民', 'Resident'], PLAIN),
    pickedUp: checkbox(['Выдано', '已领取', 'Picked up']),
    paid: checkbox(['Оплачено', '已付', 'Paid']),
    due: money(['К оплате', '待付', 'Due']),
    status: text(['Отметка дополнения', '插件备注', 'Add-on note']),
    items: text(['Товары', '商品', 'Items']),
    phone: text(['Телефон', '电话', 'Phone'], PLAIN),
    note: text(['Заметка', '备注', 'Note'], PLAIN),
    key: label(['Служебное', '系统用', 'Internal']),
  }),
  tabEntry: sheet(['Заказы соседей', '代邻居下单', "Neighbours' orders"], {
    flat: text(['Кв.', '房号', 'Flat'], PLAIN),
    name: text(['Имя', '姓名', 'Name'], PLAIN),
    item: text(['Товар', '商品', 'Item'], PLAIN),
    quantity: text(['Количество', '数量', 'Quantity'], PLAIN),
    phone: text(['Телефон', '电话', 'Phone'], PLAIN),
    status: text(['Отметка дополнения', '插件备注', 'Add-on note']),
    note: text(['Комментарий', '备注', 'Comment'], PLAIN),
    spare1: text(['', '', '']),
    spare2: text(['', '', '']),
    key: label(['Служебное', '系统用', 'Internal']),
  }),
};

type Layouts = typeof SHEETS & typeof ROUND_SHEETS & typeof TAB_ROWS;
const LAYOUTS: Layouts = { ...SHEETS, ...ROUND_SHEETS, ...TAB_ROWS };

export type SheetKey = keyof typeof SHEETS;
export type RoundSheetKey = keyof typeof ROUND_SHEETS;
export type TabRowKey = keyof typeof TAB_ROWS;
export type AnySheetKey = keyof Layouts;
type ColumnsOf<K extends AnySheetKey> = Layouts[K]['columns'];
export type ColumnOf<K extends AnySheetKey> = keyof ColumnsOf<K> & string;

type ValueOf<Kind> = Kind extends 'text'
  ? string | null
  : Kind extends 'label'
    ? string
    : Kind extends 'number'
      ? number | null
      : Kind extends 'money'
        ? number | null
        : Kind extends 'date'
          ? Date | number
          : boolean;

/** A row by column name, each value of its column's kind; a missing column is a blank cell. */
export type RowValues<K extends AnySheetKey> = {
  [C in ColumnOf<K>]?: ColumnsOf<K>[C] extends Column<infer Kind> ? ValueOf<Kind> : never;
};

const LANG_INDEX: Record<Lang, number> = { ru: 0, 'zh-CN': 1, en: 2 };

export function sheetName(key: SheetKey, lang: Lang): string {
  return SHEETS[key].name[LANG_INDEX[lang]];
}

/** The names a community sheet may have, one per language it can have been set up in. */
export function sheetNames(key: SheetKey): readonly string[] {
  return SHEETS[key].name;
}

export function roundSheetName(roundId: string, key: RoundSheetKey, lang: Lang): string {
  return `${roundId} · ${ROUND_SHEETS[key].name[LANG_INDEX[lang]]}`;
}

function columnsOf(key: AnySheetKey): Column[] {
  const layout = LAYOUTS[key];
  return (layout.keys as string[]).map((c) => (layout.columns as Record<string, Column>)[c]);
}

/** The header row in the sheet's language. */
export function header(key: AnySheetKey, lang: Lang): string[] {
  return columnsOf(key).map((c) => c.label[LANG_INDEX[lang]]);
}

export function columnNames<K extends AnySheetKey>(key: K): ColumnOf<K>[] {
  return [...LAYOUTS[key].keys] as ColumnOf<K>[];
}

/** Each column with its 1-based position, for set-up to format what the schema asks. */
export function columnSpecs(key: AnySheetKey): { position: number; column: Column }[] {
  return columnsOf(key).map((column, i) => ({ position: i + 1, column }));
}

export function width(key: AnySheetKey): number {
  return LAYOUTS[key].keys.length;
}

const INDEX = new Map<AnySheetKey, Map<string, number>>();

/** 0-based position of a column in its sheet. */
function columnIndex<K extends AnySheetKey>(key: K, column: ColumnOf<K>): number {
  let index = INDEX.get(key);
  if (!index) INDEX.set(key, (index = new Map((LAYOUTS[key].keys as string[]).map((c, i) => [c, i]))));
  const i = index.get(column);
  if (i === undefined) throw new Error(`no column ${column} in ${key}`);
  return i;
}

/** 1-based position of a column, as getRange counts. */
export function columnNumber<K extends AnySheetKey>(key: K, column: ColumnOf<K>): number {
  return columnIndex(key, column) + 1;
}

/** A1 letters of a 1-based column number: A … Z, AA, AB … */
export function columnLetter(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  return out;
}

/** A whole column in A1 notation ("B:B"), for a TextFinder over it. */
export function wholeColumn<K extends AnySheetKey>(key: K, column: ColumnOf<K>): string {
  const letter = columnLetter(columnNumber(key, column));
  return `${letter}:${letter}`;
}

/** A cell's A1 address, for messages that point a coordinator at it. */
export function cellAddress<K extends AnySheetKey>(key: K, column: ColumnOf<K>, row: number): string {
  return `${columnLetter(columnNumber(key, column))}${row}`;
}

/** Reads one column of a row by name. */
export function get<K extends AnySheetKey>(key: K, row: readonly unknown[], column: ColumnOf<K>): unknown {
  return row[columnIndex(key, column)];
}

function decimal(minor: number, currencyCode: string | undefined): number {
  if (currencyCode === undefined) throw new Error('a money column needs the currency it is in');
  return moneyNumber(minor, currency(currencyCode)?.exponent ?? 2);
}

/**
 * A money cell's number: 1234 kopecks → 12.34. Dividing gives the very double that parsing "12.34" does —
 * IEEE 754 rounds a quotient of two exact integers, and a parsed decimal, to the nearest double of the same
 * real number — without building a string per cell (a close writes one per person and money column).
 */
export function moneyNumber(minor: number, exponent: number): number {
  return Number.isSafeInteger(minor) ? minor / 10 ** exponent : Number(toDecimalString(minor, exponent));
}

function cellValue(column: Column, value: unknown, currencyCode: string | undefined): unknown {
  if (value === undefined || value === null) return '';
  switch (column.kind) {
    case 'text':
      return textCell(value, column);
    case 'money':
      return decimal(value as number, currencyCode);
    case 'date':
      return isDate(value) ? value : new Date(value as number);
    default:
      return value;
  }
}

/** Builds a full row for `key` from named values; money columns are converted from minor units of `currencyCode`. */
export function row<K extends AnySheetKey>(key: K, values: RowValues<K>, currencyCode?: string): unknown[] {
  const named = values as Record<string, unknown>;
  const columns = LAYOUTS[key].columns as Record<string, Column>;
  return (LAYOUTS[key].keys as string[]).map((c) => cellValue(columns[c], named[c], currencyCode));
}

/** Adjacent columns of a sheet, written together in one call (a bill's paid and balance, an email's state). */
export interface Span<K extends AnySheetKey, C extends ColumnOf<K>> {
  /** 1-based column of the first. */
  column: number;
  width: number;
  /** The span's cells of a full row. */
  of(row: readonly unknown[]): unknown[];
  /** The span's cells from named values, converted like `row`. */
  cells(values: Pick<RowValues<K>, C>, currencyCode?: string): unknown[];
}

export function span<K extends AnySheetKey, C extends ColumnOf<K>>(key: K, columns: readonly C[]): Span<K, C> {
  const first = columnIndex(key, columns[0]);
  columns.forEach((c, i) => {
    if (columnIndex(key, c) !== first + i) throw new Error(`${columns.join(', ')} are not adjacent in ${key}`);
  });
  const specs = columnsOf(key).slice(first, first + columns.length);
  return {
    column: first + 1,
    width: columns.length,
    of: (r) => r.slice(first, first + columns.length),
    cells: (values, currencyCode) =>
      columns.map((c, i) => cellValue(specs[i], (values as Record<string, unknown>)[c], currencyCode)),
  };
}

/** A money cell as Sheets should show it in `currencyCode`: "#,##0.00 "₽"" (no decimals for yen). */
export function moneyFormat(currencyCode: string): string {
  const info = currency(currencyCode);
  const decimals = info?.exponent ? `.${'0'.repeat(info.exponent)}` : '';
  return `#,##0${decimals} "${info?.symbol ?? currencyCode}"`;
}

/** One row of number formats for `key`: its money columns as money in `currencyCode`, the rest automatic. */
export function numberFormatRow(key: AnySheetKey, currencyCode: string): string[] {
  return columnsOf(key).map((c) => (c.kind === 'money' ? moneyFormat(currencyCode) : 'General'));
}

/** The rows set-up writes below the header of `key`, if any. */
export function startingRows(key: SheetKey, lang: Lang): unknown[][] {
  const starts = (SHEETS[key] as SheetOptions).starts;
  return starts ? starts(lang).map((values) => row(key, values as RowValues<typeof key>)) : [];
}

export function sheetOptions(key: AnySheetKey): SheetOptions {
  return LAYOUTS[key];
}
