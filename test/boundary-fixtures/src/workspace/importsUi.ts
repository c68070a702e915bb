// boundary: workspace imports ui
import type { Page } from '../ui/page';

export type Shown = Page;
