import { describe, expect, it } from 'vitest';
import { setupConfigParts } from '../../src/components/SetupLines.js';
import type { ProviderSetUp } from '../../src/services/providers/provider-setup.js';

describe("the summary's line of what the setup wrote to openclaw.json", () => {
  it('names the endpoint each provider block points at: the region or plan chosen decides it', () => {
    const path = '/home/me/.openclaw/openclaw.json';
    const setUp: ProviderSetUp = {
      config: {
        path,
        files: [path],
        changed: true,
        created: false,
        applied: [{ path: ['models', 'providers', 'zai'], value: {} }],
      },
      defaultModel: { status: 'set', ref: 'zai/glm-5' },
      enabled: ['zai'],
      setup: {
        plugins: ['zai'],
        providers: { zai: { baseUrl: 'https://open.bigmodel.cn/api/paas/v4', api: 'openai-completions' } },
      },
      alternatives: [],
    };
    expect(setupConfigParts(setUp)).toEqual([
      'zai plugin enabled',
      'models.providers.zai → https://open.bigmodel.cn/api/paas/v4',
      'default model zai/glm-5',
    ]);
  });
});
