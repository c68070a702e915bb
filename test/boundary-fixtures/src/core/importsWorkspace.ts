// boundary: core imports workspace
import { store } from '../workspace/properties';

export const cached = store;
