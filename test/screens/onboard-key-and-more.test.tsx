import { describe, expect, it } from 'vitest';
import { createFakeServices, sharedSqliteState } from '../helpers/fake-services.js';
import { openProviderList, refusedThenAnswered, renderApp, waitForFrame } from '../helpers/ink.js';

describe('onboarding wizard: a key set up with more than the key', () => {
  it("asks Microsoft Foundry's endpoint, deployment, family and API before its key, as OpenClaw does, and saves them with it", async () => {
    const services = createFakeServices();
    services.state = sharedSqliteState();
    const app = await renderApp(services, { name: 'onboard', provider: 'microsoft-foundry' });
    const methods = await waitForFrame(app, 'How do you want to sign in to Microsoft Foundry?');
    // A bare token would be no more use to the gateway than a key without its deployment.
    expect(methods).not.toContain('Paste a token');
    await app.press('enter');
    await waitForFrame(app, 'Microsoft Foundry endpoint URL:');
    await refusedThenAnswered(app, {
      question: 'Microsoft Foundry endpoint URL:',
      bad: 'acme',
      reason: '"acme" is not an http(s) URL',
      good: 'https://acme.openai.azure.com',
    });
    // OpenClaw's default deployment, ready to keep or change: typing replaces it (typed after it,
    // "gpt-4o-prod" was saved as "gpt-4ogpt-4o-prod").
    await waitForFrame(app, 'gpt-4o');
    await app.type('gpt-4o-prod');
    expect(await waitForFrame(app, 'gpt-4o-prod')).not.toContain('gpt-4ogpt');
    await refusedThenAnswered(app, {
      question: 'Default model/deployment name:',
      bad: 'my dep',
      reason: '"my dep" is not a deployment name',
      good: 'prod',
    });
    await waitForFrame(app, 'Model family:');
    // Esc goes back one question, the answer kept.
    await app.press('escape');
    await waitForFrame(app, 'Default model/deployment name:');
    expect(app.frame()).toContain('prod');
    await app.press('enter');
    await waitForFrame(app, '❯ Other chat model');
    await app.press('up');
    await app.press('up');
    await app.press('enter');
    // GPT-5's API is Responses, highlighted first.
    await waitForFrame(app, '❯ Responses API');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    // Esc from the key: the last question again, its answer highlighted.
    await app.press('escape');
    await waitForFrame(app, 'Request API:');
    expect(app.frame()).toContain('❯ Responses API');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    await app.type('f'.repeat(32));
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "in the daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved');
    expect(services.calls.find(([name]) => name === 'saveCredential')?.[1]).toMatchObject({
      profileId: 'microsoft-foundry:default',
      authChoice: 'microsoft-foundry-apikey',
      foundry: {
        endpoint: 'https://acme.openai.azure.com',
        deployment: 'prod',
        family: 'gpt-5',
        api: 'openai-responses',
      },
    });
  });

  it("says why Microsoft Foundry's key is left to openclaw onboard on a home of OpenClaw before 2026.8, asking nothing", async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'microsoft-foundry', method: 'api-key' });
    const frame = await waitForFrame(app, 'as OpenClaw 2026.8 and later do');
    expect(frame.replace(/\s+/g, ' ')).toContain('run `openclaw onboard --auth-choice microsoft-foundry-apikey`');
    expect(frame).not.toContain('endpoint URL');
    expect(services.calls.filter(([name]) => name === 'saveCredential')).toEqual([]);
  });

  it("asks Cloudflare AI Gateway's account and gateway ids before its key, and saves them with it", async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'cloudflare-ai-gateway', method: 'api-key' });
    const asked = await waitForFrame(app, 'Cloudflare account id:');
    expect(asked).toContain('Account home, "Account ID"');
    // Not 32 hex digits: said, not refused.
    await app.type('abc');
    await waitForFrame(app, 'a Cloudflare account id is 32 hex digits; this is 3 characters — check it');
    await app.type('\x15');
    await app.type('0123456789abcdef0123456789abcdef');
    expect(app.frame()).not.toContain('32 hex digits; this is');
    await app.type('\x15');
    await refusedThenAnswered(app, {
      question: 'Cloudflare account id:',
      bad: 'acc/1',
      reason: 'letters, digits, - and _ only',
      good: 'acc1',
    });
    await waitForFrame(app, 'Cloudflare AI Gateway id:');
    await app.type('gw-2');
    await app.press('enter');
    const secretStep = await waitForFrame(app, 'Paste the');
    // The gateway forwards the provider's own key: a Cloudflare token here is the mistake to head off.
    expect(secretStep.replace(/\s+/g, ' ')).toContain(
      'It is the key of the provider behind the gateway: for Anthropic models, your Anthropic API key. Get one at https://console.anthropic.com/settings/keys',
    );
    await app.type(`sk-${'c'.repeat(40)}`);
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "in the daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved');
    expect(services.calls.find(([name]) => name === 'saveCredential')?.[1]).toMatchObject({
      profileId: 'cloudflare-ai-gateway:default',
      authChoice: 'cloudflare-ai-gateway-api-key',
      metadata: { accountId: 'acc1', gatewayId: 'gw-2' },
    });
  });
});

/** The wizard from its welcome to the custom endpoint's first question, found by searching `search`. */
async function openCustomEndpoint(services: ReturnType<typeof createFakeServices>, search: string) {
  const app = await openProviderList(services);
  await app.type(search);
  await waitForFrame(app, '❯ Custom endpoint (OpenAI- or Anthropic-compatible)…');
  await app.press('enter');
  await waitForFrame(app, 'Base URL of the endpoint');
  return app;
}

/** A custom endpoint's URL, model and API answered (OpenAI-compatible): its key is asked. */
async function answerUpToKey(app: Awaited<ReturnType<typeof openCustomEndpoint>>) {
  await app.type('http://127.0.0.1:8080/v1');
  await app.press('enter');
  await waitForFrame(app, 'Model id');
  await app.type('llama3');
  await app.press('enter');
  await waitForFrame(app, 'Which API does it speak?');
  await app.press('enter');
  await waitForFrame(app, 'Its API key');
}

describe('onboarding wizard: a custom endpoint', () => {
  it('says what Enter on an empty URL or model id needs, instead of nothing', async () => {
    const app = await openCustomEndpoint(createFakeServices(), 'custom');
    await app.press('enter');
    await waitForFrame(app, "Type the endpoint's base URL first.");
    await app.type('http://127.0.0.1:8080/v1');
    expect(app.frame()).not.toContain('first.');
    await app.press('enter');
    await waitForFrame(app, 'Model id');
    await app.press('enter');
    await waitForFrame(app, 'Type the model id first');
  });

  it('asks base URL, model, API and key as OpenClaw does, refuses a bad URL, and writes it as custom-api-key', async () => {
    const services = createFakeServices();
    const app = await openCustomEndpoint(services, 'custom');
    await refusedThenAnswered(app, {
      question: 'Base URL of the endpoint',
      bad: 'ftp://x',
      reason: '"ftp://x" is not an http(s) URL',
      good: 'http://127.0.0.1:8080/v1',
    });
    await waitForFrame(app, 'Model id');
    await app.type('llama3');
    await app.press('enter');
    await waitForFrame(app, 'Which API does it speak?');
    await app.press('down');
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'Its API key');
    // Two keys pasted on two lines are refused, not joined into one.
    await app.type('\x1b[200~sk-abc123456789\nsk-def123456789\x1b[201~');
    await waitForFrame(app, 'lines and a secret is one');
    await app.press('enter');
    expect(app.frame()).toContain('Its API key');
    expect(services.calls.some(([name]) => name === 'setUpCustomEndpoint')).toBe(false);
    await app.type('\x15');
    await app.type('sk-local-123');
    await app.press('enter');
    const done = await waitForFrame(app, 'set up for the gateway');
    expect(done).toContain('custom-127-0-0-1-8080/llama3');
    expect(done).not.toContain('sk-local-123');
    expect(services.calls.find(([name]) => name === 'setUpCustomEndpoint')?.[1]).toEqual({
      baseUrl: 'http://127.0.0.1:8080/v1',
      modelId: 'llama3',
      compatibility: 'anthropic',
      apiKey: 'sk-local-123',
    });
    await app.press('enter');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });
});

describe('onboarding wizard: the end of a setup with questions of its own', () => {
  it('offers d (this model the default, over another provider’s kept) and a (another provider), as every summary does', async () => {
    const services = createFakeServices();
    services.currentDefault = 'anthropic/claude-opus-4-7';
    const app = await openCustomEndpoint(services, 'custom');
    await app.type('\x15');
    await answerUpToKey(app);
    await app.press('enter');
    const kept = await waitForFrame(app, 'set up for the gateway');
    expect(kept).toContain('the default model stays anthropic/claude-opus-4-7');
    expect(kept).toContain('d make custom-127-0-0-1-8080/llama3 the default');
    await app.type('d');
    const made = await waitForFrame(app, '• default model custom-127-0-0-1-8080/llama3');
    expect(made).not.toContain('d make');
    expect(services.calls).toContainEqual([
      'makeModelDefault',
      { provider: 'custom-127-0-0-1-8080', ref: 'custom-127-0-0-1-8080/llama3' },
    ]);
    await app.type('a');
    // The endpoint is written: Esc now ends the wizard as done (exit 0), as after a key.
    expect(await waitForFrame(app, 'Which provider?')).toContain('esc done');
    expect(app.exits).toEqual([]);
    await app.press('escape');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });
});

describe('onboarding wizard: Esc in a step with questions of its own', () => {
  it('goes back one question at a time with the answers kept (custom endpoint, Cloudflare ids)', async () => {
    const services = createFakeServices();
    const app = await openCustomEndpoint(services, 'custom endpoint');
    await answerUpToKey(app);
    await app.press('escape');
    await waitForFrame(app, 'Which API does it speak?');
    // The API chosen is an answer kept too: back from the key, the list opens on it.
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'Its API key');
    await app.press('escape');
    expect(await waitForFrame(app, 'Which API does it speak?')).toMatch(/❯ OpenAI Responses/);
    await app.press('escape');
    expect(await waitForFrame(app, 'Model id')).toContain('llama3');
    await app.press('escape');
    expect(await waitForFrame(app, 'Base URL of the endpoint')).toContain('http://127.0.0.1:8080/v1');
    await app.press('escape');
    await waitForFrame(app, 'Which provider?');
    expect(services.calls.filter(([name]) => name === 'setUpCustomEndpoint')).toEqual([]);

    const cloudflare = await renderApp(createFakeServices(), {
      name: 'onboard',
      provider: 'cloudflare-ai-gateway',
      method: 'api-key',
    });
    await waitForFrame(cloudflare, 'Cloudflare account id:');
    await cloudflare.type('acc1');
    await cloudflare.press('enter');
    await waitForFrame(cloudflare, 'Cloudflare AI Gateway id:');
    await cloudflare.type('gw-2');
    await cloudflare.press('escape');
    expect(await waitForFrame(cloudflare, 'Cloudflare account id:')).toContain('acc1');
    await cloudflare.press('enter');
    expect(await waitForFrame(cloudflare, 'Cloudflare AI Gateway id:')).toContain('gw-2');
    await cloudflare.press('enter');
    await waitForFrame(cloudflare, 'Paste the');
    await cloudflare.press('escape');
    expect(await waitForFrame(cloudflare, 'Cloudflare account id:')).toContain('acc1');
  });
});
