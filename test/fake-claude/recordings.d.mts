export interface RecordingMeta {
  cols: number;
  rows: number;
  writes: Array<{ atMs: number; data: string; afterBytes: number }>;
  chunks: Array<[number, number]>;
  exitCode: number | null;
  bytes: number;
  expected: { url: string | null; token?: string; tokenPieces?: number[]; errorText?: string };
}
export interface Recording {
  name: string;
  raw: Buffer;
  meta: RecordingMeta;
}
export const TOKEN_PREFIX: string;
export const RECORDING_NAMES: string[];
export function loadRecording(name: string): Recording;
