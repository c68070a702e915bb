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
