// boundary: none
import { unit } from './catalog';

export const label = `per ${unit}`;
