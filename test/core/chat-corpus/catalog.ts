import { ChatItem } from '../../../src/core/chat';
import { Lang } from '../../../src/core/i18n/lang';

/**
 * The catalog the corpus is read against: one community's items with their names in the three languages
 * and the short words residents actually type (the catalog's aliases column). The unit column is typed
 * once, in the coordinator's language, so each corpus gets the units its coordinator would type.
 */
const ROWS: [
  id: string,
  ru: string,
  zh: string,
  en: string,
  step: number,
  units: [ru: string, zh: string, en: string],
  aliases: string[],
][] = [
  ['RICE', 'Рис', '大米', 'Rice', 1, ['уп.', '袋', 'bag'], ['米', 'рисик']],
  ['BUCK', 'Гречка', '荞麦', 'Buckwheat', 0.5, ['кг', '公斤', 'kg'], ['греча', 'гречневая крупа', '荞麦米']],
  ['EGGS', 'Яйца С1', '鸡蛋', 'Eggs', 1, ['дес.', '盒', 'dozen'], ['яйцо', '蛋', '鸡旦', 'egg']],
  [
    'OIL',
    'Масло подсолнечное',
    '葵花籽油',
    'Sunflower oil',
    1,
    ['бут.', '瓶', 'bottle'],
    ['подсолнечное', 'растительное масло', '油', '食用油', 'oil'],
  ],
  ['BUTTER', 'Масло сливочное', '黄油', 'Butter', 1, ['шт', '块', 'pack'], ['сливочное']],
  ['MILK', 'Молоко 3,2%', '牛奶', 'Milk', 1, ['л', '升', 'l'], ['молоко', '奶']],
  ['KEFIR', 'Кефир', '酸奶', 'Kefir', 1, ['л', '升', 'l'], ['yogurt', 'yoghurt']],
  ['FLOUR', 'Мука', '面粉', 'Flour', 1, ['кг', '公斤', 'kg'], ['мучка']],
  ['TEA', 'Чай чёрный', '红茶', 'Black tea', 1, ['уп.', '盒', 'box'], ['чай', '茶', 'tea']],
  ['PORK', 'Свинина', '五花肉', 'Pork belly', 0.5, ['кг', '公斤', 'kg'], ['猪肉', '肉', 'pork', 'свиная грудинка']],
  ['CHICKEN', 'Куриное филе', '鸡胸肉', 'Chicken breast', 0.5, ['кг', '公斤', 'kg'], ['курица', 'филе', '鸡胸', 'chicken']],
  ['SUGAR', 'Сахар', '白糖', 'Sugar', 1, ['кг', '公斤', 'kg'], ['糖', 'сахарок']],
  ['APPLE', 'Яблоки', '苹果', 'Apples', 0.5, ['кг', '公斤', 'kg'], ['яблочки']],
  ['PAPER', 'Бумага туалетная', '卫生纸', 'Toilet paper', 1, ['уп.', '提', 'pack'], ['туалетка', '纸', 'tp']],
  ['SOY', 'Соевый соус', '酱油', 'Soy sauce', 1, ['бут.', '瓶', 'bottle'], ['соус', '生抽']],
  ['NOODLES', 'Лапша', '挂面', 'Noodles', 1, ['уп.', '包', 'pack'], ['面条', '面']],
  ['POTATO', 'Картофель', '土豆', 'Potatoes', 1, ['кг', '公斤', 'kg'], ['картошка', '马铃薯', 'potato']],
];

const UNIT_COLUMN: Record<Lang, number> = { ru: 0, 'zh-CN': 1, en: 2 };

export function chatCatalog(coordinatorLang: Lang): ChatItem[] {
  return ROWS.map(([id, ru, zh, en, step, units, aliases]) => ({
    id,
    name: { default: coordinatorLang === 'ru' ? ru : coordinatorLang === 'en' ? en : zh, ru, 'zh-CN': zh, en },
    unit: units[UNIT_COLUMN[coordinatorLang]],
    stepMilli: Math.round(step * 1000),
    aliases,
  }));
}

/** The Buildings sheet of each community, as its coordinator typed it. */
export const BUILDINGS: Record<Lang, string[]> = {
  'zh-CN': ['1号楼', '2号楼', '3号楼', '5号楼', '12号楼'],
  ru: ['Дом 1', 'Дом 3', 'Дом 5', 'Корпус 2'],
  en: ['Building 1', 'Building 2', 'Building 3', 'Tower A'],
};
