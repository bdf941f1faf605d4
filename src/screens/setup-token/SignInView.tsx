import { Box, Text } from 'ink';
import { useState } from 'react';
import type { SetupTokenSessionLike } from '../../app-services.js';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { Link } from '../../components/Link.js';
import { Spinner } from '../../components/Spinner.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import type { SetupTokenSnapshot } from '../../services/setup-token/session.js';

// Tab copies: no code starts with it, so it works whatever the field holds. Enter is the field's.
const KEYS: KeyTable<'copy' | 'submit' | 'cancel', { url: string | undefined; awaiting: boolean; typed: boolean }> = [
  { action: 'copy', keys: ['tab'], label: 'tab', hint: 'copy link', when: ({ url }) => url !== undefined },
  {
    action: 'submit',
    keys: ['return'],
    label: 'enter',
    hint: 'submit code',
    when: ({ awaiting, typed }) => awaiting && typed,
  },
  { action: 'cancel', keys: ['escape'], label: 'esc', hint: 'cancel' },
];

/** Starting, the browser step, the sign-in link with the code field, and the exchange. */
export function SignInView({
  snapshot,
  session,
  onCancel,
}: {
  snapshot: SetupTokenSnapshot | undefined;
  session: SetupTokenSessionLike | undefined;
  onCancel: () => void;
}) {
  const services = useServices();
  const code = useTextFieldState();
  const [copied, setCopied] = useState(false);
  const phase = snapshot?.phase ?? 'starting';
  const url = snapshot?.url;
  const awaiting = phase === 'awaiting-code';
  const copyLink = () => {
    if (!url) return;
    services.copyToClipboard(url);
    setCopied(true);
  };
  const hints = useKeyTable(
    KEYS,
    { url, awaiting, typed: code.value.trim() !== '' },
    { copy: copyLink, cancel: onCancel },
  );
  const submit = (value: string) => {
    if (value.trim() === '' || !session) return;
    void session.submitCode(value);
    code.set('');
  };
  return (
    <Box flexDirection="column">
      {phase === 'starting' && <Spinner label="Starting claude setup-token…" />}
      {phase === 'opening-browser' && (
        <Spinner label="claude is opening your browser to sign in; finish there (the link shows here if it does not open)…" />
      )}
      {url && (phase === 'awaiting-code' || phase === 'opening-browser' || phase === 'starting') && (
        <Box flexDirection="column" marginTop={phase === 'awaiting-code' ? 0 : 1}>
          <Text>1. Open this link and sign in with your Claude account:</Text>
          {/* Not indented: a wrapped link then reads back whole when its lines are joined. */}
          <Box marginY={1}>
            <Link url={url} color="cyan" />
          </Box>
          {copied && <Text color="green"> Link copied (where the terminal allows clipboard access).</Text>}
        </Box>
      )}
      {awaiting && (
        <Box flexDirection="column">
          <Text>2. Paste the code the page shows (code#state) and press Enter:</Text>
          <Box marginLeft={3} borderStyle="round" borderColor="cyan" paddingX={1}>
            <TextField state={code} onSubmit={submit} mask="keep-tail" placeholder="paste the code here" />
          </Box>
        </Box>
      )}
      {phase === 'exchanging' && <Spinner label="Exchanging the code for a token…" />}
      <KeyHints hints={hints} />
    </Box>
  );
}
