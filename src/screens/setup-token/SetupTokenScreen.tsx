import { Box, Text } from 'ink';
import { Header } from '../../components/Header.js';
import { SavingSpinner } from '../../components/SavingSpinner.js';
import { Spinner } from '../../components/Spinner.js';
import { useNavigation, useServices } from '../../contexts.js';
import { useAgentState } from '../../hooks/use-agent-state.js';
import type { Screen } from '../../navigation.js';
import { ExitCode } from '../../services/errors.js';
import { profileIdFlag } from '../../services/profiles/profile-actions.js';
import { startedAtHome, useOnboardingDone } from '../use-onboarding-done.js';
import { ClaudeLastWords } from './ClaudeLastWords.js';
import { ClaudeScreenMirror } from './ClaudeScreenMirror.js';
import { OAuthErrorView } from './OAuthErrorView.js';
import { OverwriteQuestion, ProfileNameQuestion } from './ProfileIdQuestion.js';
import { SetupTokenOutcome } from './SetupTokenOutcome.js';
import { SignInView } from './SignInView.js';
import { useSetupTokenFlow } from './use-setup-token-flow.js';

export interface SetupTokenScreenProps {
  profileId?: string;
  claudeBin?: string;
  yes?: boolean;
  /** Where Esc goes (the wizard that handed over); else cancelling leaves with 130. */
  backTo?: Screen;
}

const UNNAMED_STAGES = new Set(['checking', 'missing-claude', 'ask-name']);

/** `claude setup-token` driven for the user: sign in, paste the code, the token lands in a profile. */
export function SetupTokenScreen(props: SetupTokenScreenProps) {
  const flow = useSetupTokenFlow(props);
  const { finish, replace } = useNavigation();
  const done = useOnboardingDone(startedAtHome(props.backTo));
  const services = useServices();
  const { state, session } = flow;
  const cancel = () => {
    session?.cancel();
    if (props.backTo) replace(props.backTo);
    else finish({ exitCode: ExitCode.cancelled });
  };
  const fail = () => finish({ exitCode: ExitCode.failure });
  return (
    <Box flexDirection="column">
      {/* Until the name is settled (asked, or claude not found yet), no id is where it goes. */}
      <Header title={UNNAMED_STAGES.has(state.stage) ? 'setup-token' : `setup-token → ${state.profileId}`} />
      <SetupTokenBody
        flow={flow}
        cancel={cancel}
        fail={fail}
        done={() => done(flow.state.saved?.profileId)}
        now={services.now()}
      />
    </Box>
  );
}

function SetupTokenBody({
  flow,
  cancel,
  fail,
  done,
  now,
}: {
  flow: ReturnType<typeof useSetupTokenFlow>;
  cancel: () => void;
  fail: () => void;
  done: () => void;
  now: number;
}) {
  const services = useServices();
  const agent = useAgentState();
  const { state, snapshot, session } = flow;
  switch (state.stage) {
    case 'checking':
      return <Spinner label="Looking for claude and the profile…" />;
    case 'missing-claude':
      return <SetupTokenOutcome.Failure title="Claude Code is not installed" detail={state.error} onDone={fail} />;
    case 'ask-name':
      return (
        <ProfileNameQuestion
          existing={state.existing}
          {...(state.error ? { problem: state.error } : {})}
          // A question about another taken name starts from its own suggestion.
          key={state.suggestion ?? 'claude'}
          suggestion={state.suggestion ?? 'claude'}
          onSubmit={(name) => void flow.chooseName(name)}
          onOverwrite={flow.overwrite}
          onCancel={cancel}
        />
      );
    case 'ask-overwrite':
      return (
        <OverwriteQuestion
          existing={state.existing!}
          onOverwrite={flow.overwrite}
          onRename={flow.askName}
          onCancel={cancel}
        />
      );
    case 'saving':
      return <SavingSpinner store={agent.state?.store} what={state.profileId} />;
    case 'saved':
      return (
        <SetupTokenOutcome.Saved
          result={state.saved!}
          token={snapshot?.token ?? ''}
          now={now}
          onDone={done}
          onMakeDefault={() => services.setDefaultModel({ provider: 'anthropic', kind: 'token' })}
        />
      );
    case 'save-failed':
      return (
        <SetupTokenOutcome.Failure
          title="The token could not be saved"
          detail={state.error}
          hints="r tries again. Closing loses the token (claude shows it once); you can make a new one any time."
          onRetry={() => void flow.retrySave()}
          onDone={fail}
        />
      );
    case 'running':
      break;
  }
  switch (snapshot?.phase) {
    case 'oauth-error':
      return (
        <OAuthErrorView message={snapshot.error ?? 'OAuth error'} onRetry={() => session?.retry()} onCancel={cancel} />
      );
    case 'unrecognised':
      return <ClaudeScreenMirror session={session} onCancel={cancel} />;
    case 'token':
      return snapshot.tokenProblem ? (
        <SetupTokenOutcome.Failure
          title="claude printed something that is not a setup-token"
          detail={snapshot.tokenProblem}
          onDone={fail}
        />
      ) : (
        <SavingSpinner store={agent.state?.store} />
      );
    case 'exited':
      return (
        <Box flexDirection="column">
          <ClaudeLastWords session={session} />
          <SetupTokenOutcome.Failure
            title={`claude setup-token ended without a token (exit code ${snapshot.exitCode ?? '?'})`}
            hints={`Run it again, or make the token elsewhere and use \`authdeck paste-token --provider anthropic${profileIdFlag(state.profileId)}\`.`}
            onDone={fail}
          />
        </Box>
      );
    case 'timed-out':
      return (
        <SetupTokenOutcome.Failure
          title="Gave up after 15 minutes without a token"
          hints="Run `authdeck setup-token` again when you are ready."
          onDone={fail}
        />
      );
    case 'cancelled':
      return <Text dimColor>Cancelled.</Text>;
    default:
      return <SignInView snapshot={snapshot} session={session} onCancel={cancel} />;
  }
}
