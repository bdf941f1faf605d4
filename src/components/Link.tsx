import { Text } from 'ink';

/** A clickable link (OSC 8) whose text is the whole URL, so it can also be copied by hand. */
export function Link({ url, color }: { url: string; color?: string }) {
  return (
    <Text color={color} wrap="wrap">
      {`\x1b]8;;${url}\x07${url}\x1b]8;;\x07`}
    </Text>
  );
}
