/**
 * Typed handles on the mocha globals: the project has no @types/mocha, and declaring the globals
 * here (rather than `declare global`) cannot clash with it if it is added later.
 */
type Body = (this: unknown) => void | Promise<void>;
interface MochaGlobals {
  describe: (title: string, body: () => void) => void;
  it: (title: string, body: Body) => void;
  beforeEach: (body: Body) => void;
  afterEach: (body: Body) => void;
}

export const { describe, it, beforeEach, afterEach } = globalThis as unknown as MochaGlobals;
