import { Box } from 'ink';
import { useState } from 'react';
import { Header } from '../../components/Header.js';
import { KeyHints } from '../../components/KeyHints.js';
import { useKeys } from '../../components/key-router.js';
import { Spinner } from '../../components/Spinner.js';
import { useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { useNavigation, useServices } from '../../contexts.js';
import type { Screen } from '../../navigation.js';
import { ExitCode } from '../../services/errors.js';
import { findOAuthProvider, type SignInMethod } from '../../services/oauth/oauth-providers.js';
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
  useKeys(
    (input, key) => {
      if (key.escape) leave();
      // Tab copies (the paste field takes letters); with a device code, c does too.
      else if (copyable && (key.tab || (prompt?.kind === 'device' && input === 'c'))) {
        services.copyToClipboard(copyable);
        setCopied(true);
      }
    },
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
  const waiting = flow.state.stage === 'waiting' && prompt !== undefined;
  // Asked, or still asking the provider for a link or code (a slow server): Esc is all there is.
  const asking = flow.state.stage === 'asking' || (flow.state.stage === 'waiting' && prompt === undefined);
  return (
    <Box flexDirection="column">
      <Header title={`sign in · ${label} · ${method === 'browser' ? 'browser' : 'device code'}`} />
      {body}
      {asking && (
        <KeyHints
          hints={[
            ...(flow.state.stage === 'asking' ? [['enter', 'continue'] as const] : []),
            ['esc', backTo ? 'back' : 'cancel'],
          ]}
        />
      )}
      {waiting && (
        <KeyHints
          hints={[
            prompt?.kind === 'device' ? ['c / tab', 'copy code'] : ['tab', 'copy link'],
            ...(prompt?.kind === 'link' ? [['enter', 'use pasted address'] as const] : []),
            ['esc', backTo ? 'back' : 'cancel'],
          ]}
        />
      )}
    </Box>
  );
}
