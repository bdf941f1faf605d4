/**
 * Errors that carry the exit code the entry file should use (README "Exit codes"). Services throw them;
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
  return (
    error instanceof Error && 'code' in error && (code === undefined || (error as NodeJS.ErrnoException).code === code)
  );
}

/**
 * A filesystem failure as one line that names the path and what to do, instead of
 * "unexpected error: EACCES". Reading failures mean the state is unreadable (exit 3);
 * writing failures are failures (exit 1).
 */
export function fsFailure(error: unknown, path: string, doing: 'read' | 'write'): AuthdeckError {
  if (error instanceof AuthdeckError || !isNodeError(error))
    return error instanceof AuthdeckError ? error : new AuthdeckError(`${path}: ${errorMessage(error)}`);
  const where = (error.path as string | undefined) ?? path;
  const reason: Record<string, string> = {
    EACCES: `permission denied ${doing === 'read' ? 'reading' : 'writing'} ${where}`,
    EPERM: `not permitted to ${doing} ${where}`,
    EROFS: `${where} is on a read-only file system`,
    ENOSPC: `no space left on the device that holds ${where}`,
    EDQUOT: `disk quota exceeded writing ${where}`,
    ENOTDIR: `${where}: part of the path is not a directory`,
    EISDIR: `${where} is a directory, not a file`,
    ELOOP: `${where}: too many symbolic links`,
    ENAMETOOLONG: `${where}: the path is too long`,
  };
  const message = reason[error.code ?? ''];
  if (!message)
    return new AuthdeckError(
      `${doing === 'read' ? 'reading' : 'writing'} ${where} failed: ${errorMessage(error)}`,
      doing === 'read' ? ExitCode.unreadable : ExitCode.failure,
    );
  return doing === 'read' ? new UnreadableStateError(message, where) : new AuthdeckError(message);
}
