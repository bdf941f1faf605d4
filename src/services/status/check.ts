import { describeExpiry, formatDuration } from '../durations.js';
import { isUsableStatus } from './health.js';
import type { ProviderUse } from './model-types.js';
import type { CheckFinding, CheckMode, CheckResult, ProfileReport, ProviderReport } from './types.js';
import { unsetKeyWords, waitingWords } from './words.js';

export type { CheckFinding, CheckMode, CheckResult } from './types.js';

export interface CheckInputs {
  mode: CheckMode;
  profiles: readonly ProfileReport[];
  providers: readonly ProviderReport[];
  /** The models that put each provider in use (one provider may have several). */
  uses: readonly ProviderUse[];
  nowMs: number;
  warnWithinMs: number;
  /** OAuth profiles that hold a refresh token: the gateway renews them before they run out. */
  renewable?: ReadonlySet<string>;
  /** The providers judged: those in use, and `--provider P` (README "Exit codes"); unset, those in use. */
  judged?: ReadonlySet<string>;
  /**
   * Providers whose every ordered profile is cooling down or disabled (for a model that uses
   * them), on a gateway that then skips their models however else it holds a key (2026.8+; the
   * report fills it only there).
   */
  allWaiting?: ReadonlyMap<string, WaitingProvider>;
}

export interface WaitingProvider {
  /** When the first of them is back (ms). */
  until: number;
  ids: string[];
}

/** OpenClaw's refresh margin: an OAuth access token this close to expiry counts as expiring whatever the window. */
const OAUTH_REFRESH_MARGIN_MS = 5 * 60_000;

type Verdict = 'counts-not' | 'fine' | 'expiring' | 'expired' | 'missing';

/**
 * A profile as OpenClaw's check sees it: an OAuth profile by its access token's expiry (even
 * when a refresh token would renew it), a token by its expiry, an API key never.
 */
function verdictOf(profile: ProfileReport, nowMs: number, warnWithinMs: number): Verdict {
  if (profile.type === 'oauth') {
    if (profile.status === 'missing' || profile.expiresAt === null) return 'missing';
    const left = profile.expiresAt - nowMs;
    if (left <= 0) return 'expired';
    return left <= Math.max(warnWithinMs, OAUTH_REFRESH_MARGIN_MS) ? 'expiring' : 'fine';
  }
  if (profile.type !== 'token') return 'counts-not';
  if (profile.status === 'expired' || profile.status === 'missing' || profile.status === 'expiring')
    return profile.status;
  return 'fine';
}

/**
 * README "What status --check judges", as OpenClaw 2026.5–2026.7 decide it: for each provider in use, the profiles the
 * order would try (else the explicit order's, else all the provider's) — 1 when one of them
 * is expired or has no secret, or nothing usable is left, unless an env or config key covers
 * the provider; 2 when one expires within the window; else 0.
 */
export function evaluateCheck(inputs: CheckInputs): CheckResult {
  const findings: CheckFinding[] = [];
  for (const provider of inputs.providers) {
    if (inputs.judged?.has(provider.provider) ?? provider.inUse) findings.push(...judgeProviderInUse(provider, inputs));
  }
  if (inputs.mode === 'all') {
    const seen = new Set(findings.map((finding) => finding.profileId));
    for (const profile of inputs.profiles) {
      if (seen.has(profile.id)) continue;
      const finding = judgeProfile(profile, inputs);
      if (finding) findings.push(finding);
    }
  }
  findings.sort((a, b) => a.exitCode - b.exitCode);
  const exitCode = findings.some((f) => f.exitCode === 1) ? 1 : findings.length > 0 ? 2 : 0;
  return { mode: inputs.mode, exitCode, reasons: findings };
}

function judgeProviderInUse(provider: ProviderReport, inputs: CheckInputs): CheckFinding[] {
  const waits = inputs.allWaiting?.get(provider.provider);
  if (waits) {
    const back = formatDuration(waits.until - inputs.nowMs);
    const windows = waits.ids.map((id) => {
      const words = waitingWords(
        inputs.profiles.find((profile) => profile.id === id),
        inputs.nowMs,
      );
      return words ? `${id} ${words}` : id;
    });
    return [
      {
        exitCode: 1,
        provider: provider.provider,
        profileId: null,
        message: `${provider.provider} ${usedFor(provider.provider, inputs.uses)}: every profile in its order is cooling down or disabled, so the gateway skips its models until one is back in ${back} (${windows.join('; ')})`,
        waitsUntil: waits.until,
      },
    ];
  }
  if (
    provider.effectiveSource === 'env' ||
    provider.effectiveSource === 'config' ||
    provider.effectiveSource === 'local'
  )
    return [];
  const why = usedFor(provider.provider, inputs.uses);
  const mine = inputs.profiles.filter((profile) => profile.provider === provider.provider);
  if (provider.order.length === 0) {
    // Nothing the gateway would try, and no key outside the store: every request fails.
    const listed = provider.explicitOrder;
    const named = new Set(listed ?? []);
    const candidates = listed ? mine.filter((profile) => named.has(profile.id)) : mine;
    const isCandidate = new Set(candidates);
    const bystanders = mine.filter((profile) => !isCandidate.has(profile) && isUsableStatus(profile.status));
    const first = candidates[0] ?? mine[0];
    let message: string;
    if (mine.length === 0 && provider.awaitingImport.length > 0)
      message = `${provider.provider} ${why} has no credential the gateway reads: ${provider.awaitingImport.join(', ')} only a JSON file holds, which this OpenClaw imports with \`openclaw doctor --fix\``;
    else if (mine.length === 0)
      message = `${provider.provider} ${why} has no credential: no profile and no key in the environment${provider.configKeyUnset ? `, and ${unsetKeyWords(provider.provider, provider.configKeyUnset)}` : ''}`;
    else if (candidates.length === 0)
      message = `${provider.provider} ${why}: its order names no profile it has, so none is tried`;
    else {
      message = `${provider.provider} ${why} has no usable profile: ${candidates.map((p) => `${p.id} ${p.notTried ?? p.status}`).join('; ')}`;
      if (bystanders.length > 0)
        message += ` (${bystanders.map((p) => p.id).join(', ')} would work but ${bystanders[0]?.notTried ?? 'is not tried'})`;
    }
    return [{ exitCode: 1, provider: provider.provider, profileId: first?.id ?? null, message }];
  }
  const byId = new Map(mine.map((profile) => [profile.id, profile]));
  const effective = provider.order.map((id) => byId.get(id)).filter((profile) => profile !== undefined);
  for (const wanted of ['expired', 'missing', 'expiring'] as const) {
    const hit = effective.find((profile) => verdictOf(profile, inputs.nowMs, inputs.warnWithinMs) === wanted);
    if (hit) {
      const exitCode = wanted === 'expiring' ? 2 : 1;
      return [
        {
          exitCode,
          provider: provider.provider,
          profileId: hit.id,
          message: `${provider.provider} ${why}: ${describe(hit, inputs, wanted)}`,
          ...renewal(hit, wanted, inputs),
        },
      ];
    }
  }
  return [];
}

function judgeProfile(profile: ProfileReport, inputs: CheckInputs): CheckFinding | undefined {
  const verdict =
    profile.type === 'api_key' && profile.status === 'missing'
      ? 'missing'
      : verdictOf(profile, inputs.nowMs, inputs.warnWithinMs);
  if (verdict !== 'expired' && verdict !== 'missing' && verdict !== 'expiring') return undefined;
  return {
    exitCode: verdict === 'expiring' ? 2 : 1,
    provider: profile.provider,
    profileId: profile.id,
    message: describe(profile, inputs, verdict),
    ...renewal(profile, verdict, inputs),
  };
}

/**
 * An expiring OAuth profile with a refresh token: the gateway renews it, which OpenClaw's check
 * does not weigh, so the exit stays 2 and says so; doctor and monitor leave it alone.
 */
function renewal(profile: ProfileReport, verdict: Verdict, inputs: CheckInputs): Pick<CheckFinding, 'renewsItself'> {
  return verdict === 'expiring' && inputs.renewable?.has(profile.id) ? { renewsItself: true } : {};
}

function describe(profile: ProfileReport, inputs: CheckInputs, verdict: Verdict): string {
  const { nowMs } = inputs;
  const tried = profile.orderPosition !== null ? ` (tried #${profile.orderPosition})` : '';
  if (profile.expiresAt === null || profile.status === 'missing')
    return `${profile.id}${tried} has no usable secret${profile.type === 'oauth' ? ' or no expiry time' : ''}`;
  const renews = renewal(profile, verdict, inputs).renewsItself
    ? ' (the gateway renews it with its refresh token; OpenClaw counts it as expiring too)'
    : '';
  return `${profile.id}${tried} ${describeExpiry(profile.expiresAt, nowMs)}${renews}`;
}

/** "(default model anthropic/claude-opus-4-6)": the first model that puts the provider in use. */
function usedFor(provider: string, uses: readonly ProviderUse[]): string {
  const use = uses.find((entry) => entry.provider === provider);
  if (!use) return '(checked with --provider)';
  if (use.role === 'built-in default') {
    const model = use.ref.includes('/') ? use.ref : `its built-in ${use.ref} model`;
    return `(no default model is configured, so OpenClaw uses ${model})`;
  }
  return `(${use.fromAgent ? "the agent's " : ''}${use.role} model ${use.ref})`;
}
