import { existsSync } from 'node:fs';
import { changeConfig } from '../../src/services/config/config-changes.js';
import type { SetupPlan } from '../../src/services/providers/setup-plan.js';
import { makeTempHome, readJson, writeJsonFile } from './temp-state.js';

/**
 * A plan made against `doc` written to a real openclaw.json in a temp home (no file when `doc`
 * is undefined) and applied by changeConfig, as onboarding applies it: the plan's outcome and
 * the config as it lands on disk (undefined when there is still no file).
 */
export async function planOnDisk(
  doc: Record<string, unknown> | undefined,
  plan: (doc: Record<string, unknown>) => SetupPlan,
  // biome-ignore lint/suspicious/noExplicitAny: the config as written, read back by path.
): Promise<{ outcome: SetupPlan; config: any; changed: boolean; configPath: string }> {
  const { configPath } = makeTempHome();
  if (doc) writeJsonFile(configPath, doc);
  let outcome: SetupPlan | undefined;
  const result = await changeConfig(configPath, (current) => {
    outcome = plan(current);
    return outcome.changes;
  });
  if (!outcome) throw new Error('the plan was not made');
  return {
    outcome,
    config: existsSync(configPath) ? readJson(configPath) : undefined,
    changed: result.changed,
    configPath,
  };
}
