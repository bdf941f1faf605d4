import { Box, Text } from 'ink';
import { Bullet } from '../../components/Bullet.js';
import { DONE_KEYS } from '../../components/common-keys.js';
import { FitRows } from '../../components/FitRows.js';
import { KeyHints } from '../../components/KeyHints.js';
import type { KeyTable } from '../../components/key-table.js';
import { SetupLines, savedConfigParts, useProviderSetup } from '../../components/SetupLines.js';
import { useKeyTable } from '../../components/use-key-table.js';
import { useServices } from '../../contexts.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { rewrittenLines } from '../../services/config/config-changes.js';
import { describeExpiry } from '../../services/durations.js';
import { authdeckCommand, workspaceFlags } from '../../services/invocation.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import { UNUSED_PROVIDER_NOTE } from '../../services/profiles/model-coverage.js';
import { alsoListedLine, sameSecretNote, savedVerb } from '../../services/profiles/save-words.js';
import { type CatalogChoice, endpointWarning } from '../../services/providers/catalog.js';
import type { WrittenSetup } from '../../services/providers/onboard-choice.js';
import { defaultFromManifest, type ProviderSetUp } from '../../services/providers/provider-setup.js';
import type { DefaultModelPolicy } from '../../services/providers/setup-plan.js';
import { shellWord } from '../../services/shell-word.js';
import { forTerminal, shown } from '../../services/terminal-text.js';
import type { OnboardResult } from './onboard-types.js';

/** The lines below the summary: the hint bar (up to two) and Ink's last line. */
const BELOW = 3;

const KEYS: KeyTable<'done' | 'add-another', undefined> = [
  ...DONE_KEYS,
  { action: 'add-another', keys: ['a'], label: 'a', hint: 'add another' },
];

/** Every file written, with its path, and what to run next. */
export function SummaryStep({
  result,
  probe: rawProbe,
  onDone,
  onAddAnother,
  onMakeDefault,
  installedDefault,
  headerRows = 2,
}: {
  result: OnboardResult;
  /** Lines the wizard's header takes above (it wraps on a narrow terminal), its margin included. */
  headerRows?: number;
  probe?: ProbeOutcome;
  onDone: () => void;
  onAddAnother: () => void;
  /** `d`: the provider's model becomes the default over another provider's. */
  onMakeDefault?: () => Promise<ProviderSetUp>;
  /** After `i`: the default model the installed plugin's manifest names for the choice, under `policy`. */
  installedDefault?: (choice: CatalogChoice, policy: DefaultModelPolicy) => Promise<WrittenSetup | undefined>;
}) {
  const services = useServices();
  const { rows } = useTerminalSize();
  const here = workspaceFlags(services.workspace).map(shellWord);
  const hints = useKeyTable(KEYS, undefined, { done: onDone, 'add-another': onAddAnother });
  const { choice } = result;
  // Only a choice the catalog has no default model for takes the manifest's, as the CLI does.
  const fromManifest =
    choice && installedDefault && defaultFromManifest(choice)
      ? (policy: DefaultModelPolicy) => installedDefault(choice, policy)
      : undefined;
  const setupView = useProviderSetup(result.saved, onMakeDefault, fromManifest);
  const endpoint = choice && endpointWarning(choice, result.saved.store.pluginsServeProviders);
  // Ids, paths and the key check's words come from the disk and a server: shown safely.
  const { saved, probe } = forTerminal({ saved: result.saved, probe: rawProbe });
  const env = saved.env;
  // openclaw.json once: the profile's entry and what the provider's setup wrote beside it.
  const setup = setupView.setup;
  const configParts = savedConfigParts(result.saved, setup);
  return (
    <Box flexDirection="column">
      <FitRows rows={rows - headerRows - BELOW}>
        <Text color="green">
          ✔ {savedVerb(saved)} <Text bold>{saved.profileId}</Text>
        </Text>
        {probe && (
          // Its continuation lines stay under its text, not at the screen's edge.
          <Box paddingLeft={1}>
            <Text color={probe.result === 'ok' ? 'green' : 'yellow'}>
              key check: {probe.result === 'ok' ? 'accepted' : `${probe.result.replace('_', ' ')} (${probe.detail})`}
              {probe.result === 'network' || probe.result === 'timeout'
                ? `; once the provider can be reached, \`${authdeckCommand(['status', '--probe', ...here].join(' '), services.workspace.env)}\` checks it`
                : ''}
            </Text>
          </Box>
        )}
        <Text bold>Written:</Text>
        <Bullet>
          {saved.storePath} (the profile{saved.layer === 'shared' ? ', shared store' : ''}
          {saved.expiresAt !== undefined
            ? `, ${describeExpiry(saved.expiresAt, Date.now(), 'date')}${saved.expiryAssumed ? ', assumed one year' : ''}`
            : ''}
          )
        </Bullet>
        {configParts.length > 0 && (
          <Bullet>
            {saved.config.path} ({configParts.join('; ')})
          </Bullet>
        )}
        {rewrittenLines([saved.config, setup?.config]).map((line) => (
          <Bullet key={line} color="yellow">
            {shown(line)}
          </Bullet>
        ))}
        {/* With the other files written, before what still needs doing (the warnings below). */}
        {env && (
          <Bullet>
            {env.path} ({env.variable}
            {env.changed ? '' : ', unchanged'})
          </Bullet>
        )}
        {saved.orderAppendedIn.map((path) => (
          <Bullet key={path}>{path} (added last to the explicit order, so the gateway tries it)</Bullet>
        ))}
        {saved.config.alsoListed && <Bullet>{alsoListedLine(saved.config.alsoListed)}</Bullet>}
        <SetupLines view={setupView} listedAt={result.saved.config.path} />
        {endpoint && (
          <Bullet color="yellow" mark="!">
            {endpoint}
          </Bullet>
        )}
        {saved.createdWith && (
          <Box paddingLeft={1}>
            <Text dimColor>The store did not exist yet: OpenClaw made it (`{saved.createdWith}`).</Text>
          </Box>
        )}
        {saved.gatewayNote && (
          <Box paddingLeft={1}>
            <Text color={saved.gatewayNote.warning ? 'yellow' : undefined} dimColor={!saved.gatewayNote.warning}>
              {saved.gatewayNote.line}
            </Text>
          </Box>
        )}
        {saved.orderNote && (
          <Bullet color="yellow" mark="!">
            {saved.orderNote}
          </Bullet>
        )}
        {saved.sameSecretAs && (
          <Bullet color="yellow" mark="!">
            {sameSecretNote(saved.sameSecretAs, saved.profileId)}
          </Bullet>
        )}
        {result.modelNotes
          // `d` is the way out where it is offered: the note's hand edit is not said beside it.
          .filter((note) => !(setupView.canMakeDefault && setupView.offered && note.startsWith(UNUSED_PROVIDER_NOTE)))
          .map((note) => (
            <Bullet key={note} color="yellow" mark="!">
              {note}
            </Bullet>
          ))}
        <Text bold>Next:</Text>
        {/* Made to act where this wizard did (`--agent coder`, `--state-dir …`). */}
        <Bullet>
          `{authdeckCommand(['status', ...here].join(' '), services.workspace.env)}`: see it with the others
        </Bullet>
        <Bullet>`{authdeckCommand(['dashboard', ...here].join(' '), services.workspace.env)}`: the live view</Bullet>
        {env && (
          <Bullet>
            restart the gateway so it reads .env (`openclaw gateway restart`, or its systemd/launchd service)
          </Bullet>
        )}
      </FitRows>
      <KeyHints hints={[...hints, ...setupView.hints]} />
    </Box>
  );
}
