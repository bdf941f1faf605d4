import { describe, expect, it } from 'vitest';
import { findProvider, PROVIDERS, providerLabel, providerName } from '../../src/services/providers.js';

// The wizard lists providers by label: OpenClaw's group labels are shared by several providers
// (Copilot, Ollama, MiniMax…), which made rows that only their grey ids told apart.

describe('provider labels', () => {
  it('are each one provider’s, so no two rows of the wizard’s list read alike', () => {
    const byLabel = new Map<string, string[]>();
    for (const provider of PROVIDERS)
      byLabel.set(provider.label, [...(byLabel.get(provider.label) ?? []), provider.id]);
    expect([...byLabel].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it('come from what the provider’s own choices are called where a group has several', () => {
    expect(findProvider('copilot-proxy')?.label).toBe('Copilot Proxy');
    expect(findProvider('github-copilot')?.label).toBe('GitHub Copilot');
    expect(findProvider('ollama-cloud')?.label).toBe('Ollama Cloud');
    expect(findProvider('ollama')?.label).toBe('Ollama');
    // The provider is named, not its credential ("Moonshot API key (.ai)" → Moonshot)…
    expect(findProvider('stepfun-plan')?.label).toBe('StepFun Step Plan');
    expect(findProvider('moonshot')?.label).toBe('Moonshot');
    expect(findProvider('kimi')?.label).toBe('Kimi Code');
    // …unless two would then share a name.
    expect(findProvider('minimax')?.label).toBe('MiniMax API key');
    expect(findProvider('minimax-portal')?.label).toBe('MiniMax OAuth');
    // A group of one provider keeps OpenClaw's label.
    expect(findProvider('anthropic')?.label).toBe('Anthropic');
  });

  it('name the provider in a sentence without its credential word ("sign in to MiniMax", not "MiniMax API key")', () => {
    expect(providerName('minimax')).toBe('MiniMax');
    expect(providerName('minimax-portal')).toBe('MiniMax');
    expect(providerName('moonshot')).toBe('Moonshot');
    expect(providerName('anthropic')).toBe('Anthropic');
    // A list (and `status --json`'s label) keeps the two apart.
    expect(providerLabel('minimax')).toBe('MiniMax API key');
    for (const provider of PROVIDERS) expect(provider.name, provider.id).not.toMatch(/\b(?:API key|OAuth|token)$/i);
  });
});
