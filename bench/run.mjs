// Runs every benchmark in turn (`npm run bench`); each prints its figures and budgets.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith('.mjs') && !['run.mjs', 'lib.mjs'].includes(name))
  .sort()) {
  console.log(`\n# ${file}`);
  spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
}
