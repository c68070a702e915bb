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
