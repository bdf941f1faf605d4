/** Escape sequences a terminal draws nothing for: CSI, OSC (BEL or ST ended) and two-byte ones. */
const TRAILING_ESCAPES = /(?:\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -~])+$/;

/**
 * Watches what goes to the terminal, so that once Ink is gone the shell's prompt starts on a line
 * of its own. A frame as tall as the terminal is written without its closing line break (Ink's
 * full-screen path), and so is the frame after it, however short: "Cancelled." then had the
 * prompt glued to it. `midLine()`: whether the last text written left the cursor after text.
 */
export function watchLineEnd(stream: NodeJS.WriteStream): { midLine: () => boolean; stop: () => void } {
  let tail = '';
  const write = stream.write;
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string') tail = (tail + chunk).slice(-512);
    else if (chunk instanceof Uint8Array) tail = (tail + Buffer.from(chunk).toString('utf8')).slice(-512);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stream.write;
  return {
    midLine: () => {
      const text = tail.replace(TRAILING_ESCAPES, '');
      return text !== '' && !text.endsWith('\n');
    },
    stop: () => {
      stream.write = write;
    },
  };
}
