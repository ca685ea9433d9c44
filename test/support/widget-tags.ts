/** Every data widget the library registers (not the provider or the layout element). */
export const WIDGET_TAGS = [
  'care-record-medications',
  'care-record-allergies',
  'care-record-problems',
  'care-record-results',
  'care-record-appointments',
  'care-record-documents',
  'care-record-encounters',
  'care-record-care-plans',
  'care-record-care-team',
  'care-record-immunisations',
  'care-record-sources',
] as const;
