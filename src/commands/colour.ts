import { styleText } from 'node:util';

/** The styles authdeck uses: the colours of its statuses, and bold and dim. */
export type StyleFormat = 'red' | 'green' | 'yellow' | 'cyan' | 'magenta' | 'gray' | 'dim' | 'bold';

/**
 * Text in one or more styles, always (whether a terminal gets colours is decided once, by the
 * caller: NO_COLOR, --no-color, TERM=dumb, not a terminal).
 */
export function paintText(format: StyleFormat | StyleFormat[], text: string): string {
  return styleText(format, text, { validateStream: false });
}
