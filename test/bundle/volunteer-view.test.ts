import { HandOutCommunity, PEOPLE, cloneOf, handOutCommunity, saveState } from '../harness/volunteers';

/** A building volunteer's own view: "My building" in the sidebar, and their list by email. */

let base: HandOutCommunity;
let state: ReturnType<typeof saveState>;
beforeAll(() => {
  base = handOutCommunity();
  state = saveState(base.ws);
});

function community() {
  const ws = cloneOf(state).workspace;
  ws.session.locales.set(ws.owner, 'ru_RU');
  ws.session.locales.set(PEOPLE.olga, 'zh_CN');
  return ws;
}

interface MyBuilding {
  buildings: string[];
  tabs: string[];
  round: { id: string; state: string } | null;
  rounds: { id: string }[];
  list: { participants: { name: string; items: { name: string; quantity: string }[] }[] } | null;
  orders: number;
  counts: { people: number; pickedUp: number; paid: number };
}

describe('"My building"', () => {
  test('the sidebar opens on it, titled in the volunteer’s language, with no coordinator screens', () => {
    const ws = community();
    ws.run('showSidebar', [], { user: PEOPLE.olga });
    const page = ws.ui.pages.at(-1)!;
    expect(page.title).toBe('我的楼组');
    expect(page.html.getContent()).toContain('data-view="volunteer"');
  });

  test('the round being handed out, their residents only, items in their language, and which tab to open on a phone', () => {
    const ws = community();
    const mine = ws.run<MyBuilding>('myBuildingScreen', [''], { user: PEOPLE.olga });
    expect(mine.buildings).toEqual(['Дом 1']);
    expect(mine.tabs).toEqual(['🏠 Дом 1']);
    expect(mine.round?.id).toBe(base.handOutRound);
    expect(mine.list?.participants.map((p) => [p.name, p.items.map((i) => `${i.name} ${i.quantity}`)])).toEqual([
      ['Анна', ['鸡蛋 2盒（10个）']],
    ]);
    expect(mine.counts).toEqual({ people: 1, pickedUp: 0, paid: 0, outstandingMinor: expect.any(Number) });
    ws.run('setPickedUp', [{ roundId: base.handOutRound, orderKey: base.orders.anna, pickedUp: true, requestId: 'p' }], {
      user: PEOPLE.olga,
    });
    expect(ws.run<MyBuilding>('myBuildingScreen', [''], { user: PEOPLE.olga }).counts.pickedUp).toBe(1);
  });

  test('an open round shows how many orders the building has, not anyone else’s', () => {
    const ws = community();
    const open = ws.run<MyBuilding>('myBuildingScreen', [base.openRound], { user: PEOPLE.olga });
    expect(open.round?.state).toBe('open');
    expect(open.list).toBeNull();
    expect(open.orders).toBe(1);
  });
});

describe('the list by email', () => {
  function sent(ws: ReturnType<typeof community>) {
    ws.run('sendQueuedEmails');
    return ws.mail.sent.filter((m) => m.subject.includes('Дом'));
  }

  test('a volunteer sends themselves their own list, in their language, one card per resident', () => {
    const ws = community();
    ws.run('sendVolunteerLists', [base.handOutRound], { user: PEOPLE.olga });
    const mails = sent(ws);
    expect(mails.map((m) => m.to)).toEqual([PEOPLE.olga]);
    const [mail] = mails;
    expect(mail.subject).toBe('Ноябрь：Дом 1分发名单');
    expect(mail.body).toContain('自提：суббота 10–12，Дом 1。');
    expect(mail.body).toContain('• Анна — ');
    expect(mail.body).toContain('  商品：鸡蛋 2盒（10个）');
    expect(mail.htmlBody).not.toMatch(/<table/);
  });

  test('the coordinator sends every building its list, each volunteer in their own language', () => {
    const ws = community();
    ws.run('sendVolunteerLists', [base.handOutRound]);
    const mails = sent(ws);
    expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual([
      [PEOPLE.olga, 'Ноябрь：Дом 1分发名单'],
      [PEOPLE.petr, 'Ноябрь: список выдачи — Дом 2'],
      [PEOPLE.tanya, 'Ноябрь: список выдачи — Дом 1'],
    ]);
  });
});
