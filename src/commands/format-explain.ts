import type { ExplainReport } from '../services/explain/explain.js';
import { explanationLines, type Segment } from '../services/explain/lines.js';
import type { Painter } from './output.js';

/** `authdeck explain` in a terminal or a pipe: the explanation's lines at `width`, painted. */
export function formatExplanation(report: ExplainReport, paint: Painter, nowMs: number, width: number): string {
  const painted = (segment: Segment) => {
    let text = segment.text;
    if (segment.color) text = paint[segment.color](text);
    if (segment.dim) text = paint.dim(text);
    return segment.bold ? paint.bold(text) : text;
  };
  return `${explanationLines(report, nowMs, width)
    .map((line) => line.map(painted).join('').trimEnd())
    .join('\n')}\n`;
}
