import { Workspace } from '../emulator';
import { KEYS } from '../../src/workspace/properties/keys';
import { readStored } from '../../src/workspace/properties/store';
import type { RoundSnapshot } from '../../src/workspace/rounds';

/** A resident filling in a round's form, described by item ids rather than question titles. */
export interface Resident {
  name: string;
  email?: string;
  phone?: string;
  building?: string;
  flat?: string;
  pickupPoint?: string;
  /** "Русский", "中文" or "English", as the form offers. */
  lang?: string;
  comment?: string;
  items?: Record<string, string>;
  extras?: Record<string, string>;
  /** Whether they are signed in to a Google account (default: yes). Many residents have none. */
  googleAccount?: boolean;
}

/** The round as the add-on cached it when it opened (read straight from document properties). */
export function roundSnapshot(ws: Workspace, roundId: string): RoundSnapshot {
  const snapshot = readStored(Object.fromEntries(ws.properties.document.data), KEYS.snapshot(roundId));
  if (!snapshot) throw new Error(`round ${roundId} has not been opened`);
  return snapshot;
}

/** The answers a resident gives, keyed by the form's question titles. */
export function residentAnswers(snapshot: RoundSnapshot, r: Resident): Record<string, string> {
  const q = snapshot.questions;
  if (!q) throw new Error('round has no form questions');
  const out: Record<string, string> = {
    [q.name.title]: r.name,
    [q.phone.title]: r.phone ?? '',
    [q.flat.title]: r.flat ?? '',
    [q.lang.title]: r.lang ?? '',
    [q.comment.title]: r.comment ?? '',
  };
  if (q.building) out[q.building.title] = r.building ?? snapshot.buildings[0] ?? '';
  if (q.pickupPoint) out[q.pickupPoint.title] = r.pickupPoint ?? snapshot.pickupPoints[0] ?? '';
  for (const [id, questions] of Object.entries(q.items)) {
    out[questions.quantity.title] = r.items?.[id] ?? '';
    if (questions.extra) out[questions.extra.title] = r.extras?.[id] ?? '';
  }
  return out;
}

export function emailOf(r: Resident): string {
  return r.email ?? `${r.name.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase() || 'someone'}@example.org`;
}

export function submitAsResident(
  ws: Workspace,
  roundId: string,
  r: Resident,
  options: { deliver?: number; edit?: string; bypassValidation?: boolean } = {},
) {
  const snapshot = roundSnapshot(ws, roundId);
  return ws.submitForm(
    snapshot.formId,
    {
      answers: residentAnswers(snapshot, r),
      email: emailOf(r),
      googleAccount: r.googleAccount,
      editResponseId: options.edit,
      bypassValidation: options.bypassValidation,
    },
    { deliver: options.deliver },
  );
}
