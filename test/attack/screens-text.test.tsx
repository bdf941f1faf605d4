import { describe, expect, it } from 'vitest';
import { createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

const OSC52 = '\x1b]52;c;ZWNobyBwd25lZA==\x07';
const TITLE = '\x1b]0;owned\x07';
const BIDI = '\u202e';

/** Everything in a frame that is not a colour and could act on the terminal or hide text. */
function rawControls(frame: string): string[] {
  const withoutColours = frame.replace(/\x1b\[[0-9;]*m/g, '');
  return [...withoutColours.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b]/g)].map(
    (match) => `U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function hostileState() {
  return fakeState(
    {
      [`anthropic:${OSC52}clip`]: {
        type: 'token',
        provider: 'anthropic',
        token: `sk-ant-oat01-${TITLE}aaaaaaaaaaaaaaaaaaaaaaaa`,
        expires: NOW + 86_400_000,
        email: `me${TITLE}@example.com`,
      },
      [`anthropic:${BIDI}work`]: { type: 'api_key', provider: 'anthropic', key: 'sk-ant-api03-bbbbbbbbbbbbbbbbbbbb' },
    },
    { usageStats: { [`anthropic:${OSC52}clip`]: { disabledUntil: NOW + 60_000, disabledReason: `bad${TITLE}` } } },
  );
}

describe('the screens show text from files as text', () => {
  it('the dashboard, its details and the picker never write an escape from a profile', async () => {
    const dashboard = await renderApp(createFakeServices({ state: hostileState() }), { name: 'dashboard' });
    const frame = await waitForFrame(dashboard, 'anthropic:\\x1b]52;c;');
    expect(rawControls(frame)).toEqual([]);
    expect(frame).toContain('anthropic:\\u202ework');
    await dashboard.press('down');
    await dashboard.press('enter');
    const details = await waitForFrame(dashboard, 'me\\x1b]0;owned\\x07@example.com');
    expect(rawControls(details)).toEqual([]);

    const picker = await renderApp(createFakeServices({ state: hostileState() }), {
      name: 'pick',
      provider: 'anthropic',
    });
    expect(rawControls(await waitForFrame(picker, 'anthropic:\\u202ework'))).toEqual([]);
  });
});
