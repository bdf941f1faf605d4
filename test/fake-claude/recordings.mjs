// Loads the recorded `claude setup-token` streams from test/fixtures, restoring the token
// prefix that the committed copies replace (see scripts/import-fixtures.mjs). Plain JS so that
// the fake `claude` program can use it without a TypeScript loader.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../fixtures/claude-setup-token/', import.meta.url));
const PLACEHOLDER = '@@TOKPREFIX@@';
export const TOKEN_PREFIX = ['sk', 'ant', 'oat01', ''].join('-');

export const RECORDING_NAMES = [
  'signin-40x40',
  'signin-80x40',
  'signin-500x40',
  'signin-fulllink-40x40',
  'signin-fulllink-80x40',
  'signin-fulllink-500x40',
  'signin-browser-80x40',
  'error-nonetwork-80x40',
  'error-badcode-80x40',
  'success-40x40',
  'success-80x40',
  'success-500x40',
  'success-browser-80x40',
];

function restore(text) {
  return text.split(PLACEHOLDER).join(TOKEN_PREFIX);
}

export function loadRecording(name) {
  const raw = Buffer.from(restore(readFileSync(`${DIR}${name}.raw`, 'latin1')), 'latin1');
  const meta = JSON.parse(restore(readFileSync(`${DIR}${name}.json`, 'utf8')));
  return { name, raw, meta };
}
