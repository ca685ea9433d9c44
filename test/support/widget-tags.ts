import { WIDGETS } from '../../src/elements/widgets.js';

/** Every data widget the library registers (not the provider or the layout element), from the widget table. */
export const WIDGET_TAGS = WIDGETS.map((w) => w.tag);
