// boundary: workspace imports addon
import { closeRound } from '../addon/close';

export const close = closeRound;
