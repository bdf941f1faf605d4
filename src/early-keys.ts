/**
 * Keys typed while a screen loads. The terminal echoes what is typed until something turns raw
 * mode on, and loading the commands, reading the store and then Ink takes ~100 ms: a key pasted
 * at once (`authdeck onboard --provider groq --method api-key`, then the key) would stand in
 * clear above the screen. So a command line that opens a screen turns raw mode on first thing
 * and keeps what arrives, no echo, for whoever reads the terminal next (the screen, or a prompt
 * before it), in order. Ctrl+C among them is still Ctrl+C.
 */
let held: { stdin: NodeJS.ReadStream; chunks: Buffer[]; onData: (chunk: Buffer) => void } | undefined;

/** Commands that open a screen in a terminal (README "Commands"); the rest echo as usual. */
export function opensScreen(argv: readonly string[]): boolean {
  const words: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index] ?? '';
    if (['--help', '-h', '--version', '-V', '--non-interactive', '--auth-choice', '--json'].includes(word))
      return false;
    if (word.startsWith('--auth-choice=')) return false;
    // Global options with a value: the value is not a command.
    if (['--state-dir', '--agent', '--store-generation'].includes(word)) index += 1;
    else if (!word.startsWith('-')) words.push(word);
  }
  const [command] = words;
  return command === undefined || ['onboard', 'login', 'logout', 'dashboard', 'pick', 'setup-token'].includes(command);
}

export function holdEarlyKeys(stdin: NodeJS.ReadStream): void {
  if (held || !stdin.isTTY || typeof stdin.setRawMode !== 'function') return;
  stdin.setRawMode(true);
  const chunks: Buffer[] = [];
  const onData = (chunk: Buffer) => {
    if (!chunk.includes(0x03)) {
      chunks.push(chunk);
      return;
    }
    // Ctrl+C before the screen: what it always did (interrupts.ts), with the terminal as it was.
    releaseEarlyKeys();
    stdin.setRawMode(false);
    process.kill(process.pid, 'SIGINT');
  };
  stdin.on('data', onData);
  held = { stdin, chunks, onData };
}

/**
 * Gives the held keys back to the terminal's stream, for the next reader. Raw mode stays on:
 * the reader sets the mode it wants (and the entry turns it off if nobody read). True when keys
 * were being held, that is when a screen is on its way.
 */
export function releaseEarlyKeys(): boolean {
  if (!held) return false;
  const { stdin, chunks, onData } = held;
  held = undefined;
  stdin.off('data', onData);
  stdin.pause();
  if (chunks.length > 0) stdin.unshift(Buffer.concat(chunks));
  return true;
}
