// boundary: ui imports workspace
import { store } from '../workspace/properties';

export const cached = store;
