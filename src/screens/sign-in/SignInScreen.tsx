import { Box } from 'ink';
import { useState } from 'react';
import { Header } from '../../components/Header.js';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { Spinner } from '../../components/Spinner.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useNavigation, useServices } from '../../contexts.js';
import type { Screen } from '../../navigation.js';
import { ExitCode } from '../../services/errors.js';
import { findOAuthProvider, type SignInMethod } from '../../services/oauth/oauth-providers.js';
import type { SignInPrompt } from '../../services/oauth/sign-in-types.js';
import { SetupTokenOutcome } from '../setup-token/SetupTokenOutcome.js';
import { startedAtHome, useOnboardingDone } from '../use-onboarding-done.js';
import { BrowserLinkView } from './BrowserLinkView.js';
import { DeviceCodeView } from './DeviceCodeView.js';
import { SignedInView } from './SignedInView.js';
import { SignInQuestionView } from './SignInQuestionView.js';
import { useSignInFlow } from './use-sign-in-flow.js';

export interface SignInScreenProps {
  provider: string;
  method: SignInMethod;
  /** Where Esc goes (the wizard that handed over); else cancelling leaves with 130. */
  backTo?: Screen;
}

interface SignInKeyContext {
  stage: string;
  /** What the provider gave to show: a link, a code, or nothing yet (a slow server: Esc is all there is). */
  prompt: SignInPrompt['kind'] | undefined;
  /** Opened from the wizard: Esc goes back to it. */
  back: boolean;
}

// Tab copies (the paste field takes letters); with a device code, c does too. Enter is the field's.
const KEYS: KeyTable<'copy-code' | 'copy-link' | 'continue' | 'use-paste' | 'leave', SignInKeyContext> = [
  {
    action: 'copy-code',
    keys: ['c', 'tab'],
    label: 'c / tab',
    hint: 'copy code',
    when: ({ stage, prompt }) => stage === 'waiting' && prompt === 'device',
  },
  {
    action: 'copy-link',
    keys: ['tab'],
    label: 'tab',
    hint: 'copy link',
    when: ({ stage, prompt }) => stage === 'waiting' && prompt === 'link',
  },
  { action: 'continue', keys: ['return'], label: 'enter', hint: 'continue', when: ({ stage }) => stage === 'asking' },
  {
    action: 'use-paste',
    keys: ['return'],
    label: 'enter',
    hint: 'use pasted address',
    when: ({ stage, prompt }) => stage === 'waiting' && prompt === 'link',
  },
  { action: 'leave', keys: ['escape'], label: 'esc', hint: ({ back }) => (back ? 'back' : 'cancel') },
];

/** A browser or device-code sign-in: the link or the code, a countdown, then the saved profile. */
export function SignInScreen({ provider, method, backTo }: SignInScreenProps) {
  const services = useServices();
  const { finish, replace } = useNavigation();
  const done = useOnboardingDone(startedAtHome(backTo));
  const flow = useSignInFlow(provider, method);
  const paste = useTextFieldState();
  const answer = useTextFieldState();
  const [copied, setCopied] = useState(false);
  const label = findOAuthProvider(provider)?.label ?? provider;
  const prompt = flow.state.stage === 'waiting' ? flow.state.prompt : undefined;
  const copyable = prompt?.kind === 'link' ? prompt.url : prompt?.kind === 'device' ? prompt.userCode : undefined;
  const leave = () => {
    flow.cancel();
    if (backTo) replace(backTo);
    else finish({ exitCode: ExitCode.cancelled });
  };
  const copy = () => {
    if (!copyable) return;
    services.copyToClipboard(copyable);
    setCopied(true);
  };
  const hints = useKeyTable(
    KEYS,
    { stage: flow.state.stage, prompt: prompt?.kind, back: backTo !== undefined },
    { 'copy-code': copy, 'copy-link': copy, leave },
    { isActive: flow.state.stage === 'waiting' || flow.state.stage === 'exchanging' || flow.state.stage === 'asking' },
  );
  const body = (() => {
    switch (flow.state.stage) {
      case 'saved':
        return (
          <SignedInView
            result={flow.state.result}
            onDone={() => done(flow.state.stage === 'saved' ? flow.state.result.profileId : undefined)}
          />
        );
      case 'failed':
        return (
          <SetupTokenOutcome.Failure
            title={`Sign-in to ${label} did not finish`}
            detail={flow.state.error}
            // Opened from the wizard, Enter goes back to its method question (a user tries another way).
            hints={`r tries again; Enter ${backTo ? 'goes back' : 'leaves'}.`}
            enterDoes={backTo ? 'back' : 'close'}
            onRetry={flow.retry}
            onDone={() => (backTo ? replace(backTo) : finish({ exitCode: ExitCode.failure }))}
          />
        );
      case 'asking':
        return <SignInQuestionView question={flow.state.question} field={answer} onSubmit={flow.submitAnswer} />;
      case 'exchanging':
        return <Spinner label="Signed in; getting the tokens and saving them…" />;
      case 'waiting':
        if (prompt?.kind === 'link')
          return (
            <BrowserLinkView
              label={label}
              url={prompt.url}
              deadline={prompt.expiresAt}
              opened={prompt.opened === true}
              portProblem={prompt.portProblem}
              copied={copied}
              paste={paste}
              pasteProblem={flow.pasteProblem}
              // A refused address goes from the field, or the next paste lands after it.
              onPaste={(text) => {
                if (flow.submitPaste(text)) paste.set('');
              }}
            />
          );
        if (prompt?.kind === 'device')
          return (
            <DeviceCodeView
              label={label}
              userCode={prompt.userCode}
              url={prompt.verificationUriComplete ?? prompt.verificationUri}
              expiresAt={prompt.expiresAt}
              copied={copied}
            />
          );
        return <Spinner label={`Starting the ${method === 'browser' ? 'browser' : 'device-code'} sign-in…`} />;
    }
  })();
  return (
    <Box flexDirection="column">
      <Header title={`sign in · ${label} · ${method === 'browser' ? 'browser' : 'device code'}`} />
      {body}
      {hints.length > 0 && <KeyHints hints={hints} />}
    </Box>
  );
}
