import { describe, expect, it } from 'vitest';
import { loginFor } from '../../src/commands/onboard-choice.js';
import { findOAuthProvider } from '../../src/services/oauth/oauth-providers.js';
import { catalog, findChoice } from '../../src/services/providers/catalog.js';

const signIns = catalog.choices.filter(
  (choice) => choice.onboarding.needs.includes('sign-in') || choice.onboarding.needs.includes('cli'),
);

describe('--auth-choice of a sign-in: the `authdeck login` it names', () => {
  it('names a provider login knows, for every sign-in choice of the catalog', () => {
    expect(signIns.length).toBeGreaterThan(10);
    for (const choice of signIns) {
      const login = loginFor(choice);
      expect(login, choice.id).toBeDefined();
      const provider = /--provider (\S+)/.exec(login!.command)?.[1];
      expect(findOAuthProvider(provider ?? ''), `${choice.id}: ${login!.command}`).toBeDefined();
    }
  });

  it('keeps the choice: its own sign-in by id, else its provider with the method', () => {
    const command = (id: string) => loginFor(findChoice(id)!)?.command;
    expect(command('minimax-cn-oauth')).toBe('authdeck login --provider minimax-cn-oauth');
    expect(command('github-copilot-enterprise')).toBe('authdeck login --provider github-copilot-enterprise');
    expect(command('microsoft-foundry-entra')).toBe('authdeck login --provider microsoft-foundry-entra');
    expect(command('claude-cli')).toBe('authdeck login --provider anthropic-cli');
    expect(command('openai-device-code')).toBe('authdeck login --provider openai --method device');
    expect(command('openai')).toBe('authdeck login --provider openai --method browser');
    expect(command('xai-oauth')).toBe('authdeck login --provider xai --method browser');
    expect(loginFor(findChoice('chutes')!)?.inWizard).toBe(false);
    expect(loginFor(findChoice('github-copilot')!)?.inWizard).toBe(true);
  });
});
