// OpenClaw's own Microsoft Foundry onboarding, run on answers instead of a person: its API-key
// questions (promptApiKeyEndpointAndModel) answered from each case, then the result its plugin
// returns (buildFoundryAuthResult). Run with Node 24: `node foundry-openclaw.mjs <openclaw package dir>`,
// the cases as JSON on stdin; prints one result (or the refusal) per case.
import { readFileSync } from 'node:fs';

const pkg = process.argv[2];
const { buildFoundryAuthResult } = await import(`${pkg}/dist/extensions/microsoft-foundry/shared.js`);
const { promptApiKeyEndpointAndModel } = await import(`${pkg}/dist/extensions/microsoft-foundry/onboard.js`);

const FAMILY = { claude: 'claude', 'gpt-5': 'reasoning-family', 'mai-image': 'mai-image', other: 'other-chat' };

function prompterFor(answers) {
  const checked = (question, value) => {
    const problem = question.validate?.(value);
    if (problem) throw new Error(problem);
    return value;
  };
  return {
    text: async (question) => {
      if (question.message === 'Microsoft Foundry endpoint URL') return checked(question, answers.endpoint);
      if (question.message === 'Default model/deployment name') return checked(question, answers.deployment);
      if (question.message === 'Claude base model') return checked(question, answers.model);
      throw new Error(`unexpected question: ${question.message}`);
    },
    select: async (question) => {
      if (question.message === 'Model family') return FAMILY[answers.family];
      if (question.message === 'MAI image base model') return answers.model;
      if (question.message === 'Select request API') return answers.api ?? question.initialValue;
      throw new Error(`unexpected question: ${question.message}`);
    },
    note: async () => {},
  };
}

const results = [];
for (const answers of JSON.parse(readFileSync(0, 'utf8'))) {
  try {
    const selection = await promptApiKeyEndpointAndModel({ prompter: prompterFor(answers) });
    const result = buildFoundryAuthResult({
      profileId: 'microsoft-foundry:default',
      apiKey: 'key',
      endpoint: selection.endpoint,
      modelId: selection.modelId,
      modelNameHint: selection.modelNameHint,
      api: selection.api,
      authMethod: 'api-key',
      currentProviderProfileIds: [],
      notes: [],
    });
    results.push({
      // JSON drops the keys the plugin sets to undefined (it removes them from the config).
      metadata: result.profiles[0].credential.metadata,
      provider: JSON.parse(JSON.stringify(result.configPatch.models.providers['microsoft-foundry'])),
      defaultModel: result.defaultModel ?? null,
      imageModel: result.configPatch.agents?.defaults?.mediaModels?.image?.primary ?? null,
      order: result.configPatch.auth.order['microsoft-foundry'],
    });
  } catch (error) {
    results.push({ refused: String(error.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
