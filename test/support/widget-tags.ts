/** Every data widget the library registers (not the provider or the layout element). */
export const WIDGET_TAGS = ['care-record-medications'] as const;
