import { Box } from 'ink';
import { useClock } from '../hooks/use-clock.js';
import { useSyncReducer } from '../hooks/use-sync-reducer.js';
import type { SavedCredential } from '../services/actions.js';
import { formatDuration } from '../services/durations.js';
import { errorMessage } from '../services/errors.js';
import { imageDefaultSet, type WrittenSetup } from '../services/providers/onboard-choice.js';
import { needWords, pluginInstalledWords } from '../services/providers/plugin-install.js';
import { type ProviderSetUp, withDefaultFrom } from '../services/providers/provider-setup.js';
import { type DefaultModelPolicy, modelRefWords } from '../services/providers/setup-plan.js';
import { shown } from '../services/terminal-text.js';
import { Bullet } from './Bullet.js';
import type { KeyHint } from './KeyHints.js';
import type { KeyTable } from './key-table.js';
import { Spinner } from './Spinner.js';
import { useKeyTable } from './use-key-table.js';
import { type PluginInstallView, usePluginInstall } from './use-plugin-install.js';

/** What a default-model outcome leaves to offer: the ref `d` would make the default. */
export function offeredDefault(setup: ProviderSetUp | undefined): string | undefined {
  const outcome = setup?.defaultModel;
  return outcome && (outcome.status === 'kept' || outcome.status === 'same-provider') ? outcome.ref : undefined;
}

/** openclaw.json once: the saved profile's entry and what the provider's setup wrote beside it. */
export function savedConfigParts(saved: SavedCredential, setup: ProviderSetUp | undefined): string[] {
  return [
    ...(saved.config.changed ? [`${saved.config.created ? 'created, ' : ''}auth.profiles entry`] : []),
    ...(setup && setup.config.path === saved.config.path ? setupConfigParts(setup) : []),
  ];
}

/** What the setup wrote to openclaw.json, in words (the summary may list them with the profile entry). */
export function setupConfigParts(setup: ProviderSetUp): string[] {
  const parts: string[] = [];
  if (setup.enabled.length > 0) parts.push(`${setup.enabled.join(', ')} plugin enabled`);
  const written = Object.keys(setup.setup.providers);
  // Each block with the endpoint it points at: the region or plan chosen is what decides it.
  if (written.length > 0 && setup.config.applied.some((change) => change.path[1] === 'providers'))
    parts.push(
      written
        .map((id) => {
          const baseUrl = setup.setup.providers[id]?.baseUrl;
          return `models.providers.${id}${typeof baseUrl === 'string' && baseUrl !== '' ? ` → ${baseUrl}` : ''}`;
        })
        .join(', '),
    );
  const model = setup.defaultModel;
  if (model.status === 'set') parts.push(`default model ${modelRefWords(model.ref)}`);
  const image = imageDefaultSet(setup);
  if (image) parts.push(`image default model ${image}`);
  return parts;
}

interface SetupState {
  setup: ProviderSetUp | undefined;
  problem: string | undefined;
  /** A default-model write has not answered yet: a second `d` waits. */
  asking: boolean;
  /** The default model on offer is the one the plugin installed by `i` names: `d` writes that one. */
  fromManifest: boolean;
}

type SetupAction =
  | { type: 'asking' }
  | { type: 'set'; setup: ProviderSetUp }
  | { type: 'manifest'; written: WrittenSetup | undefined }
  | { type: 'failed'; problem: string };

function setupReducer(state: SetupState, action: SetupAction): SetupState {
  if (action.type === 'asking') return { ...state, asking: true };
  if (action.type === 'set')
    return { setup: afterDefault(state.setup, action.setup), problem: undefined, asking: false, fromManifest: false };
  if (action.type === 'manifest') {
    if (!action.written || !state.setup) return { ...state, asking: false };
    return { ...state, setup: withDefaultFrom(state.setup, action.written), asking: false, fromManifest: true };
  }
  return { ...state, problem: action.problem, asking: false };
}

/** The setup after `d`: the second write adds the default model; what the first wrote stays listed. */
function afterDefault(first: ProviderSetUp | undefined, second: ProviderSetUp): ProviderSetUp {
  if (!first) return second;
  return {
    ...second,
    enabled: [...new Set([...first.enabled, ...second.enabled])],
    config: { ...second.config, applied: [...first.config.applied, ...second.config.applied] },
  };
}

export interface ProviderSetupView {
  setup: ProviderSetUp | undefined;
  problem: string | undefined;
  /** The ref `d` makes the default, while it is on offer (also for the hint bar). */
  offered: string | undefined;
  /** `d` is a key here (a way to make it the default was given). */
  canMakeDefault: boolean;
  /** `i`: the plugin the gateway still lacks, installed from here. */
  plugin: PluginInstallView;
  /** The model cannot run before that plugin is in: `d` waits for it (a default the gateway cannot run stops every request). */
  pluginFirst: boolean;
  /** `d`, `i` and `x` while they act, for the screen's hint bar. */
  hints: KeyHint[];
}

type DefaultKeyContext = Pick<ProviderSetupView, 'canMakeDefault' | 'offered' | 'pluginFirst'>;

const KEYS: KeyTable<'make-default', DefaultKeyContext> = [
  {
    action: 'make-default',
    keys: ['d'],
    label: 'd',
    hint: 'make it the default',
    when: ({ canMakeDefault, offered, pluginFirst }) => canMakeDefault && offered !== undefined && !pluginFirst,
  },
];

function needsPluginFirst(plugin: PluginInstallView): boolean {
  return plugin.need !== undefined && plugin.state.status !== 'installed';
}

/**
 * The setup written beside a saved secret, `d`: the provider's model made the default when
 * another one is, and `i`: its plugin installed, then (`installedDefault`, for a choice the
 * catalog has no default model for) the default model the plugin's manifest names, under
 * `auto` as the CLI sets it. Its `hints` are the hint bar's for these keys, read from the same
 * tables as the handlers, so each key is hinted exactly while it acts.
 */
export function useProviderSetup(
  saved: SavedCredential,
  onMakeDefault?: () => Promise<ProviderSetUp>,
  installedDefault?: (policy: DefaultModelPolicy) => Promise<WrittenSetup | undefined>,
): ProviderSetupView {
  const [state, dispatch, current] = useSyncReducer(
    setupReducer,
    (): SetupState => ({ setup: saved.setup, problem: saved.setupError, asking: false, fromManifest: false }),
  );
  const failed = (error: unknown) => dispatch({ type: 'failed', problem: errorMessage(error) });
  const fromManifest = (policy: DefaultModelPolicy) => {
    if (!installedDefault) return;
    dispatch({ type: 'asking' });
    installedDefault(policy).then((written) => dispatch({ type: 'manifest', written }), failed);
  };
  const plugin = usePluginInstall(state.setup?.plugin, installedDefault ? () => fromManifest('auto') : undefined);
  const keyContext = (now: SetupState): DefaultKeyContext => ({
    canMakeDefault: now.fromManifest ? installedDefault !== undefined : onMakeDefault !== undefined,
    offered: now.asking ? undefined : offeredDefault(now.setup),
    pluginFirst: needsPluginFirst(plugin),
  });
  const keys = keyContext(state);
  const hints = useKeyTable(
    KEYS,
    keys,
    {
      'make-default': () => {
        // The catalog names no model for this choice: `d` writes the manifest's one.
        if (current().fromManifest) return fromManifest('set');
        if (!onMakeDefault) return;
        dispatch({ type: 'asking' });
        onMakeDefault().then((setup) => dispatch({ type: 'set', setup }), failed);
      },
    },
    { current: () => keyContext(current()) },
  );
  return { setup: state.setup, problem: state.problem, ...keys, plugin, hints: [...hints, ...plugin.hints] };
}

/** The install under way, with how long it has run: offline, npm takes minutes to give up. */
function InstallingLine({ id, startedAt }: { id: string; startedAt: number }) {
  const now = useClock();
  return (
    <Box paddingLeft={1}>
      <Spinner
        label={`installing the ${id} plugin (OpenClaw fetches it from npm or ClawHub)… ${formatDuration(Math.max(0, now - startedAt))}`}
      />
    </Box>
  );
}

/** The plugin still to install, its install under way, or how that ended. */
function PluginLine({ plugin }: { plugin: PluginInstallView }) {
  const { state, need } = plugin;
  if (state.status === 'installing') return <InstallingLine id={state.need.id} startedAt={state.startedAt} />;
  // A bullet: its wrapped lines stay under its text, as the lines around it do.
  if (state.status === 'installed')
    return (
      <Bullet color="green" mark="✔">
        {pluginInstalledWords(state.need.id)}
      </Bullet>
    );
  if (state.status === 'failed')
    return (
      <Bullet color="yellow" mark="!">
        could not install the {state.need.id} plugin: {shown(state.reason, 300)}; the credential is kept —{' '}
        {plugin.canInstall ? 'i tries again, or run' : 'run'} {`\`${state.need.installCommand}\``} later
      </Bullet>
    );
  if (!need) return null;
  return (
    <Bullet color="yellow" mark="!">
      {state.status === 'idle' && state.stopped ? 'install stopped; ' : ''}
      {needWords(need)}: {plugin.offered ? `press i to run \`${need.installCommand}\`` : need.installCommand}
    </Bullet>
  );
}

/**
 * What onboarding wrote beside a saved secret (plugin, provider block, default model) and what
 * the gateway still lacks. `listedAt`: the caller already lists the setup's parts with this
 * config path (one line per file), so this does not list the file again.
 */
export function SetupLines({ view, listedAt }: { view: ProviderSetupView; listedAt?: string }) {
  const { setup, problem, offered, canMakeDefault, pluginFirst } = view;
  if (!setup)
    return problem ? (
      <Bullet color="yellow" mark="!">
        {shown(problem, 300)}
      </Bullet>
    ) : null;
  const parts = setupConfigParts(setup);
  const model = setup.defaultModel;
  return (
    <>
      {parts.length > 0 && setup.config.path !== listedAt && (
        <Bullet>
          {shown(setup.config.path)} ({parts.join('; ')})
        </Bullet>
      )}
      {offered && 'current' in model && (
        <Bullet color="yellow" mark="!">
          the default model stays {shown(modelRefWords(model.current))}
          {pluginFirst
            ? `; once the ${view.plugin.need?.id} plugin is in, ${canMakeDefault ? 'd' : '`--set-default-model`'} makes it ${modelRefWords(offered)}`
            : canMakeDefault
              ? `; press d to make it ${modelRefWords(offered)}`
              : `; \`--set-default-model\` makes it ${modelRefWords(offered)}`}
        </Bullet>
      )}
      <PluginLine plugin={view.plugin} />
      {setup.blocked && (
        <Bullet color="yellow" mark="!">
          {shown(setup.blocked, 300)}
        </Bullet>
      )}
      {setup.alternatives.length > 0 && (
        <Bullet color="yellow" mark="!">
          several endpoints or plans: `authdeck onboard --non-interactive --auth-choice {setup.alternatives[0]?.id}` (or{' '}
          {setup.alternatives
            .slice(1)
            .map((choice) => choice.id)
            .join(', ')}
          ) writes one
        </Bullet>
      )}
      {problem && (
        <Bullet color="yellow" mark="!">
          {shown(problem, 300)}
        </Bullet>
      )}
    </>
  );
}
