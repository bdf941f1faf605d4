import { OPTIONS, flagValue, type CommandSpec } from './spec.js';

/** `authdeck doctor`: its checks load only when it runs (doctor-run.ts). */
export const doctorCommand: CommandSpec = {
  name: 'doctor',
  description: 'check what keeps the gateway from working; --fix applies the safe fixes',
  options: [
    {
      name: 'fix',
      description: 'apply the fixes that lose nothing: permissions, stale locks, temp files, dangling order entries',
    },
    OPTIONS.json,
  ],
  run: async (ctx, { values }) =>
    (await import('./doctor-run.js')).runDoctorCommand(ctx, {
      fix: flagValue(values, 'fix'),
      json: flagValue(values, 'json'),
    }),
};
