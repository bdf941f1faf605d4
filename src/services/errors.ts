/**
 * Errors that carry the exit code the entry file should use (SPEC §6). Services throw them;
 * only `src/cli.ts` turns them into a one-line message and an exit status.
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  expiring: 2,
  unreadable: 3,
  usage: 64,
  cancelled: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class AuthdeckError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.failure,
  ) {
    super(message);
    this.name = 'AuthdeckError';
  }
}

/** Bad flags, arguments or values given on the command line. */
export class UsageError extends AuthdeckError {
  constructor(message: string) {
    super(message, ExitCode.usage);
    this.name = 'UsageError';
  }
}

/** A file authdeck must read does not parse, or has a shape it cannot work with. */
export class UnreadableStateError extends AuthdeckError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message, ExitCode.unreadable);
    this.name = 'UnreadableStateError';
  }
}

/** The lock shared with the gateway could not be had in time. */
export class LockBusyError extends AuthdeckError {
  constructor(
    message: string,
    readonly lockPath: string,
  ) {
    super(message, ExitCode.unreadable);
    this.name = 'LockBusyError';
  }
}

export class CancelledError extends AuthdeckError {
  constructor(message = 'cancelled') {
    super(message, ExitCode.cancelled);
    this.name = 'CancelledError';
  }
}

/** The message of anything thrown, for a one-line report. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isNodeError(error: unknown, code?: string): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error && (code === undefined || (error as NodeJS.ErrnoException).code === code);
}
