import { LoadedAddOn, Workspace, WorkspaceState, loadState, saveState } from '../../local/emulator';
import { loadAddOn } from './bundle';
import { Community, HOUR, NOW, openCommunity, submit, typeRows, yes } from './community';

/** The people of the role tests: a coordinator (the file's owner), a treasurer, two building volunteers, a stranger. */
export const PEOPLE = {
  coordinator: 'coordinator@example.org',
  finance: 'irina@example.org',
  /** Covers Дом 1, reads Chinese. */
  olga: 'olga@example.org',
  /** Also covers Дом 1 (two volunteers ticking at once). */
  tanya: 'tanya@example.org',
  /** Covers Дом 2. */
  petr: 'petr@example.org',
  stranger: 'someone@example.org',
};

/** The Volunteers sheet as the coordinator types it. */
export function typeVolunteers(ws: Workspace): void {
  typeRows(ws, 'Волонтёры', [
    [PEOPLE.olga, 'Ольга', 'волонтёр', 'Дом 1', 'zh-CN'],
    [PEOPLE.tanya, 'Таня', 'волонтёр', 'Дом 1', ''],
    [PEOPLE.petr, 'Пётр', 'волонтёр', 'Дом 2', ''],
    [PEOPLE.finance, 'Ирина', 'казначей', '', ''],
  ]);
}

export interface HandOutCommunity extends Community {
  /** R1, goods arrived: Анна (Дом 1) and Борис (Дом 2) to hand out. */
  handOutRound: string;
  /** R2, open: an offline order in each building. */
  openRound: string;
  orders: { anna: string; boris: string; nina: string; petya: string };
}

/** The order key of a resident's order in a round, read from the Orders sheet. */
export function orderKeyOf(ws: Workspace, roundId: string, name: string): string {
  const sheet = ws.spreadsheet.sheet('Заказы')!;
  for (let r = 2; r <= sheet.dataExtent().rows; r++)
    if (sheet.read(r, 1) === roundId && sheet.read(r, 8) === name) return String(sheet.read(r, 2));
  throw new Error(`no order of ${name} in ${roundId}`);
}

/**
 * A community in the middle of things: R1's goods have arrived and are being handed out in Дом 1 and
 * Дом 2; R2 is open, with an order entered for a neighbour in each building. The buildings' tabs are
 * written.
 */
export function handOutCommunity(): HandOutCommunity {
  const c = openCommunity();
  typeVolunteers(c.ws);
  submit(c, { name: 'Анна', building: 'Дом 1', flat: '5', phone: '+7 900 000-00-01', items: { EGGS: '2', FLOUR: '1' } });
  submit(c, { name: 'Борис', building: 'Дом 2', flat: '7', items: { EGGS: '1' } });
  yes(c.ws, 'closeRound', [c.roundId]);
  c.ws.run('supplierOrder', [c.roundId]);
  yes(c.ws, 'recordReceipt', [c.roundId, {}]);
  const next = c.ws.run<{ id: string }>('createRound', [
    { title: 'Декабрь', deadline: new Date(NOW + 72 * HOUR).toISOString(), itemIds: ['EGGS', 'FLOUR'], pickupTime: 'вс 12:00' },
  ]);
  c.ws.run('openRound', [next.id]);
  const offline = (name: string, building: string) =>
    c.ws.run<{ orderKey: string }>('saveOfflineOrder', [{ roundId: next.id, name, building, quantities: { EGGS: '1' } }])
      .orderKey;
  const nina = offline('Нина', 'Дом 1');
  const petya = offline('Петя', 'Дом 2');
  c.ws.run('refreshBuildingTabs');
  return {
    ...c,
    handOutRound: c.roundId,
    openRound: next.id,
    orders: { anna: orderKeyOf(c.ws, c.roundId, 'Анна'), boris: orderKeyOf(c.ws, c.roundId, 'Борис'), nina, petya },
  };
}

/** The same community again in a fresh emulator (a saved state is much quicker than replaying it). */
export function cloneOf(state: WorkspaceState): LoadedAddOn {
  const loaded = loadAddOn({ now: NOW });
  loadState(loaded.workspace, state);
  return loaded;
}

export { saveState };
