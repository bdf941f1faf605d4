import { Text } from 'ink';
import { useEffect } from 'react';
import { useNavigation } from '../contexts.js';
import { useAgentState } from '../hooks/use-agent-state.js';
import { listAgentProfiles, listEnvCredentials } from '../services/agent-state.js';

/** `authdeck` in a terminal: the dashboard when the agent has any credential, else the wizard. */
export function HomeScreen() {
  const { state, error, loading } = useAgentState();
  const navigation = useNavigation();
  useEffect(() => {
    if (loading) return;
    // A store that cannot be read is shown (with its error) by the dashboard, not hidden.
    const configured =
      error !== undefined ||
      (state !== undefined && (listAgentProfiles(state).length > 0 || listEnvCredentials(state).length > 0));
    navigation.replace(configured ? { name: 'dashboard' } : { name: 'onboard' });
  }, [loading, state, error, navigation]);
  return <Text dimColor>Reading the store…</Text>;
}
