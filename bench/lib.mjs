// Shared helpers for the benchmarks: run a command many times, report median wall time and
// peak RSS (from /usr/bin/time when present), next to `node -e 0` measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs `argv` `runs` times; returns median ms and median peak RSS in MiB. */
export function measureCommand(argv, { runs = 11, env = process.env, input } = {}) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const cmd = TIME ? TIME : argv[0];
    const args = TIME ? ['-f', '%M', ...argv] : argv.slice(1);
    const start = process.hrtime.bigint();
    const result = spawnSync(cmd, args, { env, input, encoding: 'utf8' });
    walls.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (TIME) {
      const kb = Number(result.stderr.trim().split('\n').pop());
      if (Number.isFinite(kb)) rss.push(kb / 1024);
    }
  }
  return { wallMs: median(walls), rssMiB: rss.length ? median(rss) : null };
}

export function printRow(name, value, budget, unit) {
  const verdict = budget === undefined ? '' : value <= budget ? 'within budget' : 'OVER BUDGET';
  console.log(
    `${name.padEnd(48)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(4)} ${budget === undefined ? '' : `(budget ${budget} ${unit}) ${verdict}`}`,
  );
}
