import { Box, Text } from 'ink';
import { useKeys } from '../../components/key-router.js';
import { actionFor } from '../../components/key-table.js';
import { SelectList } from '../../components/select-list/SelectList.js';
import { useServices } from '../../contexts.js';
import { AGENT_KEYS } from './dashboard-keys.js';

/** Pick another agent of the same state dir. */
export function AgentSwitcher({ onSelect, onCancel }: { onSelect: (agentId: string) => void; onCancel: () => void }) {
  const services = useServices();
  const agents = services.listAgents();
  useKeys((input, key) => {
    if (actionFor(AGENT_KEYS, input, key, undefined) === 'back') onCancel();
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Switch agent</Text>
      <SelectList
        items={agents.map((id) => ({
          value: id,
          label: id,
          hint: id === services.workspace.agentId ? '(current)' : undefined,
        }))}
        initialIndex={Math.max(0, agents.indexOf(services.workspace.agentId))}
        onSelect={onSelect}
      />
    </Box>
  );
}
