import { spawn } from 'node:child_process';

/** Whether a browser can show up here: macOS, Windows, or a graphical session. */
export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return process.platform === 'darwin' || process.platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The platform's opener, only where a browser can show up; false when none was started. */
export function openInBrowser(url: string, env: NodeJS.ProcessEnv): boolean {
  if (!hasDisplay(env)) return false;
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(opener, [url], { detached: true, stdio: 'ignore' })
      .on('error', () => undefined)
      .unref();
    return true;
  } catch {
    return false;
  }
}
