import { Box, Text } from 'ink';
import { useState } from 'react';
import { KeyHints } from '../../components/KeyHints.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { type CloudflareIds, cloudflareIdProblem } from '../../services/providers/cloudflare-gateway.js';

/**
 * Cloudflare AI Gateway's account and gateway ids, asked before its key as OpenClaw's onboarding
 * asks them: the gateway's endpoint is built from both (cloudflare-gateway.ts).
 */
export function CloudflareIdsStep({ onSubmit }: { onSubmit: (ids: CloudflareIds) => void }) {
  const account = useTextFieldState();
  const gateway = useTextFieldState();
  const [accountId, setAccountId] = useState<string>();
  const field = accountId === undefined ? account : gateway;
  const typed = field.value.trim();
  const problem = typed === '' ? undefined : cloudflareIdProblem(typed);
  const submit = (value: string) => {
    const id = value.trim();
    if (id === '' || cloudflareIdProblem(id)) return;
    if (accountId === undefined) setAccountId(id);
    else onSubmit({ accountId, gatewayId: id });
  };
  return (
    <Box flexDirection="column">
      {accountId !== undefined && <Text dimColor>Cloudflare account id: {accountId}</Text>}
      <Text bold>{accountId === undefined ? 'Cloudflare account id:' : 'Cloudflare AI Gateway id:'}</Text>
      <TextField state={field} onSubmit={submit} />
      {problem && <Text color="red">{problem}</Text>}
      <KeyHints
        hints={[
          ['enter', accountId === undefined ? 'next' : 'use them'],
          ['esc', 'back'],
        ]}
      />
    </Box>
  );
}
