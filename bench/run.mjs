// `npm run bench`: every benchmark in turn; each prints its figures next to its yardstick from
// the same run, and all of them go to bench/RESULTS.md with the date and the machine.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const order = [
  'status.mjs',
  'complete.mjs',
  'dashboard.mjs',
  'setup-token-url.mjs',
  'concurrent-writers.mjs',
  'lock-proof.mjs',
  'env-set.mjs',
];
const sections = [];
for (const file of order) {
  console.log(`\n# ${file}`);
  const { results } = await import(`./${file}`);
  sections.push({ file, results });
}
const lines = [
  '# Benchmark results',
  '',
  `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}${process.env.OPENCLAW_BIN ? `, OPENCLAW_BIN=${process.env.OPENCLAW_BIN}` : ''}.`,
  'Medians; yardsticks are measured in the same run, so the ratios hold better than the figures.',
  '',
  '| bench | figure | value | yardstick | ratio | goal | met | detail |',
  '|---|---|---|---|---|---|---|---|',
];
for (const { file, results } of sections) {
  for (const row of results) {
    const value = `${row.value.toFixed(1)} ${row.unit}`;
    const yard = row.yardstick !== undefined ? `${row.yardstick.toFixed(1)} ${row.unit}` : '';
    const ratio = row.yardstick ? `×${(row.value / row.yardstick).toFixed(2)}` : '';
    lines.push(
      `| ${file} | ${row.name} | ${value} | ${yard} | ${ratio} | ${row.goal ?? ''} | ${row.goal ? (row.met ? 'yes' : '**no**') : ''} | ${row.detail ?? ''} |`,
    );
  }
}
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), `${lines.join('\n')}\n`);
console.log('\nwritten to bench/RESULTS.md');
// Benchmarks measure; they do not fail the shell unless a run broke.
process.exit(0);
