import { useEffect, useState } from 'react';
import type { SetupTokenSessionLike } from '../../app-services.js';

/**
 * claude's own screen, rendered through a headless terminal, for when authdeck does not
 * recognise it (a future claude). The PTY is resized to the space the view has.
 */
export function useTerminalMirror(
  session: SetupTokenSessionLike | undefined,
  cols: number,
  rows: number,
  active: boolean,
): string[] {
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    if (!session || !active) return;
    let disposed = false;
    let stop = () => {};
    void import('@xterm/headless').then((module) => {
      if (disposed) return;
      const xterm = (module as unknown as { default?: typeof module }).default ?? module;
      const terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
      let scheduled = false;
      const snapshot = () => {
        scheduled = false;
        const buffer = terminal.buffer.active;
        const next: string[] = [];
        for (let i = 0; i < rows; i++) next.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
        setLines(next);
      };
      const unsubscribe = session.onRawData((data) => {
        terminal.write(data, () => {
          if (!scheduled) {
            scheduled = true;
            setTimeout(snapshot, 30);
          }
        });
      });
      session.resize(cols, rows);
      stop = () => {
        unsubscribe();
        terminal.dispose();
      };
    });
    return () => {
      disposed = true;
      stop();
    };
  }, [session, active, cols, rows]);
  return lines;
}

/** The bytes a key stands for, to pass it on to claude's own screen. */
export function keyToSequence(
  input: string,
  key: {
    return?: boolean;
    backspace?: boolean;
    delete?: boolean;
    tab?: boolean;
    escape?: boolean;
    upArrow?: boolean;
    downArrow?: boolean;
    leftArrow?: boolean;
    rightArrow?: boolean;
    ctrl?: boolean;
  },
): string {
  if (key.return) return '\r';
  if (key.backspace || key.delete) return '\x7f';
  if (key.tab) return '\t';
  if (key.escape) return '\x1b';
  if (key.upArrow) return '\x1b[A';
  if (key.downArrow) return '\x1b[B';
  if (key.rightArrow) return '\x1b[C';
  if (key.leftArrow) return '\x1b[D';
  if (key.ctrl && /^[a-z]$/.test(input)) return String.fromCharCode(input.charCodeAt(0) - 96);
  return input;
}
