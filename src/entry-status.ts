import { runCommandLine } from './command-line.js';
import { statusCommand } from './commands/status.js';
import { startProcess } from './process-io.js';

// `authdeck status …` alone, built as its own bundle (scripts/build.mjs): a prompt or a cron job
// that asks often loads one file, not the command tree's many chunks (bench/status.mjs).
// The same command, options and exit codes as through src/cli.ts. CommonJS, so no top-level
// await: Node loads a CommonJS file faster than an ES module (bench/status.mjs).
const io = startProcess();
void runCommandLine(
  { name: 'authdeck', description: '', subcommands: [statusCommand] },
  process.argv.slice(2),
  io,
).then((code) => {
  process.exitCode = code;
});
