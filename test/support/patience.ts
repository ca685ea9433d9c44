/**
 * How long every wait in the suite holds before it fails. Generous on purpose: the suite runs two
 * browsers side by side on shared 2-core machines, where waitUntil's default of 1 s failed a correct
 * test in Firefox. A wait that needs longer (past a client timeout) says why beside its own figure.
 */
export const PATIENCE = 15_000;
