import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigation, useServices, useSwitchServices, useWritesBusy } from '../../contexts.js';
import type { Screen } from '../../navigation.js';
import { formatRelative } from '../../services/durations.js';
import { errorMessage } from '../../services/errors.js';
import type { GatewayNote } from '../../services/gateway/reload-auth.js';
import type { ProbeOutcome } from '../../services/probe/probe-runner.js';
import { type AgentState, envStillHoldsNote, envVariablesHolding } from '../../services/profiles/agent-state.js';
import { moveInOrder, orderBase } from '../../services/profiles/order-edit.js';
import { shellWord } from '../../services/shell-word.js';
import { isUsableStatus } from '../../services/status/health.js';
import type { StatusReport } from '../../services/status/report.js';
import { countOf, waitingWords } from '../../services/status/words.js';
import { shown } from '../../services/terminal-text.js';
import type { SelectableRow } from './dashboard-rows.js';
import type { DashboardUi, DashboardUiAction } from './use-dashboard-ui.js';

function withGateway(text: string, gateway: GatewayNote | undefined): string {
  return gateway ? `${text}; ${gateway.line}` : text;
}

/** What the dashboard's keys do; every write reports back in the message line, never throws. */
export function useDashboardActions(
  dispatch: (action: DashboardUiAction) => void,
  reload: () => void,
  getUi: () => DashboardUi,
) {
  const services = useServices();
  const navigation = useNavigation();
  /** The dashboard as it is now: a screen pushed over it comes back to the same row and filter. */
  const here = (): Screen => {
    const { cursorKey, filter } = getUi();
    return { name: 'dashboard', ...(cursorKey ? { cursor: cursorKey } : {}), ...(filter ? { filter } : {}) };
  };
  const switchServices = useSwitchServices();
  // One write at a time, said while it runs: a first write on OpenClaw 2026.8+ runs OpenClaw,
  // which takes seconds (a minute offline), and a key pressed again must not start a second.
  const writing = useRef<string | undefined>(undefined);
  // The app's count too: a write started before this screen was last opened is still one.
  const writesBusy = useWritesBusy();
  /** A write is under way: says so and answers true (the key that would start another does nothing). */
  // A key refused meanwhile: its "wait" goes when the write lands, so the landing says it.
  const refusedMeanwhile = useRef(false);
  // Checks under way stop when the dashboard goes (quit, or a screen opened over it): left
  // running, one kept authdeck from exiting until it timed out.
  const [probing] = useState(() => new AbortController());
  useEffect(() => () => probing.abort(), [probing]);
  const refuseWhileWriting = useCallback((): boolean => {
    const before = writing.current ?? (writesBusy() ? 'A write is still under way.' : undefined);
    if (before === undefined) return false;
    if (writing.current !== undefined) refusedMeanwhile.current = true;
    dispatch({ type: 'message', text: `${before} Wait for it to finish.`, tone: 'busy' });
    return true;
  }, [dispatch, writesBusy]);
  const run = useCallback(
    (busy: string, work: () => Promise<string>) => {
      if (refuseWhileWriting()) return;
      writing.current = busy;
      refusedMeanwhile.current = false;
      dispatch({ type: 'message', text: busy, tone: 'busy', since: services.now() });
      const landed = () => {
        writing.current = undefined;
        const refused = refusedMeanwhile.current;
        refusedMeanwhile.current = false;
        return refused ? ' (a key pressed while it ran did nothing: press it again)' : '';
      };
      work().then(
        (text) => {
          dispatch({ type: 'message', text: `${text}${landed()}`, tone: 'success' });
          reload();
        },
        (error: unknown) => {
          dispatch({ type: 'message', text: `${errorMessage(error)}${landed()}`, tone: 'error' });
        },
      );
    },
    [dispatch, reload, refuseWhileWriting, services.now],
  );

  return {
    refuseWhileWriting,
    remove: (row: SelectableRow, state: AgentState | undefined) => {
      if (row.kind !== 'profile')
        return dispatch({
          type: 'message',
          text:
            row.env.origin === 'process'
              ? `${row.env.variable} is not a profile: it comes from authdeck's environment; unset it in your shell`
              : `${row.env.variable} is not a profile: it comes from ${services.workspace.daemonEnvPath}; \`authdeck env unset ${shellWord(row.env.variable)}\` removes it`,
          tone: 'error',
        });
      run(`Removing ${row.profile.id}…`, async () => {
        const envStillHolds = state ? envVariablesHolding(state, row.profile.id) : [];
        const removed = await services.removeProfile(row.profile.id);
        const notes = state ? envStillHolds.map((name) => `; ${envStillHoldsNote(state, name)}`).join('') : '';
        return withGateway(`Removed ${removed.profileId} from ${removed.storePath}${notes}`, removed.gatewayNote);
      });
    },
    reorder: (row: SelectableRow, report: StatusReport, state: AgentState, direction: -1 | 1) => {
      if (row.kind !== 'profile')
        return dispatch({
          type: 'message',
          text: `${row.env.variable} is an environment variable: an order lists profiles only`,
          tone: 'info',
        });
      // While an order is being written, the order on screen is the old one: what a move would
      // do to it ("already last") is not worth saying over the write still under way.
      if (refuseWhileWriting()) return;
      const provider = row.profile.provider;
      const base = orderBase(report, state, provider);
      // The table lists profiles as the gateway tries them now: one waiting or expired stays
      // below the others whatever the order, so a move past it seems to do nothing unless said.
      const skippedNow = (id: string) => {
        const profile = report.profiles.find((entry) => entry.id === id);
        if (!profile) return undefined;
        return waitingWords(profile, services.now()) ?? (isUsableStatus(profile.status) ? undefined : profile.status);
      };
      const next = moveInOrder(base, row.profile.id, direction);
      if (next === base) {
        // First in the written order yet shown below the others: it waits, which K cannot change.
        const waits = direction < 0 ? skippedNow(row.profile.id) : undefined;
        const text =
          base.length <= 1
            ? `${row.profile.id} is the only ${provider} profile: nothing to reorder`
            : waits
              ? `${row.profile.id} is already first in the written ${provider} order, but it waits (${waits}): the gateway tries the others first${row.profile.usage ? ' (c clears the window if its cause is gone)' : ''}`
              : `${row.profile.id} is already ${direction < 0 ? 'first' : 'last'} in the ${provider} order`;
        return dispatch({ type: 'message', text, tone: 'info' });
      }
      const slow = state.store.orderWriteRunsOpenclaw ? ' (this runs OpenClaw, which can take a minute)' : '';
      // Only one written above a profile tried now is out of place on screen.
      const aside = next.flatMap((id, index) => {
        const why = skippedNow(id);
        return why && next.slice(index + 1).some((after) => !skippedNow(after)) ? [`${id} ${why}`] : [];
      });
      const later =
        aside.length > 0
          ? `; ${aside.join(', ')} ${aside.length === 1 ? 'stays' : 'stay'} below the others in the table: the gateway tries ${aside.length === 1 ? 'it' : 'them'} after them now`
          : '';
      run(`Writing the ${provider} order…${slow}`, async () => {
        const result = await services.setOrder(provider, next);
        return withGateway(`${provider} order: ${next.join(' → ')} (${result.path})${later}`, result.gatewayNote);
      });
    },
    clearCooldown: (row: SelectableRow) => {
      if (row.kind !== 'profile' || row.profile.usage === null)
        return dispatch({ type: 'message', text: 'no cooldown to clear here', tone: 'info' });
      const { usage, disabledReason, id } = row.profile;
      // "the disabled window": a disable for billing is cleared, not the billing problem behind it.
      const what = usage === 'disabled' ? 'disabled window' : 'cooldown';
      const still =
        usage === 'disabled' && disabledReason
          ? `; it was disabled for ${shown(disabledReason)}: if that is not fixed the gateway disables it again`
          : '';
      run(`Clearing the ${what} of ${id}…`, async () => {
        const cleared = await services.clearCooldown(id);
        return withGateway(`Cleared the ${what} of ${id}${still}`, cleared.gatewayNote);
      });
    },
    /** An OAuth sign-in's access token renewed now, under the gateway's refresh lock. */
    refresh: (row: SelectableRow) => {
      if (row.kind !== 'profile' || row.profile.type !== 'oauth')
        return dispatch({
          type: 'message',
          text: `only OAuth sign-ins refresh; ${row.kind === 'profile' ? `${row.profile.id} is ${row.profile.type === 'api_key' ? 'an API key' : `a ${row.profile.type}`}` : 'this is an environment variable'}`,
          tone: 'info',
        });
      const id = row.profile.id;
      run(`Refreshing ${id}…`, async () => {
        const outcome = await services.refreshProfile(id);
        const when = formatRelative(outcome.expiresAt, services.now());
        const text =
          outcome.status === 'refreshed'
            ? `Refreshed ${id}: access expires ${when}`
            : outcome.status === 'still-valid'
              ? `${id} is good for a while (expires ${when})`
              : `${id} was refreshed by the gateway meanwhile (expires ${when})`;
        return withGateway(text, outcome.gatewayNote);
      });
    },
    setupToken: (row: SelectableRow | undefined) => {
      const target =
        row?.kind === 'profile' &&
        row.profile.provider === 'anthropic' &&
        row.profile.type === 'token' &&
        row.profile.source === 'store'
          ? row.profile.id
          : undefined;
      navigation.push({ name: 'setup-token', ...(target ? { profileId: target } : {}) }, here());
    },
    add: () => navigation.push({ name: 'onboard' }, here()),
    /** Every key checked live; each row then shows its last result. Writes nothing. */
    probe: (onResults: (outcomes: ProbeOutcome[]) => void) => {
      dispatch({ type: 'message', text: 'Probing the keys (free, read-only)…', tone: 'info' });
      services.probe(undefined, probing.signal).then(
        (outcomes) => {
          onResults(outcomes);
          const tried = outcomes.filter((outcome) => outcome.result !== 'not_probed');
          const bad = tried.filter((outcome) => outcome.result !== 'ok');
          // Why the others were not: "no free check for this provider", "expired: …", once each.
          const why = [...new Set(outcomes.filter((o) => o.result === 'not_probed').map((o) => o.detail))];
          // An environment variable is not a profile: each counted as what it is.
          const untried = outcomes.filter((outcome) => outcome.result === 'not_probed');
          const envs = untried.filter((outcome) => outcome.id.startsWith('env:')).length;
          const counted = [
            ...(untried.length > envs ? [countOf(untried.length - envs, 'profile')] : []),
            ...(envs > 0 ? [countOf(envs, 'env key')] : []),
          ].join(' and ');
          const notProbed = untried.length > 0 ? `${counted} not probed (${why.join('; ')})` : '';
          dispatch({
            type: 'message',
            text:
              tried.length === 0
                ? `Nothing to probe: ${notProbed || 'no API keys'}`
                : `Probed ${countOf(tried.length, 'key')}: ${tried.length - bad.length} ok${bad.length ? `, ${bad.map((o) => `${o.id} ${o.result}`).join(', ')}` : ''}${notProbed ? `; ${notProbed}` : ''}`,
            tone: bad.length ? 'error' : tried.length === 0 ? 'info' : 'success',
          });
        },
        (error: unknown) => dispatch({ type: 'message', text: errorMessage(error), tone: 'error' }),
      );
    },
    switchAgent: (agentId: string) => {
      dispatch({ type: 'mode', mode: 'list' });
      services.forAgent(agentId).then(
        (next) => {
          switchServices(next);
          dispatch({ type: 'message', text: `Agent ${agentId}`, tone: 'info' });
        },
        (error: unknown) => dispatch({ type: 'message', text: errorMessage(error), tone: 'error' }),
      );
    },
    quit: () => navigation.exit({ exitCode: 0 }),
  };
}
