// boundary: addon imports test/ (outside src)
import { fixture } from '../../test/fixture';

export const data = fixture;
