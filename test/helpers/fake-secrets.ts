// Fake secrets of the right shape, built at run time so that no file in the repository holds
// a string a secret scanner would take for a real key.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function filler(length: number, seed: string): string {
  let out = '';
  let state = [...seed].reduce((acc, char) => (acc * 31 + char.charCodeAt(0)) >>> 0, 7);
  while (out.length < length) {
    state = (state * 1103515245 + 12345) >>> 0;
    out += ALPHABET[state % ALPHABET.length];
  }
  return out;
}

const anthropicPrefix = (kind: string) => ['sk', 'ant', kind, ''].join('-');

export const fakeSecrets = {
  anthropicApiKey: (seed = 'key') => `${anthropicPrefix('api03')}${filler(93, seed)}AA`,
  setupToken: (seed = 'token') => `${anthropicPrefix('oat01')}${filler(93, seed)}AA`,
  refreshToken: (seed = 'refresh') => `${anthropicPrefix('ort01')}${filler(93, seed)}AA`,
  openaiKey: (seed = 'openai') => `sk-proj-${filler(48, seed)}`,
  openrouterKey: (seed = 'or') => `sk-or-v1-${filler(64, seed).toLowerCase()}`,
  googleKey: (seed = 'google') => `AIza${filler(35, seed)}`,
  groqKey: (seed = 'groq') => `gsk_${filler(52, seed)}`,
  xaiKey: (seed = 'xai') => `xai-${filler(80, seed)}`,
  mistralKey: (seed = 'mistral') => filler(32, seed),
  deepseekKey: (seed = 'deepseek') => `sk-${filler(32, seed)}`,
};
