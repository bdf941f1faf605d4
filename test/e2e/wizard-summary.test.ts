import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { TerminalSession } from '../helpers/pty-driver.js';
import { addOpenaiKeyInWizard } from '../helpers/pty-wizard.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

const oneLine = (screen: string) => screen.replace(/\s*\n\s*/g, ' ');

describe("the wizard's summary, with the real services", () => {
  it('after an OpenAI key while another provider is the default, d makes OpenAI the default', async () => {
    const { home, configPath } = makeTempHome();
    writeJsonFile(configPath, {
      agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['groq/llama-4'] } } },
    });
    const session = TerminalSession.launch(['onboard'], { home, cols: 120 });
    sessions.push(session);
    await session.waitFor('Welcome. This sets up a credential');
    const summary = await addOpenaiKeyInWizard(session, fakeSecrets.openaiKey('summary'));
    // openclaw.json once under "Written:", with all that went into it.
    expect(summary.split(`• ${configPath}`)).toHaveLength(2);
    expect(oneLine(summary)).toContain(`${configPath} (auth.profiles entry; openai plugin enabled)`);
    expect(oneLine(summary)).toContain(
      "the default model stays anthropic/claude-opus-4-6; press d to make it OpenClaw's built-in openai model",
    );
    expect(summary).toContain('d make it the default');
    await session.type('d');
    const after = oneLine(
      await session.waitFor((screen) => oneLine(screen).includes("default model OpenClaw's built-in openai model")),
    );
    expect(after).not.toContain('d make it the default');
    expect(after).not.toContain('No model uses openai yet');
    expect(readJson(configPath).agents.defaults.model).toEqual({ fallbacks: ['groq/llama-4'] });
    expect(readJson(join(home, '.openclaw', 'openclaw.json')).plugins.entries.openai).toEqual({ enabled: true });
  });
});
