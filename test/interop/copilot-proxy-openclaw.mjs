// OpenClaw's own Copilot Proxy setup (its bundled plugin's auth method), run on answers instead
// of a person. Run with Node 24: `node copilot-proxy-openclaw.mjs <openclaw package dir>`, the
// cases ({ baseUrl, modelIds } as typed) as JSON on stdin; prints one result (or the refusal) each.
import { readFileSync } from 'node:fs';

const pkg = process.argv[2];
const plugin = (await import(`${pkg}/dist/extensions/copilot-proxy/index.js`)).default;
let provider;
plugin.register({ registerProvider: (registered) => (provider = registered) });

const results = [];
for (const answers of JSON.parse(readFileSync(0, 'utf8'))) {
  const checked = (question, value) => {
    const problem = question.validate?.(value);
    if (problem) throw new Error(problem);
    return value;
  };
  const prompter = {
    text: async (question) =>
      checked(question, question.message === 'Copilot Proxy base URL' ? answers.baseUrl : answers.modelIds),
  };
  try {
    const result = await provider.auth[0].run({ prompter });
    results.push({
      profiles: result.profiles,
      providers: result.configPatch.models.providers,
      modelEntries: result.configPatch.agents.defaults.models,
      defaultModel: result.defaultModel,
    });
  } catch (error) {
    results.push({ refused: String(error.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
