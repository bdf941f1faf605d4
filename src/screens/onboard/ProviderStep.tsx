import { Box, Text } from 'ink';
import { useCallback, useMemo, useState } from 'react';
import { type KeyHint, KeyHints } from '../../components/KeyHints.js';
import { type SelectItem, SelectList, selectHints } from '../../components/select-list/SelectList.js';
import { TextField } from '../../components/text-field/TextField.js';
import { type TextFieldState, useTextFieldState } from '../../components/text-field/use-text-field-state.js';
import { headerLines, packHints, wrapText } from '../../components/text-layout.js';
import { useServices } from '../../contexts.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { normalizeSecret, recogniseSecret } from '../../services/profiles/credentials.js';
import { keyIn } from '../../services/profiles/secret-in-text.js';
import { catalog, pluginProviderNote } from '../../services/providers/catalog.js';
import { providerBlocked } from '../../services/providers/plugin-state.js';
import { providerSearchText, suggestProviderIds } from '../../services/providers/provider-search.js';
import {
  findProvider,
  isValidProviderId,
  type OnboardingMethod,
  offeredOnThisPlatform,
  PROVIDERS,
  type ProviderInfo,
} from '../../services/providers.js';
import type { AgentStore } from '../../services/store/agent-store.js';
import { shown } from '../../services/terminal-text.js';
import { useWizardEscWord } from './use-wizard-escape.js';

const CUSTOM = '\0custom';
const PASTED = '\0pasted';
const CUSTOM_ENDPOINT = '\0custom-endpoint';
/** A row for a provider a plugin serves with nothing to onboard (amazon-bedrock): choosing it says what it needs. */
const SERVED = '\0served:';
const ENDPOINT_LABEL = 'Custom endpoint (OpenAI- or Anthropic-compatible)…';

/** The providers matching a search; with `--method`, only those that offer it (another id takes an API key). */
function providerItems(
  search: string,
  method: OnboardingMethod | undefined,
  blocked: (provider: string) => string | undefined,
): SelectItem<string>[] {
  const needle = search.trim().toLowerCase();
  const offered = PROVIDERS.filter(
    (provider) => (method === undefined || provider.methods.includes(method)) && offeredOnThisPlatform(provider.id),
  );
  const named = (provider: ProviderInfo) =>
    needle === '' || provider.id.includes(needle) || provider.label.toLowerCase().includes(needle);
  // By its name first, then by what its choices mention (claude → Anthropic, gemini → Google).
  const matches = [
    ...offered.filter(named),
    ...offered.filter((provider) => !named(provider) && providerSearchText(provider.id).includes(needle)),
  ];
  // Found by a search only, after all it can onboard: bedrock finds Amazon Bedrock, which says what it needs.
  const served =
    needle === '' || method !== undefined
      ? []
      : Object.entries(catalog.pluginProviders).filter(
          ([id, { label }]) =>
            !offered.some((provider) => provider.id === id) &&
            (id.includes(needle) || label.toLowerCase().includes(needle)),
        );
  // A custom endpoint and any other id take an API key.
  const anyKey = method === undefined || method === 'api-key';
  const endpoint = anyKey && (needle === '' || ENDPOINT_LABEL.toLowerCase().includes(needle));
  return [
    ...matches.map((provider) => ({
      value: provider.id,
      label: provider.label,
      hint: blocked(provider.id) ? `${provider.id} · its plugin is blocked` : provider.id,
    })),
    ...(endpoint ? [{ value: CUSTOM_ENDPOINT, label: ENDPOINT_LABEL, hint: 'base URL, model and key' }] : []),
    ...served.map(([id, { label }]) => ({ value: `${SERVED}${id}`, label, hint: `${id} · nothing to onboard` })),
    ...(anyKey ? [{ value: CUSTOM, label: 'Another provider…', hint: 'type its id' }] : []),
  ];
}

/** A key pasted into the search (at the welcome, or here): never shown, and where its shape names the provider, one Enter from its field. */
export interface PastedKey {
  secret: string;
  /** The provider and method its prefix names, when the wizard offers that method for it. */
  use?: { provider: string; method: OnboardingMethod; name: string };
}

export function pastedKey(search: string): PastedKey | undefined {
  if (keyIn(search) === undefined) return undefined;
  const secret = normalizeSecret(search);
  const known = recogniseSecret(secret);
  const method = known?.kind === 'api_key' ? 'api-key' : known?.kind === 'token' ? 'paste-token' : undefined;
  if (!known || !method || !findProvider(known.provider)?.methods.includes(method)) return { secret };
  return { secret, use: { provider: known.provider, method, name: known.name } };
}

/** A searchable list of the providers authdeck knows, and a way out to any other id. */
export function ProviderStep({
  search,
  method,
  store,
  onSelect,
  onCustom,
  onCustomEndpoint,
  onPastedKey,
}: {
  /** Owned by the wizard: its Esc clears a search before it goes back. */
  search: TextFieldState;
  /** Given with `--method`: only the providers that offer it are listed. */
  method?: OnboardingMethod;
  /** The agent's store, once read: a provider whose plugin the config blocks is marked, and choosing it says so instead of going on. */
  store: AgentStore | undefined;
  onSelect: (provider: string) => void;
  onCustom: () => void;
  /** A custom OpenAI- or Anthropic-compatible endpoint (`--auth-choice custom-api-key`). */
  onCustomEndpoint: () => void;
  onPastedKey: (use: NonNullable<PastedKey['use']>, secret: string) => void;
}) {
  const escWord = useWizardEscWord();
  const blocked = useCallback((provider: string) => (store ? providerBlocked(store, provider) : undefined), [store]);
  const pasted = useMemo(() => pastedKey(search.value), [search.value]);
  const itemsFor = useCallback(
    (text: string, key: PastedKey | undefined) => {
      if (!key) return providerItems(text, method, blocked);
      // A key is no search: the list offers only what can be done with it.
      return key.use
        ? [{ value: PASTED, label: `Use it: ${key.use.name}`, hint: `${key.use.provider} · ${key.use.method}` }]
        : [];
    },
    [method, blocked],
  );
  const items = useMemo(() => itemsFor(search.value, pasted), [itemsFor, search.value, pasted]);
  const [refusal, setRefusal] = useState<string>();
  // Said while its row is still in the list: another search takes it away.
  const [servedId, setServedId] = useState<string>();
  const servedNote =
    servedId !== undefined && items.some((item) => item.value === `${SERVED}${servedId}`)
      ? pluginProviderNote(servedId)
      : undefined;
  const pastedNote = pasted
    ? pasted.use
      ? `That is ${pasted.use.name}, so it is not shown: enter puts it in its field.`
      : 'That looks like a key, so it is not shown: esc clears it; choose the provider first, then paste it where the wizard asks.'
    : undefined;
  // The header, question, search, "in all" and hint lines stay on screen: the list takes the
  // rest, a tall terminal showing more of it.
  const { rows, columns } = useTerminalSize();
  const { workspace } = useServices();
  const question = `Which provider?${method ? ` (those that offer ${method})` : ''}`;
  const hints: KeyHint[] = [...selectHints(items.length), ['esc', search.value !== '' ? 'clear search' : escWord]];
  // Every other line, as wrapped at this width: a frame as tall as the terminal makes Ink clear
  // the whole screen on each key (the scrollback above goes with it).
  const lines = (text: string) => wrapText(text, columns).length;
  const around =
    headerLines('onboard', workspace.agentId, columns).length +
    1 +
    lines(question) +
    1 +
    lines(` ${items.length} in all, ↑/↓ or PgUp/PgDn to scroll`) +
    (refusal ? lines(refusal) : 0) +
    (servedNote ? lines(`${servedNote}.`) : 0) +
    (pastedNote ? lines(pastedNote) : 0) +
    packHints(hints, columns).length +
    2;
  const limit = Math.max(1, rows - around);
  return (
    <Box flexDirection="column">
      <Text bold>{question}</Text>
      <Box>
        <Text dimColor>search: </Text>
        <TextField
          state={search}
          onSubmit={() => {}}
          placeholder="type to narrow the list"
          mask={pasted ? 'all' : 'none'}
        />
      </Box>
      {pastedNote && <Text color="yellow">{pastedNote}</Text>}
      <SelectList
        items={items}
        currentItems={() => itemsFor(search.current(), pastedKey(search.current()))}
        narrowedBy={() => search.current().trim().toLowerCase()}
        limit={limit}
        onSelect={(value) => {
          const key = value === PASTED ? pastedKey(search.current()) : undefined;
          if (key?.use) {
            // A provider whose plugin the config blocks is refused here, as when it is chosen by name.
            const reason = blocked(key.use.provider);
            return reason ? setRefusal(`${key.use.provider}: ${reason}`) : onPastedKey(key.use, key.secret);
          }
          if (value.startsWith(SERVED)) return setServedId(value.slice(SERVED.length));
          if (value === CUSTOM) return onCustom();
          if (value === CUSTOM_ENDPOINT) return onCustomEndpoint();
          const reason = blocked(value);
          if (reason) setRefusal(`${value}: ${reason}`);
          else onSelect(value);
        }}
      />
      {refusal && <Text color="red">{shown(refusal)}</Text>}
      {servedNote && <Text color="yellow">{shown(servedNote)}.</Text>}
      <KeyHints hints={hints} />
    </Box>
  );
}

/** Why a typed id cannot be a provider id (it goes before the `:` of a profile id). */
function validate(value: string): string | undefined {
  return isValidProviderId(value.trim().toLowerCase())
    ? undefined
    : 'letters, digits, ".", "_" and "-" only, starting with a letter or digit';
}

export function CustomProviderStep({
  initial = '',
  onSubmit,
  onNear,
}: {
  /** What was typed into the search: the id usually is that. */
  initial?: string;
  onSubmit: (provider: string) => void;
  /** The known id the typed one is close to, once said (Esc goes back to the list on it). */
  onNear?: (id: string | undefined) => void;
}) {
  const field = useTextFieldState(initial.trim());
  // A typo of a known id is asked about once (Enter again keeps it), as the CLI refuses it.
  const [asked, setAsked] = useState<string>();
  const typed = field.value.trim().toLowerCase();
  // A key pasted here (letters, digits and dashes: a valid id) would become a provider's name,
  // shown and written into the config: masked and refused, as the search does with one.
  const key = useMemo(() => pastedKey(field.value), [field.value]);
  const problem = key
    ? key.use
      ? `That is ${key.use.name}, not a provider id, so it is not shown: Esc goes back to the list; paste it there and Enter puts it in its field.`
      : 'That looks like a key, not a provider id, so it is not shown: Ctrl+U clears it; choose the provider first, then paste the key where the wizard asks.'
    : typed === ''
      ? undefined
      : validate(field.value);
  // A provider a plugin serves with nothing to onboard (amazon-bedrock): what it needs, said once.
  const served = asked === typed ? pluginProviderNote(typed) : undefined;
  const near = asked === typed && !served ? suggestProviderIds(typed) : [];
  const submit = (value: string) => {
    const id = value.trim().toLowerCase();
    if (id === '' || validate(value) || pastedKey(value)) return;
    // A known id or alias typed here is that provider, with its own setup.
    const known = findProvider(id);
    if (known) return onSubmit(known.id);
    if (pluginProviderNote(id)) {
      if (asked !== id) return setAsked(id);
      return onSubmit(id);
    }
    const near = suggestProviderIds(id);
    onNear?.(near[0]);
    if (asked !== id && near.length > 0) return setAsked(id);
    onSubmit(id);
  };
  return (
    <Box flexDirection="column">
      <Text bold>Provider id (as the gateway names it, e.g. my-proxy):</Text>
      <TextField state={field} onSubmit={submit} mask={key ? 'all' : 'none'} />
      {problem && <Text color={key ? 'yellow' : 'red'}>{problem}</Text>}
      {served && (
        <Text color="yellow">
          {shown(served)}. Esc goes back; enter again stores a key under {shown(typed)} anyway
        </Text>
      )}
      {!problem && !served && near.length === 0 && (
        <Text dimColor>
          An endpoint of your own (a proxy, a server you run)? Esc, then "{ENDPOINT_LABEL}": it asks for its URL and
          model too, which the gateway needs.
        </Text>
      )}
      {near.length > 0 && (
        <Text color="yellow">
          {shown(typed)} is close to {near.join(', ')}: esc to choose it from the list, or enter again to use{' '}
          {shown(typed)} as a provider of your own
        </Text>
      )}
      <KeyHints
        hints={[
          ['enter', 'use it'],
          ['esc', 'back'],
        ]}
      />
    </Box>
  );
}
