import { editDistance } from '../edit-distance.js';
import { catalog, findGroup, providerIds } from './catalog.js';

/**
 * What a person may search a provider by: its id and aliases, and the ids, labels and hints of
 * its onboarding choices and their picker group — the products people know it by (claude →
 * anthropic, chatgpt → openai, gemini → google, kimi → moonshot). Lower case.
 */
let built: ReadonlyMap<string, string> | undefined;

/** Built on the first search, not when a command that may never search loads this module. */
function searchTexts(): ReadonlyMap<string, string> {
  if (built) return built;
  const parts = new Map<string, string[]>();
  const add = (id: string, ...words: Array<string | null | undefined>) =>
    parts.set(id, [...(parts.get(id) ?? [id]), ...words.filter((word): word is string => Boolean(word))]);
  for (const [alias, id] of Object.entries(catalog.providerAliases)) add(id, alias);
  for (const choice of catalog.choices) {
    const group = choice.groupId ? findGroup(choice.groupId) : undefined;
    const owners = new Set([choice.provider, group?.id].filter((id): id is string => Boolean(id)));
    for (const id of owners) add(id, choice.id, choice.label, choice.hint, group?.label, group?.hint);
  }
  // After the providers onboarding serves: a product name points at those first (gemini → google).
  for (const [id, { label }] of Object.entries(catalog.pluginProviders)) add(id, label);
  built = new Map([...parts].map(([id, words]) => [id, words.join(' ').toLowerCase()]));
  return built;
}

/** The words of a provider's search text (see searchTexts), for its row in a search. */
export function providerSearchText(id: string): string {
  return searchTexts().get(id) ?? id;
}

/** Providers a whole word of whose search text is `word` (`gemini`, `chatgpt`), in picker order. */
function providersNamedBy(word: string): string[] {
  if (word.length < 3) return [];
  const named = [...searchTexts()].filter(([, text]) => text.split(/[^a-z0-9]+/).includes(word)).map(([id]) => id);
  const onboarded = named.filter((id) => providerIds.includes(id));
  // One with nothing to onboard (bedrock → amazon-bedrock) only where no other is named.
  return onboarded.length > 0 ? onboarded : named.filter((id) => Object.hasOwn(catalog.pluginProviders, id));
}

/**
 * "Did you mean": provider ids close to `typo` (aliases count), closest first, then the
 * providers a product name points at (`gemini` → google).
 */
export function suggestProviderIds(typo: string, limit = 3): string[] {
  const word = typo.trim().toLowerCase();
  // Two edits turn a short word into half the list.
  const within = word.length <= 4 ? 1 : 2;
  const best = new Map<string, number>();
  const names = [
    ...[...providerIds, ...Object.keys(catalog.pluginProviders)].map((id) => [id, id]),
    ...Object.entries(catalog.providerAliases),
  ];
  for (const [name, id] of names) {
    if (!name || !id) continue;
    const distance = editDistance(word, name);
    if (distance <= within && distance < (best.get(id) ?? Number.POSITIVE_INFINITY)) best.set(id, distance);
  }
  const near = [...best].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  return [...new Set([...near, ...providersNamedBy(word)])].slice(0, limit);
}
