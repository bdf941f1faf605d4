/**
 * OpenClaw's `apiKey` markers of a server that takes no real key (its *_LOCAL_AUTH_MARKER
 * constants): local setups write them, and `models status` shows them as `marker(ollama-local)`.
 */
export const OLLAMA_LOCAL_MARKER = 'ollama-local';
export const LMSTUDIO_LOCAL_MARKER = 'lmstudio-local';
export const CUSTOM_LOCAL_MARKER = 'custom-local';
const APPLE_FM_LOCAL_MARKER = 'apple-fm-local';

export const LOCAL_KEY_MARKERS: ReadonlySet<string> = new Set([
  OLLAMA_LOCAL_MARKER,
  LMSTUDIO_LOCAL_MARKER,
  CUSTOM_LOCAL_MARKER,
  APPLE_FM_LOCAL_MARKER,
]);
