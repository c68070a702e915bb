// boundary: none
import type { closeRound } from '../addon/close';
import { unit } from '../core/catalog';

export type Page = { unit: typeof unit; close: typeof closeRound };
