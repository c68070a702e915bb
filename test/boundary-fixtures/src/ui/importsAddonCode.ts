// boundary: ui imports addon (not as a type)
import { closeRound } from '../addon/close';

export const close = closeRound;
