import { Box, Text } from 'ink';
import { useState } from 'react';
import { shown } from '../../services/terminal-text.js';
import type { KeyHint } from '../KeyHints.js';
import { useKeys } from '../key-router.js';
import { type SelectItem, useSelectListState } from './use-select-list-state.js';

export type { SelectItem };

/**
 * The list's own keys, as the hint bar says them (↑↓ only where there is somewhere to move); a
 * screen adds what Esc does there.
 */
export function selectHints(items: number): KeyHint[] {
  return [...(items > 1 ? [['↑↓', 'move'] as const] : []), ['enter', 'choose']];
}

export interface SelectListProps<T> {
  items: SelectItem<T>[];
  onSelect: (value: T) => void;
  /**
   * The items as of now, for keys: a list narrowed by a search field that earlier keys of the
   * same chunk typed into is not rendered yet. Defaults to `items`.
   */
  currentItems?: () => SelectItem<T>[];
  /** The search narrowing the list, as of now: when it changes the cursor goes to the first match. */
  narrowedBy?: () => string;
  isActive?: boolean;
  initialIndex?: number;
  /** How many entries to show at once; the list scrolls with the highlight. */
  limit?: number;
  emptyText?: string;
  /**
   * j/k move too, and Home/End (g/G) go to the first/last row, as on the dashboard: for lists
   * with no text field beside them (one takes Home/End for its cursor).
   */
  letterKeys?: boolean;
  /**
   * The highlighted row is shown whole, wrapped, where the others are cut at the edge: for short
   * lists whose hints tell the rows apart (an endpoint's host), not for lists fitted to the height.
   */
  wholeHighlighted?: boolean;
}

/** A list to pick one entry from with ↑/↓ and Enter. */
export function SelectList<T>({
  items,
  onSelect,
  currentItems,
  narrowedBy,
  isActive = true,
  initialIndex = 0,
  limit = 12,
  emptyText = 'nothing matches',
  letterKeys = false,
  wholeHighlighted = false,
}: SelectListProps<T>) {
  const list = useSelectListState(initialIndex, narrowedBy);
  // Why Enter did not choose the highlighted row (drawn only; no key reads it).
  const [refused, setRefused] = useState<string>();
  useKeys(
    (input, key) => {
      const now = currentItems?.() ?? items;
      const up = key.upArrow || (letterKeys && input === 'k');
      if (up || key.downArrow || (letterKeys && input === 'j')) {
        setRefused(undefined);
        list.move(now, up ? -1 : 1);
      } else if (letterKeys && (key.home || key.end || input === 'g' || input === 'G')) {
        setRefused(undefined);
        list.page(now, key.home || input === 'g' ? -now.length : now.length);
      } else if (key.pageUp || key.pageDown) {
        // A page is what the list shows: a long list (67 providers) is crossed in a few presses.
        setRefused(undefined);
        list.page(now, key.pageUp ? -limit : limit);
      } else if (key.return) {
        const highlighted = list.highlightedIn(now);
        if (highlighted?.disabled && !highlighted.disabled.recheck?.()) setRefused(highlighted.disabled.why);
        else if (highlighted) onSelect(highlighted.value);
      }
    },
    { isActive },
  );
  if (items.length === 0) return <Text dimColor>{emptyText}</Text>;
  const index = list.indexIn(items.length);
  const top = Math.max(0, Math.min(index - Math.floor(limit / 2), items.length - limit));
  return (
    <Box flexDirection="column">
      {items.slice(top, top + limit).map((item, offset) => {
        const selected = top + offset === index;
        return (
          <Row
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is a place in the scrolled window, and labels may repeat.
            key={`${top + offset}:${item.label}`}
            item={item}
            selected={selected}
            whole={selected && wholeHighlighted}
          />
        );
      })}
      {items.length > limit && <Text dimColor> {items.length} in all, ↑/↓ or PgUp/PgDn to scroll</Text>}
      {refused && <Text color="yellow">{shown(refused)}</Text>}
    </Box>
  );
}

function Row<T>({ item, selected, whole }: { item: SelectItem<T>; selected: boolean; whole: boolean }) {
  const marker = <Text color={selected ? 'cyan' : undefined}>{selected ? '❯ ' : '  '}</Text>;
  const text = (
    <>
      {/* Labels are ids and names from files: shown safely. */}
      <Text bold={selected}>{shown(item.label)}</Text>
      {item.hint && <Text dimColor> {shown(item.hint)}</Text>}
    </>
  );
  // Wrapped beside the marker, so the rest of the row lines up under its label.
  return whole ? (
    <Box>
      {/* Two columns of their own: a Text's trailing space went when the row wrapped ("❯Sign in…"). */}
      <Box width={2} flexShrink={0}>
        <Text color={selected ? 'cyan' : undefined}>{selected ? '❯' : ''}</Text>
      </Box>
      <Text wrap="wrap" dimColor={item.disabled !== undefined}>
        {text}
      </Text>
    </Box>
  ) : (
    <Text wrap="truncate" dimColor={item.disabled !== undefined}>
      {marker}
      {text}
    </Text>
  );
}
