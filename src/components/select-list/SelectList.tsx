import { Box, Text } from 'ink';
import { useSelectListState, type SelectItem } from './use-select-list-state.js';
import { useKeys } from '../key-router.js';

export type { SelectItem };

export interface SelectListProps<T> {
  items: SelectItem<T>[];
  onSelect: (value: T) => void;
  isActive?: boolean;
  initialIndex?: number;
  /** How many entries to show at once; the list scrolls with the highlight. */
  limit?: number;
  emptyText?: string;
}

/** A list to pick one entry from with ↑/↓ and Enter. */
export function SelectList<T>({ items, onSelect, isActive = true, initialIndex = 0, limit = 12, emptyText = 'nothing matches' }: SelectListProps<T>) {
  const { index, highlighted, move } = useSelectListState(items, initialIndex);
  useKeys(
    (input, key) => {
      if (key.upArrow) move(-1);
      else if (key.downArrow) move(1);
      else if (key.return && highlighted && !highlighted.disabled) onSelect(highlighted.value);
    },
    { isActive },
  );
  if (items.length === 0) return <Text dimColor>{emptyText}</Text>;
  const top = Math.max(0, Math.min(index - Math.floor(limit / 2), items.length - limit));
  return (
    <Box flexDirection="column">
      {items.slice(top, top + limit).map((item, offset) => {
        const selected = top + offset === index;
        return (
          <Text key={`${top + offset}:${item.label}`} wrap="truncate" dimColor={item.disabled}>
            <Text color={selected ? 'cyan' : undefined}>{selected ? '❯ ' : '  '}</Text>
            <Text bold={selected}>{item.label}</Text>
            {item.hint && <Text dimColor> {item.hint}</Text>}
          </Text>
        );
      })}
      {items.length > limit && <Text dimColor>  {items.length} in all, ↑/↓ to scroll</Text>}
    </Box>
  );
}
