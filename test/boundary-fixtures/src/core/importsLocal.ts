// boundary: core imports local/ (outside src)
import { emulator } from '../../local/emulator';

export const fake = emulator;
