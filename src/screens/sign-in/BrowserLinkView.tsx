import { Box, Text } from 'ink';
import { Link } from '../../components/Link.js';
import { TextField } from '../../components/text-field/TextField.js';
import type { TextFieldState } from '../../components/text-field/use-text-field-state.js';
import { shown } from '../../services/terminal-text.js';
import { useCountdown } from './use-countdown.js';

/** The sign-in link, whole and clickable, and a field for the address a remote browser ends on. */
export function BrowserLinkView({
  label,
  url,
  deadline,
  opened,
  portProblem,
  copied,
  paste,
  pasteProblem,
  onPaste,
}: {
  label: string;
  url: string;
  deadline: number;
  opened: boolean;
  portProblem: string | undefined;
  copied: boolean;
  paste: TextFieldState;
  pasteProblem: string | undefined;
  onPaste: (text: string) => void;
}) {
  const left = useCountdown(deadline);
  return (
    <Box flexDirection="column">
      <Text>
        1. {opened ? 'Your browser should open this link' : 'Open this link'}; sign in to {label} there:
      </Text>
      {/* Not indented: a wrapped link then reads back whole when its lines are joined. */}
      <Box marginY={1}>
        <Link url={url} color="cyan" />
      </Box>
      {copied && <Text color="green">Link copied (where the terminal allows clipboard access).</Text>}
      {portProblem ? (
        <Text color="yellow">
          {shown(portProblem)} ({left} left)
        </Text>
      ) : (
        <Text dimColor>Waiting for the browser to come back here… ({left} left)</Text>
      )}
      <Box marginTop={1} flexDirection="column">
        <Text>2. Browser on another machine? Paste the address it ends on (http://localhost…) and press Enter:</Text>
        <Box marginLeft={3} borderStyle="round" borderColor={pasteProblem ? 'red' : 'gray'} paddingX={1}>
          <TextField state={paste} onSubmit={onPaste} placeholder="paste the final address here" takesKeys />
        </Box>
        {pasteProblem && <Text color="red">{shown(pasteProblem)}</Text>}
      </Box>
    </Box>
  );
}
