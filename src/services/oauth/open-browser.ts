import { spawn } from 'node:child_process';

/** The platform's opener, only where a browser can show up (a display, or macOS/Windows). */
export function openInBrowser(url: string, env: NodeJS.ProcessEnv): boolean {
  const opener =
    process.platform === 'darwin'
      ? 'open'
      : process.platform === 'win32'
        ? 'explorer'
        : env.DISPLAY || env.WAYLAND_DISPLAY
          ? 'xdg-open'
          : undefined;
  if (!opener) return false;
  try {
    spawn(opener, [url], { detached: true, stdio: 'ignore' })
      .on('error', () => undefined)
      .unref();
    return true;
  } catch {
    return false;
  }
}
