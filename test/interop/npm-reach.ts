import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { makeTempHome } from '../helpers/temp-state.js';

/** How this machine reaches npm (its CA bundle, proxy, registry), passed to both programs' installs. */
export function networkEnv(cache: string): Record<string, string> {
  const passed =
    /^(NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|NO_PROXY|npm_config_(registry|cafile))$/i;
  const env: Record<string, string> = { npm_config_cache: cache };
  for (const [name, value] of Object.entries(process.env)) if (passed.test(name) && value) env[name] = value;
  return env;
}

/** Whether npm answers for `spec` here, asked the way OpenClaw's install asks (a fresh HOME). */
export function onNpm(spec: string, env: Record<string, string>): boolean {
  const run = spawnSync('npm', ['view', spec, 'version'], {
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: makeTempHome().home, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return run.status === 0 && run.stdout.trim() !== '';
}
