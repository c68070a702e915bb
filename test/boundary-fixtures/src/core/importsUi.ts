// boundary: core imports ui
import type { Page } from '../ui/page';

export type Shown = Page;
