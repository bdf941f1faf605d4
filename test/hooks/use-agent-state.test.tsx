import { Text } from 'ink';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/app-services.js';
import { ServicesContext } from '../../src/contexts.js';
import { useAgentState } from '../../src/hooks/use-agent-state.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderInk, waitUntil } from '../helpers/ink.js';

function Ids() {
  const { state } = useAgentState();
  return <Text>ids: {Object.keys(state?.own.profiles ?? {}).join(', ') || 'none'}</Text>;
}

const key = (seed: string) => ({ type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey(seed) });

describe('useAgentState on a screen opened after others', () => {
  it('starts from the last read, not the start-up state, and reads again at once', async () => {
    const startup = fakeState({ 'groq:a': key('a') });
    const lastRead = fakeState({ 'groq:a': key('a'), 'groq:b': key('b') });
    const onDisk = fakeState({ 'groq:a': key('a'), 'groq:b': key('b'), 'groq:c': key('c') });
    let reads = 0;
    const services: AppServices = {
      ...createFakeServices({ state: onDisk, preloadedState: startup }),
      lastReadState: () => lastRead,
      loadState: async () => {
        reads++;
        return onDisk;
      },
    };
    const app = await renderInk(
      <ServicesContext.Provider value={services}>
        <Ids />
      </ServicesContext.Provider>,
    );
    // Never the start-up state; then what is on disk now.
    await waitUntil(() => app.lastFrame() === 'ids: groq:a, groq:b, groq:c', 'what is on disk');
    expect(app.frames).not.toContain('ids: groq:a');
    expect(reads).toBeGreaterThan(0);
  });
});
