import { Lang } from './lang';

/** Words a coordinator picks from dropdowns in the sheets; any language's word is understood when read back. */
export const PLACE_KINDS = ['building', 'pickup'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const ROLES = ['coordinator', 'volunteer', 'finance'] as const;
export type Role = (typeof ROLES)[number];

const PLACE: Record<PlaceKind, [string, string, string]> = {
  building: ['дом / подъезд', '楼组', 'building'],
  pickup: ['пункт выдачи', '自提点', 'pickup point'],
};
const ROLE: Record<Role, [string, string, string]> = {
  coordinator: ['организатор', '团长', 'coordinator'],
  volunteer: ['волонтёр', '楼组志愿者', 'volunteer'],
  finance: ['казначей', '财务', 'finance'],
};
const I: Record<Lang, number> = { ru: 0, 'zh-CN': 1, en: 2 };

export function placeKindLabel(kind: PlaceKind, lang: Lang): string {
  return PLACE[kind][I[lang]];
}

export function roleLabel(role: Role, lang: Lang): string {
  return ROLE[role][I[lang]];
}

function parse<T extends string>(table: Record<T, [string, string, string]>, text: string): T | null {
  const t = text.trim().toLowerCase();
  for (const [key, words] of Object.entries(table) as [T, string[]][]) if (key === t || words.includes(t)) return key;
  return null;
}

export function parsePlaceKind(text: string): PlaceKind | null {
  return parse(PLACE, text);
}

export function parseRole(text: string): Role | null {
  return parse(ROLE, text);
}
