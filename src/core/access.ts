import { Role } from './i18n/labels';

/**
 * Who may do what in a community. Roles come from the Volunteers sheet; the spreadsheet's owner and
 * the coordinator who set the community up are coordinators whatever the sheet says, so nobody can lock
 * the community out of itself by editing a row.
 *
 * - coordinator: everything;
 * - finance (казначей, 财务): payments, refunds, money paid out, settling; sees everyone's accounts;
 * - building volunteer: orders, the list, pickups and payments of their own building(s) only;
 * - anyone else (or an account whose email Google does not reveal): nothing.
 */
export type Capability =
  /** Rounds, settings, catalog, supplier order, receiving, emails, purge, chat texts for the whole community. */
  | 'manageRounds'
  /** Orders entered for neighbours (offline, chat import, paper slips). Scoped to a building for volunteers. */
  | 'enterOrders'
  /** Distribution lists and pickups. Scoped to a building for volunteers. */
  | 'handOut'
  /** Payments received from residents. Scoped to a building for volunteers. */
  | 'recordPayments'
  /** Refunds, supplier/delivery/fee payments, statement matching, settling a round. */
  | 'manageMoney';

export const CAPABILITIES: readonly Capability[] = ['manageRounds', 'enterOrders', 'handOut', 'recordPayments', 'manageMoney'];

const GRANTS: Record<Role, readonly Capability[]> = {
  coordinator: CAPABILITIES,
  finance: ['recordPayments', 'manageMoney', 'handOut'],
  volunteer: ['enterOrders', 'handOut', 'recordPayments'],
};

/** Capabilities a building volunteer holds only for their own building(s). */
const SCOPED: readonly Capability[] = ['enterOrders', 'handOut', 'recordPayments'];

export interface Access {
  /** Lower-cased; '' when Google does not reveal who the caller is. */
  email: string;
  /** null: a stranger to this community. */
  role: Role | null;
  /** For a building volunteer: the buildings they cover (as typed in the Volunteers sheet). */
  buildings: string[];
}

export interface AccessSources {
  /** Always coordinators: the spreadsheet's owner and whoever set the community up. */
  owners: readonly string[];
  volunteers: readonly { email: string; role: Role | null; building: string }[];
}

const RANK: Record<Role, number> = { volunteer: 1, finance: 2, coordinator: 3 };
const norm = (email: string) => email.trim().toLowerCase();

/** The caller's access: the highest role of their rows, and every building their volunteer rows name. */
export function accessOf(email: string, sources: AccessSources): Access {
  const me = norm(email);
  if (!me) return { email: '', role: null, buildings: [] };
  if (sources.owners.some((o) => norm(o) === me)) return { email: me, role: 'coordinator', buildings: [] };
  let role: Role | null = null;
  const buildings: string[] = [];
  for (const v of sources.volunteers) {
    if (norm(v.email) !== me || !v.role) continue;
    if (!role || RANK[v.role] > RANK[role]) role = v.role;
    const building = v.building.trim();
    if (v.role === 'volunteer' && building && !buildings.includes(building)) buildings.push(building);
  }
  return { email: me, role, buildings };
}

/**
 * Whether the caller may use a capability; for a building volunteer, scoped capabilities need the
 * building the action is about (undefined: "any of theirs", e.g. opening their own screen).
 */
export function allows(access: Access, capability: Capability, building?: string): boolean {
  if (!access.role || !GRANTS[access.role].includes(capability)) return false;
  if (access.role !== 'volunteer' || !SCOPED.includes(capability)) return true;
  if (building === undefined) return access.buildings.length > 0;
  const b = building.trim().toLowerCase();
  return access.buildings.some((mine) => mine.toLowerCase() === b);
}

/** Why a call is refused, as a message key for the caller's language. */
export type Refusal = 'access.unknownUser' | 'access.stranger' | 'access.notYourBuilding' | `access.needs.${Capability}`;

export function refusal(access: Access, capability: Capability, building?: string): Refusal | null {
  if (allows(access, capability, building)) return null;
  if (!access.email) return 'access.unknownUser';
  if (!access.role) return 'access.stranger';
  if (access.role === 'volunteer' && GRANTS.volunteer.includes(capability)) return 'access.notYourBuilding';
  return `access.needs.${capability}`;
}

/** Refuses anyone without a role in this community (screens every member may open, whatever their role). */
export function memberRefusal(access: Access): Refusal | null {
  if (access.role) return null;
  return access.email ? 'access.stranger' : 'access.unknownUser';
}

/**
 * Who may edit a sheet by hand, by tier. An add-on call from the sidebar runs as the person at the
 * keyboard, so Sheets applies the same protection to the add-on writing for them: every sheet an action
 * writes must list everyone whose role allows that action.
 *
 * - coordinators: Catalog, Settings, Volunteers, Members, places, a round's tally, allocation and supplier
 *   order — written only by coordinators' actions;
 * - team: every account with a role — the sheets volunteers' and the treasurer's actions write (orders,
 *   journal, bills, outbox, ledger, log, rounds when a treasurer settles);
 * - a building's hand-out tab: its volunteers, the treasurer and the coordinators.
 */
export type EditTier = 'coordinators' | 'team' | { building: string };

export function editorsOf(tier: EditTier, sources: AccessSources): string[] {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const wanted = (v: AccessSources['volunteers'][number]) => {
    if (!v.role || !norm(v.email)) return false;
    if (tier === 'team' || v.role === 'coordinator') return true;
    if (tier === 'coordinators') return false;
    return v.role === 'finance' || same(v.building, tier.building);
  };
  const emails = [...sources.owners, ...sources.volunteers.filter(wanted).map((v) => v.email)].map(norm).filter(Boolean);
  return [...new Set(emails)].sort();
}
