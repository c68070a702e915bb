// boundary: none
import { unit } from '../core/catalog';
import { store } from '../workspace/properties';

export const closeRound = () => `${unit} ${String(store)}`;
