import { ExportOrder, exportJielong } from '../../../src/core/chat';
import { BUILDINGS, chatCatalog } from '../chat-corpus/catalog';

const orders = (buildings: string[]): ExportOrder[] => [
  {
    person: { name: '王阿姨', building: buildings[2], flat: '502', phone: '13812345678' },
    items: [
      { itemId: 'RICE', steps: 2 },
      { itemId: 'EGGS', steps: 1 },
    ],
  },
  {
    person: { name: 'Рисовая Анна', building: buildings[0], flat: '2-502', phone: '' },
    items: [
      { itemId: 'PORK', steps: 3 },
      { itemId: 'OIL', steps: 0 },
    ],
  },
  { person: { name: 'Tom: Rice\n2. fake', building: null, flat: '', phone: '' }, items: [{ itemId: 'BUCK', steps: 1 }] },
  { person: { name: '', building: buildings[0], flat: '7', phone: '' }, items: [{ itemId: 'MILK', steps: 2 }] },
  { person: { name: 'Nobody', building: buildings[1], flat: '1', phone: '' }, items: [{ itemId: 'OIL', steps: 0 }] },
];

describe('the 接龙 list pasted back into the chat', () => {
  test('in Chinese: #接龙, the heading, groups in the Buildings sheet’s order, numbered across groups', () => {
    const text = exportJielong(orders(BUILDINGS['zh-CN']), {
      items: chatCatalog('zh-CN'),
      buildings: BUILDINGS['zh-CN'],
      lang: 'zh-CN',
      title: '第二期',
    });
    expect(text.split('\n')).toEqual([
      '#接龙',
      '第二期：目前的接龙，请核对自己的那一行。',
      '',
      '【1号楼】',
      '1. 1号楼 2单元502室 Рисовая Анна：五花肉 1.5公斤',
      '2. 1号楼 7室：牛奶 2升',
      '',
      '【3号楼】',
      '3. 3号楼 502室 王阿姨：大米 2，鸡蛋 1',
      '',
      '【未填楼号】',
      '4. Tom Rice 2. fake：荞麦 0.5公斤',
    ]);
  });

  test('in Russian: the reader’s decimal comma, the dozen named, no phone in a list the whole chat reads', () => {
    const text = exportJielong(orders(BUILDINGS.ru), { items: chatCatalog('ru'), buildings: BUILDINGS.ru, lang: 'ru' });
    expect(text.split('\n')).toEqual([
      '— Дом 1 —',
      '1. Дом 1, кв. 2-502, Рисовая Анна: Свинина 1,5 кг',
      '2. Дом 1, кв. 7: Молоко 3,2% 2 л',
      '',
      '— Дом 5 —',
      '3. Дом 5, кв. 502, 王阿姨: Рис 2, Яйца С1 1 дес.',
      '',
      '— Дом не указан —',
      '4. Tom Rice 2. fake: Гречка 0,5 кг',
    ]);
    expect(text).not.toContain('138');
  });

  test('in English, with a building that is no longer on the list grouped after the listed ones', () => {
    const list = orders(BUILDINGS.en);
    list.push({ person: { name: 'Ben', building: 'Building 9', flat: '2', phone: '' }, items: [{ itemId: 'TEA', steps: 1 }] });
    const text = exportJielong(list, { items: chatCatalog('en'), buildings: BUILDINGS.en, lang: 'en', title: '1. November' });
    expect(text.split('\n')).toEqual([
      'November: the list so far. Please check your line.',
      '',
      '— Building 1 —',
      '1. Building 1, flat 2-502, Рисовая Анна: Pork belly 1.5 kg',
      '2. Building 1, flat 7: Milk 2 l',
      '',
      '— Building 3 —',
      '3. Building 3, flat 502, 王阿姨: Rice 2, Eggs 1 dozen',
      '',
      '— Building 9 —',
      '4. Building 9, flat 2, Ben: Black tea 1',
      '',
      '— No building given —',
      '5. Tom Rice 2. fake: Buckwheat 0.5 kg',
    ]);
  });
});
