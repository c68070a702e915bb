import { ChatContext, readChat } from '../../../src/core/chat';
import { indexBuildings } from '../../../src/core/chat/address';
import { chatCatalog } from '../chat-corpus/catalog';

/** How the line's building and flat are read, with the reasons about them. */
function where(line: string, buildings: string[], extra: Partial<ChatContext> = {}) {
  const [read] = readChat(line, { items: chatCatalog('ru'), buildings, ...extra }).lines;
  const p = read.order!.person;
  const reasons = read.reasons.map((r) => r.key.replace('chat.reason.', '')).filter((k) => /building|Building/i.test(k));
  return { building: p.building, flat: p.flat, reasons };
}

describe('the Buildings sheet as typed', () => {
  test('each name is read into what it is made of', () => {
    const index = indexBuildings(['3号楼', 'Дом 1', 'Корпус 2', 'Building 2', 'Tower A', 'Северный', ' ']);
    expect(index.entries.map((e) => [e.name, e.parts.map((p) => `${p.kind}:${p.id}`)])).toEqual([
      ['3号楼', ['building:3']],
      ['Дом 1', ['building:1']],
      ['Корпус 2', ['korpus:2']],
      ['Building 2', ['building:2']],
      ['Tower A', ['building:a']],
      ['Северный', []],
    ]);
  });
});

describe('buildings and flats in a Shanghai 接龙', () => {
  const list = ['1号楼', '3号楼', '12号楼'];
  test.each([
    ['3号楼502', '3号楼', '502'],
    ['3栋502', '3号楼', '502'],
    ['3幢502', '3号楼', '502'],
    ['3-502', '3号楼', '502'],
    ['3幢2单元502', '3号楼', '2-502'],
    ['3-2-502', '3号楼', '2-502'],
    ['三号楼502', '3号楼', '502'],
    ['3号楼 502室', '3号楼', '502'],
    ['12号楼3单元401', '12号楼', '3-401'],
    ['3号楼', '3号楼', ''],
  ])('%s is %s, flat "%s"', (typed, building, flat) => {
    expect(where(`${typed} 王阿姨 大米1`, list)).toEqual({ building, flat, reasons: [] });
  });

  test('13号楼 is not 3号楼: a building not on the list is reported with what was typed', () => {
    expect(where('13号楼502 大米1', list)).toEqual({ building: null, flat: '502', reasons: ['buildingUnknown'] });
    const [line] = readChat('13号楼502 大米1', { items: chatCatalog('zh-CN'), buildings: list }).lines;
    expect(line.reasons.find((r) => r.key === 'chat.reason.buildingUnknown')?.value).toBe('13号楼');
  });

  test('"2-3 кг" after an item is a range, not building 2 flat 3', () => {
    expect(where('Никитина рис 2-3 кг', ['Дом 2']).building).toBeNull();
  });
});

describe('buildings and flats in a Russian chat', () => {
  const list = ['Дом 1', 'Дом 3', 'Корпус 2'];
  test.each([
    ['д.3 кв.45', 'Дом 3', '45'],
    ['дом 3, кв 45', 'Дом 3', '45'],
    ['Д3 КВ45', 'Дом 3', '45'],
    ['д 3 квартира 45', 'Дом 3', '45'],
    ['кв. 45, дом 3', 'Дом 3', '45'],
    ['корп. 2 кв 5', 'Корпус 2', '5'],
    ['корпус 2, кв. 5', 'Корпус 2', '5'],
    ['Дом 1', 'Дом 1', ''],
  ])('%s is %s, flat "%s"', (typed, building, flat) => {
    expect(where(`Иванова ${typed} рис 1`, list)).toEqual({ building, flat, reasons: [] });
  });

  test('дом 13 is not Дом 1 or Дом 3', () => {
    expect(where('Иванова дом 13 кв 4 рис 1', list)).toEqual({ building: null, flat: '4', reasons: ['buildingUnknown'] });
  });

  test('a flat without a building asks which building, unless the chat is one building’s group', () => {
    expect(where('Иванова кв.45 рис 1', list)).toEqual({ building: null, flat: '45', reasons: ['noBuilding'] });
    expect(where('Иванова кв.45 рис 1', list, { defaultBuilding: 'Дом 3' })).toEqual({
      building: 'Дом 3',
      flat: '45',
      reasons: [],
    });
    expect(where('Иванова кв.45 рис 1', ['Дом 3'])).toEqual({ building: 'Дом 3', flat: '45', reasons: [] });
  });

  test('"д.3" when the list has both Дом 3 and Building 3 is ambiguous', () => {
    expect(where('Иванова д.3 кв.4 рис 1', ['Дом 3', 'Building 3'])).toEqual({
      building: null,
      flat: '4',
      reasons: ['buildingAmbiguous'],
    });
  });
});

describe('buildings and flats in an English chat', () => {
  const list = ['Building 1', 'Building 2', 'Tower A'];
  test.each([
    ['building 2 flat 5', 'Building 2', '5'],
    ['Bldg 2 #14', 'Building 2', '14'],
    ['bldg. 2, apt 3', 'Building 2', '3'],
    ['B2 apt 4', 'Building 2', '4'],
    ['tower a 1203', 'Tower A', '1203'],
    ['Tower A, flat 502', 'Tower A', '502'],
  ])('%s is %s, flat "%s"', (typed, building, flat) => {
    expect(where(`Anna, ${typed}: rice 1`, list)).toEqual({ building, flat, reasons: [] });
  });

  test('flat 3 and apt 3 are flats; "tower apartments" is not Tower A', () => {
    expect(where('Anna, flat 3: rice 1', list)).toEqual({ building: null, flat: '3', reasons: ['noBuilding'] });
    expect(where('Anna, apt 3: rice 1', list)).toEqual({ building: null, flat: '3', reasons: ['noBuilding'] });
    expect(where('Anna, tower apartments: rice 1', list).building).toBeNull();
  });

  test('a phone number is never read as a building and a flat', () => {
    const [line] = readChat('Тарасова 8 916 765-43-21 д.5 кв.19 гречка 1', {
      items: chatCatalog('ru'),
      buildings: ['Дом 5'],
    }).lines;
    expect(line.order!.person).toMatchObject({ building: 'Дом 5', flat: '19', phone: '89167654321' });
  });
});
