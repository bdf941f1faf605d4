import { createRequire } from 'node:module';

/** The slice of node-pty authdeck uses; an interface so tests can drive a session without one. */
export interface PtyProcess {
  readonly pid: number;
  onData(listener: (data: string) => void): { dispose(): void };
  onExit(listener: (event: { exitCode: number; signal?: number }) => void): { dispose(): void };
  write(data: string): void;
  resize(cols: number, rows: number): void;
  kill(signal?: string): void;
}

export interface PtySpawnOptions {
  cols: number;
  rows: number;
  cwd: string;
  env: Record<string, string>;
}

export type PtySpawner = (file: string, args: string[], options: PtySpawnOptions) => PtyProcess;

/**
 * node-pty is native: it is loaded on the first spawn, not when the TUI starts. It is a
 * CommonJS module outside the bundle, so a synchronous require works and keeps spawn sync.
 */
export const nodePtySpawner: PtySpawner = (file, args, options) => {
  const pty = createRequire(import.meta.url)('@lydell/node-pty') as typeof import('@lydell/node-pty');
  return pty.spawn(file, args, { name: 'xterm-256color', ...options });
};
