import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/app-services.js';
import { WritesInFlight } from '../../src/writes-in-flight.js';

// Ctrl+C twice while a write runs leaves the screen, but the process waits for the write (it
// cannot be stopped halfway) and says how it went: its exit code is that write's, not 130.
describe('the exit code after waiting for a write the screen left', () => {
  const track = (outcome: 'ok' | 'fails') => {
    const writes = new WritesInFlight();
    let finish: () => void = () => {};
    const services = {
      setOrder: () =>
        new Promise((resolve, reject) => {
          finish = () => (outcome === 'ok' ? resolve({ path: '/x', changed: true }) : reject(new Error('disk full')));
        }),
    } as unknown as AppServices;
    const running = writes
      .track(services)
      .setOrder('anthropic', ['anthropic:a'])
      .catch(() => {});
    const land = async () => {
      finish();
      await running;
    };
    return { writes, land };
  };

  it('a cancel whose write landed exits 0; one whose write failed exits 1', async () => {
    const landed = track('ok');
    await landed.land();
    expect(landed.writes.exitCodeAfterWaiting(130)).toBe(0);
    const failed = track('fails');
    await failed.land();
    expect(failed.writes.exitCodeAfterWaiting(130)).toBe(1);
  });

  it('another exit code stays as it was', async () => {
    const landed = track('ok');
    await landed.land();
    expect(landed.writes.exitCodeAfterWaiting(64)).toBe(64);
    expect(new WritesInFlight().exitCodeAfterWaiting(130)).toBe(130);
  });
});
