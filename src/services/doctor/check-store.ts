import type { ExplainReport } from '../explain/explain.js';
import { fallbackFor, fallsTo } from '../explain/falls-to.js';
import { asRecord } from '../json-text.js';
import { findOAuthProvider } from '../oauth/oauth-providers.js';
import { type AgentState, listAgentProfiles } from '../profiles/agent-state.js';
import { isKnownCredentialType, storedProfileType } from '../profiles/credential-view.js';
import { profileIdFlag } from '../profiles/profile-actions.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import { flagWord, shellWord } from '../shell-word.js';
import type { StatusReport } from '../status/report.js';
import { activateCommand } from '../status/words.js';
import { fileHolding } from '../store/documents.js';
import { awaitingImport, importFix } from './awaiting-import.js';
import type { Finding } from './doctor-types.js';

/** Entries OpenClaw would not use as they are written (it skips them, or counts them unusable). */
export function checkEntries(state: AgentState): Finding[] {
  const findings: Finding[] = [];
  const inactive = inactiveReplacements(state);
  for (const snapshot of [state.own, state.base]) {
    if (!snapshot) continue;
    const where = snapshot.path;
    for (const [id, raw] of Object.entries(snapshot.profiles)) {
      const type = storedProfileType(raw);
      if (typeof raw.provider !== 'string' || raw.provider.trim() === '') {
        findings.push(
          entry(
            id,
            where,
            'error',
            'has no provider',
            'the gateway skips an entry without a provider',
            `add "provider" to ${id} in ${where}, or remove it`,
          ),
        );
      }
      if (!isKnownCredentialType(type)) {
        findings.push(
          entry(
            id,
            where,
            'warning',
            `has type "${type}", which OpenClaw does not use for API calls`,
            'it is never tried (authdeck keeps it as it is)',
            `remove it (\`authdeck remove ${shellWord(id)}\`) if nothing else uses it`,
          ),
        );
      }
      // OpenClaw's onboarding keeps a new key aside when one is in use: never tried until activated.
      if (inactive.has(id)) {
        findings.push({
          code: 'inactive-setup',
          severity: 'info',
          subject: id,
          problem: `saved, inactive: a replacement an onboarding set aside (in ${where})`,
          why: 'the gateway does not use it until it is activated; the credential in use is unchanged',
          fix: `\`${activateCommand(id, state.workspace.agentId)}\` tests it and puts it in use, or \`authdeck remove ${shellWord(id)}\``,
        });
      }
      if (type === 'token' && raw.expires !== undefined && !isPositiveMs(raw.expires)) {
        findings.push(
          entry(
            id,
            where,
            'error',
            `"expires" is ${JSON.stringify(raw.expires)}, not a time in ms (OpenClaw: invalid_expires)`,
            'OpenClaw treats the token as unusable and never tries it',
            `paste it again with \`authdeck paste-token ${flagWord('--provider', String(raw.provider ?? ''))} ${flagWord('--profile-id', id)} --expires-in 365d\``,
          ),
        );
      }
    }
  }
  return findings;
}

function isPositiveMs(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function entry(
  id: string,
  where: string,
  severity: Finding['severity'],
  problem: string,
  why: string,
  fix: string,
): Finding {
  return { code: 'ignored-entry', severity, subject: id, problem: `${problem} (in ${where})`, why, fix };
}

/** Onboardings' replacements the gateway keeps inactive (the era rule is agent-state's). */
function inactiveReplacements(state: AgentState): Set<string> {
  return new Set(
    listAgentProfiles(state)
      .filter(({ view }) => view.problem === 'inactive-setup')
      .map(({ view }) => view.id),
  );
}

/** Orders that name missing profiles, and explicit orders that leave profiles out for good. */
export function checkOrders(state: AgentState, report: StatusReport): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(report.profiles.map((profile) => profile.id));
  const layers = [
    ['own', state.own],
    ['base', state.base],
  ] as const;
  for (const [layer, snapshot] of layers) {
    if (!snapshot || (layer === 'base' && state.layers.base?.role === 'inherited')) continue;
    for (const [provider, ids] of Object.entries(snapshot.unreadOrder ?? {})) {
      findings.push({
        code: 'unread-order',
        severity: 'warning',
        subject: `${provider} order in ${snapshot.path}`,
        problem: `(${ids.join(', ')}) is not read by OpenClaw: the database holds no store row beside it`,
        why: 'the gateway goes by another order (or none) — what `authdeck status` shows —, not this one',
        fix: `\`authdeck order set ${flagWord('--provider', provider)} ${ids.map(shellWord).join(' ')}\` writes it where OpenClaw reads it, or \`authdeck order clear ${flagWord('--provider', provider)}\` drops it`,
        // Every unread order of the layer at once: written alone, one would replace the others' row.
        safeFix: { kind: 'unread-order', layer, orders: snapshot.unreadOrder ?? {} },
      });
    }
    for (const [provider, ids] of Object.entries(snapshot.order)) {
      const dangling = ids.filter((id) => !known.has(id));
      if (dangling.length === 0) continue;
      // Each id once: an order OpenClaw wrote may repeat one, and the fix writes what is kept.
      const keep = [...new Set(ids.filter((id) => known.has(id)))];
      // A list naming no profile that exists is repaired by the gateway: it tries them all instead.
      const repaired =
        keep.length === 0 &&
        (report.providers.find((entry) => entry.provider === resolveAuthProvider(provider))?.order.length ?? 0) > 0;
      findings.push({
        code: 'dangling-order',
        severity: 'warning',
        subject: `${provider} order in ${fileHolding(snapshot, 'order')}`,
        problem: `names ${dangling.join(', ')}, which ${dangling.length === 1 ? 'is' : 'are'} not a profile`,
        why:
          keep.length === 0
            ? repaired
              ? "the gateway then tries every one of the provider's profiles instead; the list no longer says what happens"
              : 'an order of missing profiles leaves the provider with nothing to try'
            : 'the gateway skips the missing ids; the list no longer says what happens',
        fix:
          keep.length === 0
            ? `\`authdeck order clear ${flagWord('--provider', provider)}\``
            : `\`authdeck order set ${flagWord('--provider', provider)} ${keep.map(shellWord).join(' ')}\``,
        safeFix: { kind: 'dangling-order', layer, provider, keep },
      });
    }
  }
  // The config's auth.order too: it decides where the store has no order (no safe fix: an edit
  // of openclaw.json is the person's to make).
  const { config } = state.workspace;
  for (const [provider, ids] of Object.entries(config.authOrder)) {
    const dangling = ids.filter((id) => !known.has(id));
    if (dangling.length === 0) continue;
    const keep = [...new Set(ids.filter((id) => known.has(id)))];
    findings.push({
      code: 'dangling-order',
      severity: 'warning',
      subject: `${provider} order in ${config.path} (auth.order)`,
      problem: `names ${dangling.join(', ')}, which ${dangling.length === 1 ? 'is' : 'are'} not a profile`,
      why: 'the gateway skips the missing ids; the list no longer says what happens',
      fix:
        keep.length === 0
          ? `delete auth.order["${provider}"] from ${config.path}`
          : `set auth.order["${provider}"] to ${JSON.stringify(keep)} in ${config.path}`,
    });
  }
  for (const provider of report.providers) {
    if (!provider.explicitOrder) continue;
    const left = report.profiles.filter(
      (profile) => profile.provider === provider.provider && profile.notTried?.startsWith('not in'),
    );
    if (left.length === 0) continue;
    // The order to set: what is there, each id once and none that is missing (dangling-order), then the left-out.
    const keep = [...new Set(provider.explicitOrder.filter((id) => known.has(id))), ...left.map((p) => p.id)];
    findings.push({
      code: 'left-out-of-order',
      severity: 'warning',
      subject: provider.provider,
      problem: `${left.map((p) => p.id).join(', ')} ${left.length === 1 ? 'is' : 'are'} not in the explicit ${provider.provider} order (${provider.orderSource})`,
      why: 'the gateway never tries a profile its explicit order leaves out, not even when the others fail',
      // `order clear` drops only the agent's own override; an order from elsewhere would stay.
      fix: `\`authdeck order set ${flagWord('--provider', provider.provider)} ${keep.map(shellWord).join(' ')}\`${provider.orderSource === 'agent' ? ' (or `order clear`)' : ''}`,
    });
  }
  return findings;
}

/**
 * What an expiring (or failing) profile costs: requests fail, unless the gateway has something
 * after it — the provider's next profiles, its env or config key, a fallback model — as
 * `explain` lists them (an expiring first token with two keys behind it said "requests fail").
 */
function consequence(
  report: StatusReport,
  reason: StatusReport['check']['reasons'][number],
  explained: ExplainReport | undefined,
): string {
  const fails = reason.exitCode === 1 ? 'requests to this provider fail' : 'requests fail once it expires';
  const after =
    reason.profileId === null
      ? []
      : ((explained && fallsTo(explained, reason.provider, reason.profileId)) ??
        afterInOrder(report, reason.profileId, reason.provider));
  if (after.length === 0) {
    const fallback = explained && fallbackFor(explained, reason.provider);
    if (!fallback) return fails;
    return reason.exitCode === 1
      ? `requests to this provider fail and go on to the fallback ${fallback}`
      : `once it expires, requests go on to the fallback ${fallback}`;
  }
  const next = after.join(', then ');
  return reason.exitCode === 1
    ? `the gateway tries it first and fails over to ${next}`
    : `once it expires, requests go to ${next}`;
}

/** The usable profiles after `profileId` in the provider's order: for one no model in use tries. */
function afterInOrder(report: StatusReport, profileId: string, provider: string): string[] {
  const order = report.providers.find((entry) => entry.provider === provider)?.order ?? [];
  if (!order.includes(profileId)) return [];
  const usable = new Set(
    report.profiles
      .filter((profile) => profile.status !== 'expired' && profile.status !== 'missing')
      .map((profile) => profile.id),
  );
  return order.slice(order.indexOf(profileId) + 1).filter((id) => usable.has(id));
}

/** What `status --check` judges, plus expired leftovers, as findings. */
export function checkCredentials(report: StatusReport, state: AgentState, explained?: ExplainReport): Finding[] {
  // An inactive replacement has its own finding (checkEntries): it is not a broken profile.
  const inactive = inactiveReplacements(state);
  // A sign-in the gateway renews with its refresh token is not a problem to report or to fix.
  const reasons = report.check.reasons.filter((reason) => !reason.renewsItself);
  // A provider with no credential whose profiles only a JSON file holds: imported, it has them.
  const waiting = awaitingImport(state);
  // The provider as the gateway reads it: "OpenAI" in a hand-made file is openai.
  const waitingOf = (provider: string) =>
    waiting
      .filter((profile) => profile.provider && resolveAuthProvider(profile.provider) === resolveAuthProvider(provider))
      .map((profile) => profile.id);
  const findings: Finding[] = reasons.map((reason) => {
    const waitingIds = reason.profileId === null ? waitingOf(reason.provider) : [];
    return {
      code: reason.exitCode === 1 ? 'credential-fails' : 'credential-expiring',
      severity: reason.exitCode === 1 ? ('error' as const) : ('warning' as const),
      subject: reason.profileId ?? reason.provider,
      problem: reason.message,
      why: consequence(report, reason, explained),
      // An inactive replacement is put in use by OpenClaw's activate; saving over it keeps it inactive.
      ...(reason.waitsUntil !== undefined
        ? {
            why: 'requests to its models fail (or go to a fallback model) until a window ends',
            fix: 'nothing, if the cause passes (a rate limit, an overload); once it is gone (a renewed key, a paid bill), clear the window with `c` in `authdeck dashboard`',
          }
        : reason.profileId && inactive.has(reason.profileId)
          ? { fix: `\`${activateCommand(reason.profileId, state.workspace.agentId)}\` tests it and puts it in use` }
          : waitingIds.length > 0
            ? {
                problem: `${reason.message}; ${waitingIds.join(', ')} ${waitingIds.length === 1 ? 'waits' : 'wait'} in a JSON file this OpenClaw no longer reads`,
                fix: importFix(state),
              }
            : renewalOf(report, reason.provider, reason.profileId ?? undefined, false)),
    };
  });
  const judged = new Set(report.check.reasons.map((reason) => reason.profileId));
  for (const profile of report.profiles) {
    if (judged.has(profile.id) || inactive.has(profile.id)) continue;
    if (profile.status !== 'expired' && profile.status !== 'missing') continue;
    findings.push({
      code: 'unused-broken-profile',
      severity: 'info',
      subject: profile.id,
      problem: profile.status === 'expired' ? 'expired' : 'has no secret',
      why: 'the gateway does not try it now (another profile or no model needs it), so nothing fails yet',
      ...renewalOf(report, profile.provider, profile.id, true),
    });
  }
  return findings;
}

/** How to renew it: an OAuth sign-in refreshes (a safe fix), anything else is made again. */
function renewalOf(
  report: StatusReport,
  provider: string,
  profileId: string | undefined,
  offerRemove: boolean,
): Pick<Finding, 'fix' | 'safeFix'> {
  const profile = profileId ? report.profiles.find((entry) => entry.id === profileId) : undefined;
  if (profile?.type === 'oauth' && profile.status !== 'missing' && findOAuthProvider(provider)?.kind === 'oauth')
    return {
      fix: `\`authdeck refresh ${shellWord(profile.id)}\`, or sign in again with \`authdeck login ${flagWord('--provider', provider)}\``,
      safeFix: { kind: 'refresh-oauth', profileId: profile.id },
    };
  // Made again under the same id, so the order and the config still name it.
  const idFlag = profileIdFlag(profileId);
  const again =
    provider === 'anthropic'
      ? profile?.type === 'api_key'
        ? `\`authdeck add-key --provider anthropic${idFlag}\``
        : // A token renewed is a token: add-key would make an API key beside it, not renew it.
          `\`authdeck setup-token${idFlag}\`, or one made elsewhere with \`authdeck paste-token --provider anthropic${idFlag}\``
      : findOAuthProvider(provider)
        ? `\`authdeck login ${flagWord('--provider', provider)}\` or \`authdeck add-key ${flagWord('--provider', provider)}${idFlag}\``
        : // A token is replaced by a token: add-key keeps a profile of another type as it is.
          `\`authdeck ${profile?.type === 'token' ? 'paste-token' : 'add-key'} ${flagWord('--provider', provider)}${idFlag}\``;
  return {
    fix: offerRemove && profileId ? `renew it (${again}) or \`authdeck remove ${shellWord(profileId)}\`` : again,
  };
}

/** `{ "openrouter": { "apiKey": … } }`: a store shape older than `profiles`, which OpenClaw ignores. */
export function checkFlatStore(state: AgentState): Finding[] {
  const doc = state.own.profilesDoc;
  if (asRecord(doc.profiles)) return [];
  const flat = Object.entries(doc).filter(([, value]) => asRecord(value)?.apiKey !== undefined);
  if (flat.length === 0) return [];
  return [
    {
      code: 'flat-store',
      severity: 'warning',
      subject: state.own.path,
      problem: `an old flat store (${flat.map(([name]) => name).join(', ')}) without "profiles"`,
      why: 'OpenClaw reads credentials only from "profiles": these keys are not used',
      fix: `add each again with \`authdeck add-key ${flagWord('--provider', flat[0]?.[0] ?? 'P')}\`, then remove the old keys from the file`,
    },
  ];
}
