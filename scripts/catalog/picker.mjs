// The onboarding picker as OpenClaw builds it (buildAuthChoiceGroups with assistantVisibleOnly
// false, the text-inference scope): which choices it shows, in which groups, in which order.

const byLabel = (a, b) => a.label.localeCompare(b.label, 'en');
const collator = new Intl.Collator('en', { sensitivity: 'base' });

function pickerOptions(choices) {
  const inScope = choices.filter((choice) => choice.scopes.includes('text-inference'));
  const core = inScope.filter((choice) => choice.origin === 'core');
  // Plugin choices (manifest and external catalog) come sorted by label then id, after the core ones.
  const flowSorted = inScope
    .filter((choice) => choice.plugin)
    .sort((a, b) => byLabel(a, b) || a.id.localeCompare(b.id, 'en'));
  // Detected-only choices (on-device models) appear only once OpenClaw detects them on the host.
  return [...core, ...flowSorted].sort(byLabel).filter((choice) => choice.visibility !== 'detected-only');
}

/** Groups in picker order, each with its choices in order. */
export function buildPicker(choices, featuredGroupOrder) {
  const groups = new Map();
  for (const choice of pickerOptions(choices)) {
    if (!choice.groupId || !choice.groupLabel) continue;
    const group = groups.get(choice.groupId);
    if (group) group.options.push(choice);
    // The first option in label order names the group.
    else
      groups.set(choice.groupId, {
        id: choice.groupId,
        label: choice.groupLabel,
        hint: choice.groupHint,
        options: [choice],
      });
  }
  const rank = (id) => {
    const index = featuredGroupOrder.indexOf(id);
    return index < 0 ? Number.POSITIVE_INFINITY : index;
  };
  const sorted = [...groups.values()].sort(
    (a, b) => rank(a.id) - rank(b.id) || collator.compare(a.label, b.label) || collator.compare(a.id, b.id),
  );
  let position = 0;
  const pickerOrder = new Map();
  const out = sorted.map((group, order) => {
    const options = [...group.options].sort((a, b) => a.priority - b.priority || byLabel(a, b));
    for (const option of options) pickerOrder.set(option.id, position++);
    return {
      id: group.id,
      label: group.label,
      hint: group.hint ?? null,
      order,
      featured: featuredGroupOrder.includes(group.id),
      choiceIds: options.map((option) => option.id),
    };
  });
  return { groups: out, pickerOrder };
}
