import { Access, CAPABILITIES, accessOf, allows, refusal } from '../../src/core/access';

const sources = {
  owners: ['Owner@Example.org'],
  volunteers: [
    { email: 'olga@example.org', role: 'volunteer' as const, building: 'Дом 1' },
    { email: 'olga@example.org', role: 'volunteer' as const, building: 'Дом 3' },
    { email: 'tamara@example.org', role: 'finance' as const, building: '' },
    { email: 'ivan@example.org', role: 'coordinator' as const, building: '' },
    { email: 'both@example.org', role: 'volunteer' as const, building: 'Дом 2' },
    { email: 'both@example.org', role: 'coordinator' as const, building: '' },
    { email: 'typo@example.org', role: null, building: 'Дом 1' },
  ],
};

describe('who may do what in a community', () => {
  test('the spreadsheet owner is a coordinator even when no row names them, whatever the case of the address', () => {
    expect(accessOf('owner@example.org', sources)).toEqual({ email: 'owner@example.org', role: 'coordinator', buildings: [] });
  });

  test('a coordinator may do everything, a stranger nothing', () => {
    const ivan = accessOf('ivan@example.org', sources);
    const stranger = accessOf('someone@example.org', sources);
    for (const c of CAPABILITIES) {
      expect(allows(ivan, c, 'Дом 2')).toBe(true);
      expect(allows(stranger, c, 'Дом 2')).toBe(false);
    }
  });

  test('a building volunteer covers their own buildings only, and never rounds or money paid out', () => {
    const olga = accessOf('olga@example.org', sources);
    expect(olga.buildings).toEqual(['Дом 1', 'Дом 3']);
    expect(allows(olga, 'enterOrders', 'Дом 1')).toBe(true);
    expect(allows(olga, 'recordPayments', 'дом 3')).toBe(true);
    expect(allows(olga, 'handOut')).toBe(true);
    expect(allows(olga, 'enterOrders', 'Дом 2')).toBe(false);
    expect(allows(olga, 'manageRounds')).toBe(false);
    expect(allows(olga, 'manageMoney')).toBe(false);
  });

  test('the treasurer records payments for every building and pays out, but does not run rounds or enter orders', () => {
    const tamara = accessOf('tamara@example.org', sources);
    expect(allows(tamara, 'recordPayments', 'Дом 2')).toBe(true);
    expect(allows(tamara, 'manageMoney')).toBe(true);
    expect(allows(tamara, 'manageRounds')).toBe(false);
    expect(allows(tamara, 'enterOrders', 'Дом 1')).toBe(false);
  });

  test('two rows for one person: the higher role wins', () => {
    expect(accessOf('both@example.org', sources).role).toBe('coordinator');
  });

  test('a row whose role cannot be read grants nothing', () => {
    expect(accessOf('typo@example.org', sources).role).toBeNull();
  });

  test('a refusal says why: unknown account, stranger, another building, or the role it needs', () => {
    const blank: Access = accessOf('', sources);
    expect(refusal(blank, 'handOut')).toBe('access.unknownUser');
    expect(refusal(accessOf('x@example.org', sources), 'handOut')).toBe('access.stranger');
    expect(refusal(accessOf('olga@example.org', sources), 'recordPayments', 'Дом 2')).toBe('access.notYourBuilding');
    expect(refusal(accessOf('olga@example.org', sources), 'manageMoney')).toBe('access.needs.manageMoney');
    expect(refusal(accessOf('tamara@example.org', sources), 'manageRounds')).toBe('access.needs.manageRounds');
    expect(refusal(accessOf('olga@example.org', sources), 'recordPayments', 'Дом 1')).toBeNull();
  });
});
