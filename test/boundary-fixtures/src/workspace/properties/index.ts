// boundary: none
import { unit } from '../../core/catalog';

export const store = { unit };
