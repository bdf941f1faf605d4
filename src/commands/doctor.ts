import { command, flag, OPTIONS } from './spec.js';

/** `authdeck doctor`: its checks load only when it runs (doctor-run.ts). */
export const doctorCommand = command({
  name: 'doctor',
  description: 'check what keeps the gateway from working; --fix applies the safe fixes',
  examples: ['authdeck doctor', 'authdeck doctor --fix'],
  writes: true,
  needsExistingState: true,
  options: {
    fix: flag(
      'fix',
      'apply the fixes that lose nothing: permissions, stale locks, temp files, dangling order entries, switched-off plugins',
    ),
    json: OPTIONS.json,
  },
  run: async (ctx, options) => (await import('./doctor-run.js')).runDoctorCommand(ctx, options),
});
