import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../helpers/fake-services.js';
import { refusedThenAnswered, renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

// A model server on this machine in the wizard: found, a model chosen, set up as OpenClaw's
// onboarding sets it up (README "Providers").

describe('onboarding wizard: a local model server', () => {
  it('finds Ollama, lists its models, and sets up the one chosen', async () => {
    const services = createFakeServices();
    services.localServer = {
      ok: true,
      kind: 'ollama',
      baseUrl: 'http://127.0.0.1:11434',
      models: [{ id: 'qwen3:8b' }, { id: 'llama3.3:70b' }] as never,
    };
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    await app.press('enter');
    await waitForFrame(app, 'Which provider?');
    await app.type('ollama');
    await app.press('enter');
    const method = await waitForFrame(app, 'Set up Ollama:');
    expect(method).toContain('Use the Ollama server on this machine');
    expect(method).not.toContain('Paste a token');
    // One way to set it up: nowhere to move, so ↑↓ is not hinted.
    expect(method).toContain('enter choose');
    expect(method).not.toContain('↑↓ move');
    await app.press('enter');
    // Where it runs, its usual address already typed: Enter keeps it.
    await waitForFrame(app, 'Ollama base URL:');
    expect(app.frame()).toContain('http://127.0.0.1:11434');
    await app.press('enter');
    await waitForFrame(app, 'which model should the gateway use?');
    // j moves as ↓ does: no text field stands beside this list.
    await app.type('j');
    await waitForFrame(app, '❯ llama3.3:70b');
    await app.press('enter');
    const done = await waitForFrame(app, 'Ollama set up for the gateway');
    expect(done).toContain('default model ollama/llama3.3:70b');
    expect(services.calls).toContainEqual(['setUpLocalServer', { kind: 'ollama', modelId: 'llama3.3:70b' }]);
    await app.press('enter');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });

  it('says how to start a server that is not running, and looks again with r', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'lmstudio', method: 'local-server' });
    await waitForFrame(app, 'LM Studio base URL:');
    await app.press('enter');
    const failed = await waitForFrame(app, 'then press r');
    expect(failed).toContain('Start it with `lmstudio serve`');
    // Still nothing there: the screen says it looked again, rather than stay as it was.
    await app.type('r');
    await waitForFrame(app, '(looked 2 times)');
    services.localServer = { ok: true, kind: 'lmstudio', baseUrl: 'http://127.0.0.1:1234/v1', models: [] };
    await app.type('r');
    const empty = await waitForFrame(app, 'serves no model yet');
    expect(services.calls.filter(([name]) => name === 'findLocalServer')).toHaveLength(3);
    // r is hinted here too: it looks again, and finds the model loaded meanwhile.
    expect(empty).toMatch(/r look again/);
    expect(empty).toContain('Run `lms load <model>`, then press r.');
    services.localServer = { ...services.localServer, models: [{ id: 'qwen3-8b' }] as never };
    await app.type('r');
    await waitForFrame(app, 'which model should the gateway use?');
    expect(services.calls.filter(([name]) => name === 'findLocalServer')).toHaveLength(4);
    // Esc goes back to the address, as typed, before it leaves the step.
    await app.press('escape');
    expect(await waitForFrame(app, 'LM Studio base URL:')).toContain('http://localhost:1234/v1');
    await app.press('escape');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });

  it('counts its looks per address: the first look at a changed address is not "looked 2 times"', async () => {
    const app = await renderApp(createFakeServices(), {
      name: 'onboard',
      provider: 'lmstudio',
      method: 'local-server',
    });
    await waitForFrame(app, 'LM Studio base URL:');
    await app.press('enter');
    await waitForFrame(app, 'then press r');
    await app.press('escape');
    await waitForFrame(app, 'LM Studio base URL:');
    await app.type('\x15');
    await app.type('http://127.0.0.1:1294/v1');
    await app.press('enter');
    const failed = await waitForFrame(app, 'then press r');
    expect(failed).not.toContain('looked');
    await app.type('r');
    await waitForFrame(app, '(looked 2 times)');
  });

  it('asks vLLM for its key first, and sends it with the search', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'vllm', method: 'local-server' });
    await waitForFrame(app, 'vLLM base URL:');
    await app.press('enter');
    await waitForFrame(app, "The server's key (the value given to `vllm serve --api-key`)");
    // Enter on nothing says what is needed, instead of nothing at all.
    await app.press('enter');
    await waitForFrame(app, "The server's key is needed here.");
    await app.type('local-secret');
    expect(app.frame()).not.toContain('is needed here');
    expect(app.frame()).not.toContain('local-secret');
    await app.press('enter');
    await waitForFrame(app, 'then press r');
    expect(services.calls).toContainEqual(['findLocalServer', 'vllm', 'local-secret']);
  });

  it('looks for a server on another machine or port, and sets it up there', async () => {
    const services = createFakeServices();
    services.localServer = {
      ok: true,
      kind: 'ollama',
      baseUrl: 'http://10.0.0.5:11434',
      models: [{ id: 'llama3.3:70b' }] as never,
    };
    const app = await renderApp(services, { name: 'onboard', provider: 'ollama', method: 'local-server' });
    await waitForFrame(app, 'Ollama base URL:');
    await app.type('\x15');
    for (const typed of ['not a url', 'ftp://x']) {
      await app.type('\x15');
      await app.type(typed);
      await waitForFrame(app, `"${typed}" is not an http(s) address for Ollama (e.g. http://127.0.0.1:11434)`);
      await app.press('enter');
      expect(app.frame()).toContain('Ollama base URL:');
    }
    // A password in the address is refused, and not shown back.
    await app.type('\x15');
    await app.type('http://admin:S3cret@10.0.0.5:11434');
    const refused = await waitForFrame(app, 'holds a user name or password');
    expect(refused.slice(refused.indexOf('holds') - 40)).not.toContain('S3cret');
    await app.press('enter');
    expect(app.frame()).toContain('Ollama base URL:');
    // `host:port`, as a server's banner prints it, is taken as the CLI takes it.
    await app.type('\x15');
    await app.type('gpu-box:11434');
    await waitForFrame(app, 'gpu-box:11434');
    expect(app.frame()).not.toMatch(/not an http|✘/);
    await app.type('\x15');
    await app.type('http://10.0.0.5:11434');
    await app.press('enter');
    await waitForFrame(app, 'which model should the gateway use?');
    expect(services.calls).toContainEqual(['findLocalServer', 'ollama', undefined, 'http://10.0.0.5:11434']);
    await app.press('enter');
    await waitForFrame(app, 'Ollama set up for the gateway');
    expect(services.calls).toContainEqual([
      'setUpLocalServer',
      { kind: 'ollama', modelId: 'llama3.3:70b', baseUrl: 'http://10.0.0.5:11434' },
    ]);
    // Esc ends it too, as it ends the summary of a key (it did nothing here).
    await app.press('escape');
    await waitUntil(() => app.exits.length > 0, 'the wizard to end');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });

  it('types another address over the usual one, as a person types it', async () => {
    // Typed after the suggestion it read "http://127.0.0.1:11434http://10.0.0.5:11434" (a newcomer's walk).
    const services = createFakeServices();
    services.localServer = { ok: true, kind: 'ollama', baseUrl: 'http://10.0.0.5:11434', models: [] };
    const app = await renderApp(services, { name: 'onboard', provider: 'ollama', method: 'local-server' });
    expect(await waitForFrame(app, 'Ollama base URL:')).toContain('typing replaces it');
    await app.type('h');
    expect(app.frame()).not.toContain('11434h');
    await app.type('ttp://10.0.0.5:11434');
    await app.press('enter');
    await waitUntil(
      () => services.calls.some(([name]) => name === 'findLocalServer'),
      'the server looked for at the address typed',
    );
    expect(services.calls).toContainEqual(['findLocalServer', 'ollama', undefined, 'http://10.0.0.5:11434']);
  });

  it('edits the usual address after a cursor key: another port', async () => {
    const services = createFakeServices();
    services.localServer = { ok: true, kind: 'ollama', baseUrl: 'http://127.0.0.1:11435', models: [] };
    const app = await renderApp(services, { name: 'onboard', provider: 'ollama', method: 'local-server' });
    await waitForFrame(app, 'Ollama base URL:');
    await app.press('end');
    await app.press('backspace');
    await app.type('5');
    await app.press('enter');
    await waitUntil(() => services.calls.some(([name]) => name === 'findLocalServer'), 'the server looked for');
    expect(services.calls).toContainEqual(['findLocalServer', 'ollama', undefined, 'http://127.0.0.1:11435']);
  });

  it("asks the Copilot Proxy's address and models as OpenClaw does, offered filled in, and writes them without contacting it", async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'copilot-proxy' });
    const method = await waitForFrame(app, 'Set up Copilot Proxy:');
    expect(method).not.toContain('Paste a token');
    // One way to set it up: nowhere to move, so ↑↓ is not hinted.
    expect(method).toContain('enter choose');
    expect(method).not.toContain('↑↓ move');
    await app.press('enter');
    await waitForFrame(app, 'Copilot Proxy base URL:');
    expect(app.frame()).toContain('http://localhost:3000/v1');
    await refusedThenAnswered(app, {
      question: 'Copilot Proxy base URL:',
      bad: 'ftp://x',
      reason: '"ftp://x" is not an http(s) URL',
      good: 'http://127.0.0.1:3001',
    });
    // A fix and Enter in one burst (keys typed fast): Enter sees the fixed address, not the one on screen.
    await waitForFrame(app, 'Model ids');
    await app.press('escape');
    await waitForFrame(app, 'Copilot Proxy base URL:');
    await app.type('?x=1');
    await waitForFrame(app, 'with no query,');
    await app.type('\x7f\x7f\x7f\x7f\r');
    const models = await waitForFrame(app, 'Model ids (comma-separated; the first is the default):');
    expect(models).toContain('base URL http://127.0.0.1:3001/v1');
    expect(models).toContain('gpt-5-mini, claude-opus-4.6');
    // Esc: back to the address, as typed.
    await app.press('escape');
    await waitForFrame(app, 'Copilot Proxy base URL:');
    expect(app.frame()).toContain('http://127.0.0.1:3001');
    await app.press('enter');
    await waitForFrame(app, 'Model ids');
    await app.type('\x15');
    await app.type('claude-sonnet-4.6, gpt-5-mini');
    await app.press('enter');
    const done = await waitForFrame(app, 'Copilot Proxy set up for the gateway');
    expect(done).toContain('default model copilot-proxy/claude-sonnet-4.6');
    expect(services.calls).toContainEqual([
      'setUpCopilotProxy',
      { baseUrl: 'http://127.0.0.1:3001', modelIds: 'claude-sonnet-4.6, gpt-5-mini' },
    ]);
    await app.press('enter');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });

  it("Esc on the Copilot Proxy's summary ends it as done, not as a cancel (it was the wizard's too: exit 130 after the write)", async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'copilot-proxy', method: 'local-server' });
    await waitForFrame(app, 'Copilot Proxy base URL:');
    await app.press('enter');
    await waitForFrame(app, 'Model ids');
    await app.press('enter');
    await waitForFrame(app, 'Copilot Proxy set up for the gateway');
    await app.press('escape');
    await waitUntil(() => app.exits.length > 0, 'the wizard to end');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
    expect(app.frame()).toContain('Copilot Proxy set up for the gateway');
  });
});
