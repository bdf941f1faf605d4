import type { StatusReport } from '../services/status/report.js';
import { summaryParts } from '../services/status/words.js';
import { pieceLines, type Styled } from './text-layout.js';

/**
 * The counts line, in the same words as `status` and `status --json`, at `width`: a count that
 * does not fit moves whole to the next line ("1 provider in use without a credential" is the one
 * to read, and it comes last). Pure: the plain first frame draws it too.
 */
export function summaryLines(report: Pick<StatusReport, 'summary' | 'missingProviders'>, width: number): Styled[][] {
  const pieces = summaryParts(report).map(
    (part): Styled => (part.color ? { text: part.text, color: part.color } : { text: part.text, dim: true }),
  );
  return pieceLines(pieces, { text: ' · ', dim: true }, width);
}
