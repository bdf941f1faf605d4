import { asRecord } from '../json-text.js';
import { type CatalogChoice, endpointUnknown } from './catalog.js';
import type { ProviderSetup } from './setup-plan.js';

/** The setup a catalog choice writes, observed from OpenClaw's own onboarding (scripts/catalog). */
export function catalogSetup(choice: CatalogChoice): ProviderSetup {
  const observed = choice.setup;
  const plugins = observed?.plugins ?? (choice.plugin ? [choice.plugin.id] : []);
  const models = asRecord(observed?.models);
  const providers: Record<string, Record<string, unknown>> = {};
  for (const [id, block] of Object.entries(asRecord(models?.providers) ?? {})) {
    const record = asRecord(block);
    if (record) providers[id] = record;
  }
  const ref = choice.defaultModel?.ref;
  const entry = observed
    ? observed.defaultModelEntry
    : choice.defaultModel?.alias
      ? { alias: choice.defaultModel.alias }
      : {};
  const modelEntries = observed?.modelEntries ?? {};
  // An image choice's onboarding makes its model the default for images (fal's).
  const image = asRecord(asRecord(observed?.mediaModels)?.image)?.primary;
  const older = choice.olderDefault;
  const olderModels = asRecord(choice.olderSetup?.models);
  const olderProviders: Record<string, Record<string, unknown>> = {};
  for (const [id, block] of Object.entries(asRecord(olderModels?.providers) ?? {})) {
    const record = asRecord(block);
    if (record) olderProviders[id] = record;
  }
  return {
    plugins,
    ...(typeof models?.mode === 'string' ? { modelsMode: models.mode } : {}),
    providers,
    ...(ref ? { defaultModel: { ref, entry } } : {}),
    ...(older ? { olderDefaultModel: { ref: older.ref, entry: older.entry } } : {}),
    ...(Object.keys(olderProviders).length > 0
      ? {
          olderProviders: {
            ...(typeof olderModels?.mode === 'string' ? { modelsMode: olderModels.mode } : {}),
            providers: olderProviders,
            region: endpointUnknown(choice),
          },
        }
      : {}),
    ...(Object.keys(modelEntries).length > 0 ? { modelEntries } : {}),
    // As OpenClaw's fal onboarding: only where no image default is set at all.
    ...(typeof image === 'string' ? { facts: [{ kind: 'image-model', ref: image, ifUnset: true } as const] } : {}),
  };
}
