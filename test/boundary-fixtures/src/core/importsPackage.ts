// boundary: core imports the package node:path
import { join } from 'node:path';

export const path = join('a', 'b');
