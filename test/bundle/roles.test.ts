import { entryPoints } from '../../src/addon/entrypoints';
import { Lang } from '../../src/core/i18n/lang';
import { MessageKey, t } from '../../src/core/i18n/translate';
import { HOUR, NOW } from '../harness/community';
import { HandOutCommunity, PEOPLE, cloneOf, handOutCommunity, saveState } from '../harness/volunteers';

/**
 * Every entry point Apps Script can call, called as every role: a coordinator, the treasurer, a volunteer
 * of Дом 1 acting on Дом 1 and on Дом 2, and a stranger. The list comes from src/addon/entrypoints.ts
 * itself, so an entry point added without an expectation here fails this test. A refusal must come in
 * the caller's own language.
 */

type Role = 'coordinator' | 'finance' | 'ownBuilding' | 'otherBuilding' | 'stranger';
const ROLES: Role[] = ['stranger', 'otherBuilding', 'finance', 'ownBuilding', 'coordinator'];
const USER: Record<Role, string> = {
  coordinator: PEOPLE.coordinator,
  finance: PEOPLE.finance,
  ownBuilding: PEOPLE.olga,
  otherBuilding: PEOPLE.olga,
  stranger: PEOPLE.stranger,
};
/** Each caller's Google account language: refusals must be in it. */
const LOCALE: Record<string, { locale: string; lang: Lang }> = {
  [PEOPLE.coordinator]: { locale: 'ru_RU', lang: 'ru' },
  [PEOPLE.finance]: { locale: 'ru_RU', lang: 'ru' },
  [PEOPLE.olga]: { locale: 'zh_CN', lang: 'zh-CN' },
  [PEOPLE.stranger]: { locale: 'en_US', lang: 'en' },
};

/** Who may: the coordinator always; a building volunteer for their building; the treasurer for money. */
const ALL: Role[] = ['coordinator', 'finance', 'ownBuilding', 'otherBuilding'];
const COORDINATOR: Role[] = ['coordinator'];
const MONEY: Role[] = ['coordinator', 'finance'];
const ORDERS_OWN: Role[] = ['coordinator', 'ownBuilding'];
const ORDERS_ANY_OF_MINE: Role[] = ['coordinator', 'ownBuilding', 'otherBuilding'];
const DOOR_OWN: Role[] = ['coordinator', 'finance', 'ownBuilding'];
const EVERYONE: Role[] = [...ALL, 'stranger'];

interface Expectation {
  /** Who is let through (everyone else is refused). */
  allowed: Role[];
  /** The arguments, for a call about Дом 1 or about Дом 2. */
  args?: (c: HandOutCommunity, building: 1 | 2) => unknown[];
  authMode?: 'LIMITED' | 'FULL';
}

const inBuilding = (c: HandOutCommunity, b: 1 | 2) => (b === 1 ? c.orders.anna : c.orders.boris);
const offline = (c: HandOutCommunity, b: 1 | 2) => (b === 1 ? c.orders.nina : c.orders.petya);
const journal = (c: HandOutCommunity, b: 1 | 2, extra: Record<string, unknown> = {}) => [
  { roundId: c.handOutRound, orderKey: inBuilding(c, b), amount: '10', requestId: `r-${b}-${Math.random()}`, ...extra },
];

/** Private entry points: triggers, which run as the coordinator who installed them and never from a page. */
const TRIGGERS = ['onFormSubmit_', 'onTick_', 'onSheetEdit_'];

const EXPECTED: Record<string, Expectation> = {
  onOpen: { allowed: EVERYONE, args: () => [{ authMode: 'LIMITED' }], authMode: 'LIMITED' },
  onInstall: { allowed: EVERYONE, args: () => [{ authMode: 'FULL' }] },
  showHelp: { allowed: EVERYONE },
  setUpCommunity: { allowed: COORDINATOR },
  showSidebar: { allowed: ALL },
  showNewRound: { allowed: COORDINATOR },
  showFormLink: { allowed: ALL },
  showSupplierOrder: { allowed: COORDINATOR },
  showDistributionLists: { allowed: ALL, args: (c) => [c.handOutRound] },
  showSettings: { allowed: COORDINATOR },
  roundsScreen: { allowed: COORDINATOR },
  tallyScreen: { allowed: COORDINATOR, args: (c) => [c.openRound] },
  offlineScreen: { allowed: ORDERS_ANY_OF_MINE, args: (c) => [c.openRound] },
  settingsScreen: { allowed: COORDINATOR },
  saveSettings: { allowed: COORDINATOR, args: () => [{}] },
  listRounds: { allowed: ALL },
  createRound: {
    allowed: COORDINATOR,
    args: () => [{ title: 'Январь', deadline: new Date(NOW + 96 * HOUR).toISOString(), itemIds: ['EGGS'] }],
  },
  openRound: { allowed: COORDINATOR, args: (c) => [c.openRound] },
  extendDeadline: { allowed: COORDINATOR, args: (c) => [c.openRound, new Date(NOW + 90 * HOUR).toISOString()] },
  cancelRound: { allowed: COORDINATOR, args: (c) => [c.openRound, 'поставщик отказал'] },
  closeRound: { allowed: COORDINATOR, args: (c) => [c.openRound] },
  saveOfflineOrder: {
    allowed: ORDERS_OWN,
    args: (c, b) => [{ roundId: c.openRound, name: 'Клава', building: `Дом ${b}`, quantities: { EGGS: '1' } }],
  },
  cancelOfflineOrder: { allowed: ORDERS_OWN, args: (c, b) => [c.openRound, offline(c, b)] },
  supplierOrder: { allowed: COORDINATOR, args: (c) => [c.handOutRound] },
  recordReceipt: { allowed: COORDINATOR, args: (c) => [c.handOutRound, {}] },
  distributionLists: { allowed: ALL, args: (c) => [c.handOutRound] },
  sendVolunteerLists: { allowed: ALL, args: (c) => [c.handOutRound] },
  participantsScreen: { allowed: ALL, args: (c) => [c.handOutRound] },
  recordPayment: { allowed: DOOR_OWN, args: (c, b) => journal(c, b) },
  recordRefund: { allowed: MONEY, args: (c, b) => journal(c, b) },
  setPickedUp: { allowed: DOOR_OWN, args: (c, b) => journal(c, b, { pickedUp: true }) },
  recordSupplierPayment: { allowed: MONEY, args: (c) => [{ roundId: c.handOutRound, amount: '100', requestId: 'sup' }] },
  settleRound: { allowed: MONEY, args: (c) => [c.handOutRound] },
  purgePersonalData: { allowed: COORDINATOR, args: (c) => [c.handOutRound] },
  archiveRound: { allowed: COORDINATOR, args: (c) => [c.handOutRound] },
  emailsScreen: { allowed: COORDINATOR, args: (c) => [c.handOutRound] },
  sendQueuedEmails: { allowed: COORDINATOR },
  resolveStuckEmails: { allowed: COORDINATOR, args: () => [[], 'markSent'] },
  myBuildingScreen: { allowed: ALL, args: (c) => [c.handOutRound] },
  // Check set-up (issue 12): the coordinators'; the late-tick banner shows only to them
  checkSetup: { allowed: COORDINATOR },
  showCheckSetup: { allowed: COORDINATOR },
  takeOverTriggers: { allowed: COORDINATOR },
  setupWarnings: { allowed: ALL },
  // money to the last step (issue 14)
  receivingScreen: { allowed: COORDINATOR, args: (c) => [c.handOutRound] },
  moneyScreen: { allowed: MONEY, args: (c) => [c.handOutRound] },
  recordDeliveryPayment: { allowed: MONEY, args: (c) => [{ roundId: c.handOutRound, amount: '100', requestId: 'del' }] },
  recordFeePayout: { allowed: MONEY, args: (c) => [{ roundId: c.handOutRound, amount: '100', requestId: 'fee' }] },
  matchStatementLines: { allowed: MONEY, args: () => [{ text: '' }] },
  recordStatementPayments: { allowed: MONEY, args: () => [{ text: '', confirmed: [] }] },
  // the thank-you speaks for the community: the coordinator's, like every other email to everyone
  thankYouScreen: { allowed: COORDINATOR, args: (c) => [c.handOutRound] },
  sendThankYou: { allowed: COORDINATOR, args: (c) => [c.handOutRound] },
  // chats and paper (issue 17): a volunteer's lines outside their buildings are refused line by line
  readChatPaste: { allowed: ORDERS_ANY_OF_MINE, args: (c) => [c.openRound, 'Анна, Дом 1: яйца 1'] },
  importChatOrders: { allowed: ORDERS_ANY_OF_MINE, args: (c) => [{ roundId: c.openRound, lines: [] }] },
  chatMessagesScreen: { allowed: ALL, args: (c) => [c.handOutRound] },
  orderSlips: { allowed: ORDERS_ANY_OF_MINE, args: (c) => [c.openRound] },
  showOrderSlips: { allowed: ORDERS_ANY_OF_MINE, args: (c) => [c.openRound] },
  refreshBuildingTabs: { allowed: ALL },
  // between rounds (issue 18): complaints are entered like a pickup (a volunteer for their building),
  // decided by those who answer for the money
  roundLikePlan: { allowed: COORDINATOR, args: (c) => [c.handOutRound] },
  complaintsScreen: { allowed: ALL, args: (c) => [c.handOutRound] },
  recordComplaint: {
    allowed: DOOR_OWN,
    args: (c, b) => [
      {
        roundId: c.handOutRound,
        orderKey: inBuilding(c, b),
        itemId: 'EGGS',
        quantity: '1',
        requestId: `c-${b}-${Math.random()}`,
      },
    ],
  },
  decideComplaint: { allowed: MONEY, args: () => [{ complaintId: 'C1', decision: 'reject', reason: 'нет фото' }] },
  // needs polls speak for the community, like a round: the coordinator's
  createPoll: { allowed: COORDINATOR, args: () => [{ title: 'Что купить в декабре', itemIds: ['EGGS'] }] },
  pollsScreen: { allowed: COORDINATOR },
  roundFromPoll: { allowed: COORDINATOR, args: () => ['P1', new Date(NOW + 96 * HOUR).toISOString()] },
};

/** Every way a call can be refused for who is calling, in this caller's language. */
function refusals(lang: Lang, email: string): string[] {
  const keys: MessageKey[] = [
    'access.unknownUser',
    'access.stranger',
    'access.notYourBuilding',
    'access.needs.manageRounds',
    'access.needs.enterOrders',
    'access.needs.handOut',
    'access.needs.recordPayments',
    'access.needs.manageMoney',
  ];
  return keys.map((k) => t(lang, k, { email, buildings: 'Дом 1' }));
}

const names = Object.keys(entryPoints);
let base: HandOutCommunity;
let state: ReturnType<typeof saveState>;

beforeAll(() => {
  base = handOutCommunity();
  state = saveState(base.ws);
});

test('every entry point has an expectation here, and the private ones are the triggers', () => {
  expect(names.filter((n) => !(n in EXPECTED) && !TRIGGERS.includes(n))).toEqual([]);
  expect(names.filter((n) => n.endsWith('_')).sort()).toEqual([...TRIGGERS].sort());
});

describe.each(names.filter((n) => !TRIGGERS.includes(n)))('%s', (name) => {
  test('allowed and refused by role, refusals in the caller’s language', () => {
    const expected = EXPECTED[name];
    const { workspace: ws } = cloneOf(state);
    for (const [user, { locale }] of Object.entries(LOCALE)) ws.session.locales.set(user, locale);
    const outcome: Record<string, string> = {};
    for (const role of ROLES) {
      const user = USER[role];
      const args = expected.args?.(base, role === 'otherBuilding' ? 2 : 1) ?? [];
      const { lang } = LOCALE[user];
      try {
        ws.run(name, args, { user, authMode: expected.authMode });
        outcome[role] = 'allowed';
      } catch (err) {
        const message = String((err as Error).message);
        // Anything but a refusal for who is calling (a round in the wrong state…) got past the role check.
        outcome[role] = refusals(lang, user).includes(message) ? 'refused' : 'allowed';
        if (outcome[role] === 'allowed' && role !== 'coordinator' && !expected.allowed.includes(role))
          outcome[role] = `not refused in ${lang}: ${message}`;
      }
    }
    const want = Object.fromEntries(ROLES.map((r) => [r, expected.allowed.includes(r) ? 'allowed' : 'refused']));
    expect(outcome).toEqual(want);
  });
});

test('a refusal names what is missing, in the caller’s language', () => {
  const { workspace: ws } = cloneOf(state);
  for (const [user, { locale }] of Object.entries(LOCALE)) ws.session.locales.set(user, locale);
  const refusal = (user: string, name: string, args: unknown[] = []) => {
    try {
      ws.run(name, args, { user });
    } catch (err) {
      return (err as Error).message;
    }
    return 'allowed';
  };
  expect(refusal(PEOPLE.stranger, 'showSidebar')).toBe(
    "Your account someone@example.org is not in this community's Volunteers sheet. Ask a coordinator to add you.",
  );
  expect(refusal(PEOPLE.olga, 'closeRound', [base.openRound])).toBe('只有团长可以进行此操作。');
  expect(refusal(PEOPLE.olga, 'recordPayment', journal(base, 2))).toBe('您只能为自己负责的楼组操作：Дом 1。');
  expect(refusal(PEOPLE.finance, 'saveOfflineOrder', EXPECTED.saveOfflineOrder.args!(base, 1))).toBe(
    'Вносить заказы могут только организатор и волонтёры домов.',
  );
});

test("a volunteer's participants screen holds their building only; the treasurer's everyone", () => {
  const { workspace: ws } = cloneOf(state);
  const people = (user: string) =>
    ws
      .run<{ participants: { name: string }[] }>('participantsScreen', [base.handOutRound], { user })
      .participants.map((p) => p.name)
      .sort();
  expect(people(PEOPLE.olga)).toEqual(['Анна']);
  expect(people(PEOPLE.petr)).toEqual(['Борис']);
  expect(people(PEOPLE.finance)).toEqual(['Анна', 'Борис']);
  const offlineOrders = ws.run<{ orders: { name: string }[]; buildings: string[] }>('offlineScreen', [base.openRound], {
    user: PEOPLE.olga,
  });
  expect(offlineOrders.orders.map((o) => o.name)).toEqual(['Нина']);
  expect(offlineOrders.buildings).toEqual(['Дом 1']);
});
