// Shared helpers for the benchmarks: run a command many times, report median wall time and
// peak RSS (from /usr/bin/time when present), next to `node -e 0` measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Spread of samples as "min–max". */
export function spread(values, digits = 0) {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}

/** One benchmark line: figure, its yardstick from the same run, and whether the goal is met. */
export function goalRow(name, value, { yardstick, goal, unit = 'ms', samples } = {}) {
  const parts = [`${name.padEnd(46)} ${value.toFixed(1).padStart(8)} ${unit}`];
  if (samples) parts.push(`(${spread(samples)})`);
  if (yardstick !== undefined)
    parts.push(
      `vs ${yardstick.toFixed(1)} ${unit} → ×${(value / yardstick).toFixed(2)}, +${(value - yardstick).toFixed(0)}`,
    );
  if (goal) parts.push(`goal ${goal.text}: ${goal.met ? 'met' : 'MISSED'}`);
  console.log(parts.join('  '));
  return {
    name,
    value,
    unit,
    ...(yardstick !== undefined ? { yardstick } : {}),
    ...(goal ? { goal: goal.text, met: goal.met } : {}),
  };
}

/** A throw-away OpenClaw home whose main agent holds `profiles` (JSON era); returns where. */
export function benchHome(profiles, { pretty = false } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'authdeck-bench-'));
  const agentDir = join(home, '.openclaw', 'agents', 'main', 'agent');
  mkdirSync(agentDir, { recursive: true });
  const store = { version: 1, profiles };
  writeFileSync(join(agentDir, 'auth-profiles.json'), JSON.stringify(store, null, pretty ? 2 : undefined));
  return { home, agentDir, store };
}
