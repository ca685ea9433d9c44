import type { OperationOutcome } from '@medplum/fhirtypes';
import type { HieErrorKind } from './types.js';

/** The one error type the HIE client throws. Messages never contain the bearer token. */
export class HieError extends Error {
  readonly kind: HieErrorKind;
  readonly status: number | undefined;
  readonly outcome: OperationOutcome | undefined;

  constructor(
    kind: HieErrorKind,
    message: string,
    opts: { status?: number; outcome?: OperationOutcome; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HieError';
    this.kind = kind;
    this.status = opts.status;
    this.outcome = opts.outcome;
  }

  get isForbidden(): boolean {
    return this.kind === 'http' && this.status === 403;
  }

  get isUnauthorized(): boolean {
    return this.kind === 'http' && this.status === 401;
  }
}
