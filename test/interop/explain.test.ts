import { afterAll, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { layOutV9Home } from '../helpers/v9-layers.js';
import { type ExplainHome, HOMES } from './explain-homes.js';
import { interopHome } from './interop-home.js';
import { openclaw, parseJsonOutput } from './openclaw-harness.js';

// biome-ignore lint/suspicious/noExplicitAny: both programs' JSON is read loosely, as the comparison needs it.
type Json = any;

const agreed: string[] = [];
afterAll(() => {
  console.info(
    `explain agrees with OpenClaw 2026.9.6 \`models status --json\` on ${agreed.length} agent(s) in ${HOMES.length} homes`,
  );
});

/**
 * Each home holds OpenClaw 2026.9.6's store; both programs read it. Wherever `openclaw models
 * status --json` states an order or an effective profile, `authdeck explain --json` must say
 * the same: the model chain, each provider's effective profiles (resolveAuthProfileOrder, every
 * cooldown counted, as `models status` asks without a model), the cooldown and disabled windows,
 * and which providers in use can serve no request now.
 */
describe('explain agrees with OpenClaw 2026.9.6 `models status`', () => {
  it.each(HOMES)('$name', async (home) => {
    const h = interopHome('2026.9.6');
    const now = Date.now();
    layOutV9Home(h.stateDir, h.configPath, home.shared(now), home.local?.(now) ?? {}, home.config);
    for (const agent of home.agents ?? [undefined]) {
      const agentArgs = agent ? ['--agent', agent] : [];
      const [theirsRun, oursRun] = await Promise.all([
        openclaw('2026.9.6', h.home, ['models', 'status', '--json', ...agentArgs], { env: home.env ?? {} }),
        h.authdeck(['explain', '--json', ...agentArgs], undefined, home.env ?? {}),
      ]);
      const theirs: Json = parseJsonOutput(theirsRun);
      expect(oursRun.stderr).toBe('');
      const ours: Json = JSON.parse(oursRun.stdout);
      await compare(home, h, agentArgs, theirs, ours);
      agreed.push(`${home.name} (${agent ?? 'default agent'})`);
    }
  });
});

async function compare(
  home: ExplainHome,
  h: ReturnType<typeof interopHome>,
  agentArgs: string[],
  theirs: Json,
  ours: Json,
): Promise<void> {
  // The chain: the default model, then the fallbacks (an alias by OpenClaw's own alias map, which
  // holds the default aliases its config loader gave: `sonnet`).
  const aliases: Record<string, string> = theirs.aliases ?? {};
  const chain = [
    ...new Set([theirs.resolvedDefault, ...theirs.fallbacks.map((ref: string) => aliases[ref.toLowerCase()] ?? ref)]),
  ];
  expect(ours.models.map((entry: Json) => entry.ref)).toEqual(chain);

  for (const provider of theirs.auth.oauth.providers as Json[]) {
    const run = await h.authdeck(['explain', provider.provider, '--json', ...agentArgs], undefined, home.env ?? {});
    const mine: Json = JSON.parse(run.stdout).models[0];
    const effective = provider.effectiveProfiles.map((profile: Json) => profile.profileId);
    // `models status` groups profiles by their stored provider (no auth alias followed) and keeps the
    // order's profiles of that group (resolveProviderStatusProfiles); with none, the explicit order's
    // profiles of the group (else all of them) instead.
    const ids = (provider.profiles as Json[]).map((profile) => profile.profileId);
    const ordered = (mine.order as string[]).filter((id) => ids.includes(id));
    const fallback = mine.explicitOrder ? mine.explicitOrder.filter((id: string) => ids.includes(id)) : ids;
    expect({ provider: provider.provider, effective }).toEqual({
      provider: provider.provider,
      effective: ordered.length > 0 ? ordered : fallback,
    });
    // Each window the gateway honours, for the profiles it would try.
    const unusable = new Map(
      (theirs.auth.unusableProfiles as Json[]).map((entry) => [entry.profileId, [entry.kind, entry.until]]),
    );
    for (const profile of mine.profiles as Json[]) {
      if (profile.orderPosition === null) continue;
      expect([profile.id, profile.usage, profile.usageUntil]).toEqual([
        profile.id,
        ...(unusable.get(profile.id) ?? [null, null]),
      ]);
    }
  }

  // A provider in use that can serve nothing now is what `models status` calls missing. It does
  // not look at plugins: a provider whose plugin is off still counts there.
  for (const entry of ours.models as Json[]) {
    if (entry.plugin) continue;
    const sameProvider = (ours.models as Json[]).filter((other) => other.provider === entry.provider);
    if (sameProvider.some((other) => (other.skipped === null) !== (entry.skipped === null))) continue;
    expect([entry.ref, theirs.auth.missingProvidersInUse.includes(entry.provider)]).toEqual([
      entry.ref,
      entry.skipped !== null,
    ]);
  }
}

describe('status --check and OpenClaw 2026.9.6 `models status --check`: profiles that wait', () => {
  it.each([
    ['every profile of the default provider waits', 1],
    ['every profile cooling down for another model than the default', 0],
  ])('%s: both exit %i, with or without ANTHROPIC_API_KEY', async (name, code) => {
    const h = interopHome('2026.9.6');
    const now = Date.now();
    const home = HOMES.find((entry) => entry.name === name);
    expect(home).toBeDefined();
    layOutV9Home(h.stateDir, h.configPath, home!.shared(now), {}, home!.config);
    const envs: Array<Record<string, string>> = [{}, { ANTHROPIC_API_KEY: fakeSecrets.anthropicApiKey('env') }];
    for (const env of envs) {
      const [theirs, ours] = await Promise.all([
        openclaw('2026.9.6', h.home, ['models', 'status', '--check'], { env }),
        h.authdeck(['status', '--check'], undefined, env),
      ]);
      expect([theirs.code, ours.code]).toEqual([code, code]);
    }
  });
});
