import { Box, Text } from 'ink';
import { useKeys } from '../../components/key-router.js';
import { actionFor } from '../../components/key-table.js';
import { SelectList } from '../../components/select-list/SelectList.js';
import { useServices } from '../../contexts.js';
import { AGENT_KEYS } from './dashboard-keys.js';

const LIST_LIMIT = 12;

/** The lines the switcher takes for `agents` agents: border, title, the list (and its count line). */
export function agentPanelLines(agents: number): number {
  return 3 + Math.min(agents, LIST_LIMIT) + (agents > LIST_LIMIT ? 1 : 0);
}

/** Pick another agent of the same state dir, in `height` lines (the list scrolls). */
export function AgentSwitcher({
  onSelect,
  onCancel,
  height,
}: {
  onSelect: (agentId: string) => void;
  onCancel: () => void;
  height?: number;
}) {
  const services = useServices();
  const agents = services.listAgents();
  useKeys((input, key) => {
    if (actionFor(AGENT_KEYS, input, key, undefined) === 'back') onCancel();
  });
  const room = Math.max(1, (height ?? agentPanelLines(agents.length)) - 3);
  const limit = Math.min(LIST_LIMIT, agents.length <= room ? room : Math.max(1, room - 1));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Switch agent</Text>
      <SelectList
        letterKeys
        items={agents.map((id) => ({
          value: id,
          label: id,
          hint: id === services.workspace.agentId ? '(current)' : undefined,
        }))}
        initialIndex={Math.max(0, agents.indexOf(services.workspace.agentId))}
        onSelect={onSelect}
        limit={limit}
      />
    </Box>
  );
}
