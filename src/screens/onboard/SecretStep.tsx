import { Box, Text } from 'ink';
import { KeyHints } from '../../components/KeyHints.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { checkSecret, type SecretKind } from '../../services/credentials.js';
import { providerInfo } from '../../services/providers.js';

/** A masked field that checks the secret as it is typed or pasted and says why it is wrong. */
export function SecretStep({
  provider,
  kind,
  onSubmit,
}: {
  provider: string;
  kind: SecretKind;
  onSubmit: (secret: string) => void;
}) {
  const field = useTextFieldState();
  const info = providerInfo(provider);
  const check = field.value === '' ? undefined : checkSecret(provider, kind, field.value);
  const what = kind === 'api_key' ? 'API key' : 'token';
  return (
    <Box flexDirection="column">
      <Text bold>
        Paste the {info.label} {what}:
      </Text>
      {kind === 'api_key' && info.keysUrl && <Text dimColor>Get one at {info.keysUrl}</Text>}
      <Box borderStyle="round" borderColor={check && !check.ok ? 'red' : 'cyan'} paddingX={1}>
        <TextField
          state={field}
          mask="all"
          keepLineBreaks
          placeholder={`paste the ${what} here`}
          onSubmit={(value) => {
            const result = checkSecret(provider, kind, value);
            if (result.ok) onSubmit(result.secret);
          }}
        />
      </Box>
      {check && !check.ok && <Text color="red">✘ {check.error}</Text>}
      {check?.ok && <Text color="green">✔ looks right</Text>}
      {check?.warnings.map((warning) => (
        <Text key={warning} color="yellow">
          ! {warning}
        </Text>
      ))}
      <KeyHints
        hints={[
          ['enter', 'continue'],
          ['ctrl+u', 'clear'],
          ['esc', 'back'],
        ]}
      />
    </Box>
  );
}
