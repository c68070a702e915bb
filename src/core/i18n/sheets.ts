import { Lang } from './lang';

/**
 * The community spreadsheet's sheets and their columns, declared once. Code reads and writes columns
 * by name through this declaration, so adding a column is one edit here. Headers and sheet names are
 * written in the installing coordinator's language ([ru, zh-CN, en]).
 */
type Labels = readonly [ru: string, zh: string, en: string];

function sheet<C extends string>(name: Labels, columns: Record<C, Labels>) {
  return { name, columns, keys: Object.keys(columns) as C[] };
}

export const SHEETS = {
  catalog: sheet(['Каталог', '商品目录', 'Catalog'], {
    id: ['Код', '编号', 'ID'],
    name: ['Название', '名称', 'Name'],
    nameRu: ['Название (рус.)', '名称（俄文）', 'Name (Russian)'],
    nameZh: ['Название (кит.)', '名称（中文）', 'Name (Chinese)'],
    nameEn: ['Название (англ.)', '名称（英文）', 'Name (English)'],
    unit: ['Ед.', '单位', 'Unit'],
    price: ['Цена за ед.', '单价', 'Price per unit'],
    step: ['Шаг количества', '数量步长', 'Quantity step'],
    box: ['Кратность (в коробке)', '每箱数量', 'Box size'],
    minimum: ['Минимальный заказ', '起订量', 'Minimum total'],
    limit: ['В одни руки', '限购', 'Per-person limit'],
    stock: ['Остаток у поставщика', '库存上限', 'Stock limit'],
    retail: ['Цена в магазине', '零售价', 'Retail price'],
    supplier: ['Поставщик', '供应商', 'Supplier'],
    supplierCode: ['Артикул поставщика', '供应商编号', 'Supplier code'],
  }),
  rounds: sheet(['Закупки', '团购期数', 'Rounds'], {
    id: ['Код', '编号', 'ID'],
    title: ['Название', '名称', 'Title'],
    state: ['Состояние', '状态', 'State'],
    deadline: ['Стоп', '截单时间', 'Deadline'],
    pickupTime: ['Выдача: когда', '自提时间', 'Pickup time'],
    pickupPoints: ['Пункты выдачи', '自提点', 'Pickup points'],
    items: ['Товары', '商品', 'Items'],
    delivery: ['Доставка', '运费', 'Delivery cost'],
    deliverySplit: ['Доставка делится', '运费分摊', 'Delivery split'],
    feePercent: ['Оргсбор, %', '团长服务费 %', 'Organiser fee %'],
    rounding: ['Округление', '舍入', 'Rounding'],
    currency: ['Валюта', '货币', 'Currency'],
    formUrl: ['Ссылка на форму', '表单链接', 'Form link'],
    formEditUrl: ['Редактировать форму', '编辑表单', 'Edit form'],
    formId: ['ID формы', '表单 ID', 'Form ID'],
    responseSheet: ['Лист ответов', '回复表', 'Response sheet'],
    createdBy: ['Создал', '创建人', 'Created by'],
    updatedAt: ['Изменено', '更新时间', 'Updated'],
  }),
  orders: sheet(['Заказы', '订单', 'Orders'], {
    round: ['Закупка', '期数', 'Round'],
    orderKey: ['Код заказа', '订单编号', 'Order key'],
    source: ['Источник', '来源', 'Source'],
    revision: ['Версия', '版本', 'Revision'],
    responseAt: ['Ответ от', '回复时间', 'Response at'],
    submittedAt: ['Отправлен', '提交时间', 'Submitted'],
    firstSubmittedAt: ['Впервые', '首次提交', 'First submitted'],
    name: ['Имя', '姓名', 'Name'],
    email: ['Почта', '邮箱', 'Email'],
    phone: ['Телефон', '电话', 'Phone'],
    building: ['Дом / подъезд', '楼号', 'Building'],
    flat: ['Квартира', '房号', 'Flat'],
    pickupPoint: ['Пункт выдачи', '自提点', 'Pickup point'],
    lang: ['Язык', '语言', 'Language'],
    enteredBy: ['Внёс волонтёр', '代下单志愿者', 'Entered by'],
    item: ['Товар (код)', '商品编号', 'Item ID'],
    itemName: ['Товар', '商品', 'Item'],
    quantity: ['Количество', '数量', 'Quantity'],
    extra: ['Допуск', '可多要', "Extra I'd take"],
    queue: ['Очередь', '排队', 'Queue'],
    comment: ['Комментарий', '备注', 'Comment'],
    editUrl: ['Ссылка для правки', '修改链接', 'Edit link'],
  }),
  members: sheet(['Участники', '居民名单', 'Members'], {
    email: ['Почта', '邮箱', 'Email'],
    name: ['Имя', '姓名', 'Name'],
    phone: ['Телефон', '电话', 'Phone'],
    building: ['Дом / подъезд', '楼号', 'Building'],
    flat: ['Квартира', '房号', 'Flat'],
    lang: ['Язык', '语言', 'Language'],
    optOut: ['Не присылать напоминания', '不接收提醒', 'No reminders'],
  }),
  places: sheet(['Дома и пункты выдачи', '楼组与自提点', 'Buildings & pickup points'], {
    kind: ['Тип', '类型', 'Kind'],
    name: ['Название', '名称', 'Name'],
    notes: ['Адрес, примечание', '地址、备注', 'Address, notes'],
  }),
  volunteers: sheet(['Волонтёры', '志愿者', 'Volunteers'], {
    email: ['Почта', '邮箱', 'Email'],
    name: ['Имя', '姓名', 'Name'],
    role: ['Роль', '角色', 'Role'],
    building: ['Дом / подъезд', '负责楼号', 'Building'],
  }),
  settings: sheet(['Настройки', '设置', 'Settings'], {
    key: ['Параметр', '参数', 'Setting'],
    value: ['Значение', '值', 'Value'],
    note: ['Пояснение', '说明', 'Note'],
  }),
  log: sheet(['Журнал', '日志', 'Log'], {
    at: ['Когда', '时间', 'When'],
    round: ['Закупка', '期数', 'Round'],
    source: ['Откуда', '来源', 'Source'],
    who: ['Кто', '谁', 'Who'],
    severity: ['Важность', '级别', 'Severity'],
    problem: ['Что случилось', '问题', 'Problem'],
  }),
  journal: sheet(['Касса', '收支流水', 'Journal'], {
    at: ['Когда', '时间', 'When'],
    round: ['Закупка', '期数', 'Round'],
    orderKey: ['Код заказа', '订单编号', 'Order key'],
    who: ['Участник', '居民', 'Participant'],
    identity: ['Кто (для переплат)', '身份（用于余额）', 'Identity (for credit)'],
    kind: ['Операция', '类型', 'Kind'],
    amount: ['Сумма', '金额', 'Amount'],
    method: ['Способ', '方式', 'Method'],
    recordedBy: ['Записал', '记录人', 'Recorded by'],
    note: ['Примечание', '备注', 'Note'],
    requestId: ['ID запроса', '请求 ID', 'Request ID'],
  }),
  outbox: sheet(['Письма', '邮件队列', 'Outbox'], {
    key: ['Ключ', '键', 'Key'],
    round: ['Закупка', '期数', 'Round'],
    orderKey: ['Код заказа', '订单编号', 'Order key'],
    kind: ['Вид письма', '邮件类型', 'Kind'],
    to: ['Кому', '收件人', 'To'],
    lang: ['Язык', '语言', 'Language'],
    subject: ['Тема', '主题', 'Subject'],
    state: ['Состояние', '状态', 'State'],
    attempts: ['Попыток', '尝试次数', 'Attempts'],
    updatedAt: ['Изменено', '更新时间', 'Updated'],
    error: ['Ошибка', '错误', 'Error'],
    body: ['Текст', '正文', 'Text'],
    html: ['HTML', 'HTML', 'HTML'],
  }),
  ledger: sheet(['Ведомость', '公开账目', 'Ledger'], {
    round: ['Закупка', '期数', 'Round'],
    title: ['Название', '名称', 'Title'],
    state: ['Состояние', '状态', 'State'],
    goods: ['Товары', '商品', 'Goods'],
    delivery: ['Доставка', '运费', 'Delivery'],
    fee: ['Оргсбор', '服务费', 'Fee'],
    billed: ['Выставлено', '应收', 'Billed'],
    collected: ['Собрано', '已收', 'Collected'],
    credit: ['Зачтено из переплат', '抵扣余额', 'Credit used'],
    supplier: ['Оплачено поставщику', '付给供应商', 'Paid to supplier'],
    balance: ['Остаток', '结余', 'Balance'],
    outstanding: ['Долги участников', '未收', 'Outstanding'],
    rounding: ['Округление', '舍入差', 'Rounding'],
    saving: ['Экономия против магазина', '比零售节省', 'Saved vs retail'],
    updatedAt: ['Изменено', '更新时间', 'Updated'],
  }),
};

export type SheetKey = keyof typeof SHEETS;
export type ColumnOf<K extends SheetKey> = (typeof SHEETS)[K]['keys'][number];

const INDEX: Record<Lang, number> = { ru: 0, 'zh-CN': 1, en: 2 };

export function sheetName(key: SheetKey, lang: Lang): string {
  return SHEETS[key].name[INDEX[lang]];
}

export function headerRow(key: SheetKey, lang: Lang): string[] {
  const cols = SHEETS[key].columns as Record<string, Labels>;
  return SHEETS[key].keys.map((c) => cols[c][INDEX[lang]]);
}

/** 0-based position of a column in its sheet. */
export function columnIndex<K extends SheetKey>(key: K, column: ColumnOf<K>): number {
  return (SHEETS[key].keys as string[]).indexOf(column);
}

/** Sheets written per round when it closes (named "<round id> · <kind>"), declared the same way. */
export const RESULT_SHEETS = {
  tally: sheet(['Итоги', '汇总', 'Tally'], {
    item: ['Код', '编号', 'ID'],
    name: ['Товар', '商品', 'Item'],
    unit: ['Ед.', '单位', 'Unit'],
    ordered: ['Заказано', '订购', 'Ordered'],
    extras: ['Допуск', '可多要', 'Extras'],
    box: ['Кратность', '每箱', 'Box'],
    boxes: ['Коробок', '箱数', 'Boxes'],
    units: ['Купить', '采购量', 'To buy'],
    received: ['Получено', '到货', 'Received'],
    status: ['Статус', '状态', 'Status'],
    toComplete: ['До полной коробки', '凑满一箱还差', 'To complete a box'],
    price: ['Цена', '单价', 'Price'],
    total: ['Сумма', '金额', 'Total'],
  }),
  allocation: sheet(['Распределение', '分配', 'Allocation'], {
    orderKey: ['Код заказа', '订单编号', 'Order key'],
    name: ['Участник', '居民', 'Participant'],
    building: ['Дом', '楼号', 'Building'],
    item: ['Товар', '商品', 'Item'],
    ordered: ['Заказано', '订购', 'Ordered'],
    extra: ['Допуск', '可多要', 'Extra'],
    allocated: ['Получит', '分到', 'Allocated'],
    price: ['Цена', '单价', 'Price'],
    line: ['Сумма', '金额', 'Line total'],
  }),
  bills: sheet(['Счета', '账单', 'Bills'], {
    orderKey: ['Код заказа', '订单编号', 'Order key'],
    name: ['Участник', '居民', 'Participant'],
    email: ['Почта', '邮箱', 'Email'],
    building: ['Дом', '楼号', 'Building'],
    flat: ['Кв.', '房号', 'Flat'],
    pickupPoint: ['Пункт выдачи', '自提点', 'Pickup point'],
    goods: ['Товары', '商品', 'Goods'],
    delivery: ['Доставка', '运费', 'Delivery'],
    fee: ['Оргсбор', '服务费', 'Fee'],
    total: ['Итого', '合计', 'Total'],
    saving: ['Экономия', '节省', 'Saved'],
    credit: ['Зачтено', '抵扣', 'Credit'],
    paid: ['Оплачено', '已付', 'Paid'],
    balance: ['К оплате', '待付', 'Balance'],
    pickedUp: ['Выдано', '已领取', 'Picked up'],
  }),
  supplier: sheet(['Заказ поставщику', '供应商订单', 'Supplier order'], {
    supplier: ['Поставщик', '供应商', 'Supplier'],
    code: ['Артикул', '编号', 'Code'],
    item: ['Товар', '商品', 'Item'],
    unit: ['Ед.', '单位', 'Unit'],
    boxes: ['Коробок', '箱数', 'Boxes'],
    units: ['Количество', '数量', 'Quantity'],
    price: ['Цена', '单价', 'Price'],
    total: ['Сумма', '金额', 'Total'],
  }),
  distribution: sheet(['Выдача', '分发', 'Distribution'], {
    place: ['Дом / пункт', '楼组 / 自提点', 'Building / point'],
    flat: ['Кв.', '房号', 'Flat'],
    name: ['Участник', '居民', 'Participant'],
    phone: ['Телефон', '电话', 'Phone'],
    items: ['Товары', '商品', 'Items'],
    due: ['К оплате', '待付', 'Due'],
    paid: ['Оплачено', '已付', 'Paid'],
    pickedUp: ['Выдано', '已领取', 'Picked up'],
  }),
};

export type ResultKey = keyof typeof RESULT_SHEETS;

export function resultSheetName(roundId: string, key: ResultKey, lang: Lang): string {
  return `${roundId} · ${RESULT_SHEETS[key].name[INDEX[lang]]}`;
}

export function resultHeader(key: ResultKey, lang: Lang): string[] {
  const cols = RESULT_SHEETS[key].columns as Record<string, Labels>;
  return RESULT_SHEETS[key].keys.map((c) => cols[c][INDEX[lang]]);
}
