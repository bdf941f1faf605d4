import { Box, Text } from 'ink';
import type { RefObject } from 'react';
import { KeyHints } from '../../components/KeyHints.js';
import { useQuestionState } from '../../components/key-router.js';
import { hintsFor } from '../../components/key-table.js';
import { TextField } from '../../components/text-field/TextField.js';
import { useRequiredAnswer } from '../../components/text-field/use-required-answer.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import { type CloudflareIds, cloudflareIdProblem } from '../../services/providers/cloudflare-gateway.js';
import { STEP_KEYS } from './step-keys.js';
import { useStepBack } from './use-wizard-escape.js';

/**
 * Cloudflare AI Gateway's account and gateway ids, asked before its key as OpenClaw's onboarding
 * asks them: the gateway's endpoint is built from both (cloudflare-gateway.ts).
 */
export function CloudflareIdsStep({
  onSubmit,
  initial,
  stepBack,
}: {
  onSubmit: (ids: CloudflareIds) => void;
  /** The ids given before (back from the key): shown again to keep or change. */
  initial?: CloudflareIds;
  stepBack: RefObject<(() => boolean) | undefined>;
}) {
  const account = useTextFieldState(initial?.accountId ?? '');
  const gateway = useTextFieldState(initial?.gatewayId ?? '');
  const [accountId, setAccountId] = useQuestionState<string | undefined>(undefined);
  useStepBack(stepBack, () => {
    if (accountId === undefined) return false;
    setAccountId(undefined);
    return true;
  });
  const field = accountId === undefined ? account : gateway;
  const typed = field.value.trim();
  const problem = typed === '' || keyIn(typed) ? undefined : cloudflareIdProblem(typed);
  // Cloudflare's account ids are 32 hex digits: another one is said, not refused (an id is the user's to know).
  const unusual =
    accountId === undefined && typed !== '' && !problem && !keyIn(typed) && !/^[0-9a-f]{32}$/i.test(typed)
      ? `a Cloudflare account id is 32 hex digits; this is ${typed.length} characters — check it`
      : undefined;
  const { submit, needed } = useRequiredAnswer(
    field,
    (value) => {
      const id = value.trim();
      if (cloudflareIdProblem(id)) return;
      if (accountId === undefined) setAccountId(id);
      else onSubmit({ accountId, gatewayId: id });
    },
    accountId === undefined ? 'The account id (Cloudflare dashboard, Account home)' : 'The AI Gateway id',
  );
  return (
    <Box flexDirection="column">
      {accountId !== undefined && <Text dimColor>Cloudflare account id: {accountId}</Text>}
      <Text bold>{accountId === undefined ? 'Cloudflare account id:' : 'Cloudflare AI Gateway id:'}</Text>
      <Text dimColor>
        {accountId === undefined
          ? 'On the Cloudflare dashboard: Account home, "Account ID" (also in the address after dash.cloudflare.com/)'
          : 'The name you gave it under AI → AI Gateway'}
      </Text>
      <TextField state={field} onSubmit={submit} />
      {problem && <Text color="red">{problem}</Text>}
      {unusual && <Text color="yellow">{unusual}</Text>}
      {needed && <Text color="yellow">{needed}</Text>}
      <KeyHints hints={hintsFor(STEP_KEYS, { next: accountId === undefined ? 'next' : 'use them' })} />
    </Box>
  );
}
