import { Text } from 'ink';
import { linkTarget, shown } from '../services/terminal-text.js';

/** A clickable link (OSC 8) whose text is the whole URL, so it can also be copied by hand. */
export function Link({ url, color }: { url: string; color?: string }) {
  // The address came from a server or another program: only a plain http(s) one is a link, and
  // its text is shown safely either way.
  const target = linkTarget(url);
  const text = shown(url);
  return (
    <Text color={color} wrap="wrap">
      {target ? `\x1b]8;;${target}\x07${text}\x1b]8;;\x07` : text}
    </Text>
  );
}
