import { type DraftItem, emptyItem } from './import-tree-model.js';

// The edits a person makes to a parsed tree: rename and change fields, merge with the previous
// item, split, indent, outdent, drop. Each returns a new tree (the old one is untouched) and
// returns the tree unchanged when the edit does not apply (indenting the first item, say).

type Tree = readonly DraftItem[];

/**
 * Rewrites the sibling list holding `id` with `change` (given a copy; null for "does not apply");
 * the tree itself is returned when nothing changed.
 */
function editSiblings(
  tree: Tree,
  id: string,
  change: (siblings: DraftItem[], index: number) => DraftItem[] | null,
): DraftItem[] {
  const index = tree.findIndex((item) => item.id === id);
  if (index >= 0) return change([...tree], index) ?? (tree as DraftItem[]);
  let changed = false;
  const next = tree.map((item) => {
    const children = editSiblings(item.children, id, change);
    if (children === item.children) return item;
    changed = true;
    return { ...item, children };
  });
  return changed ? next : (tree as DraftItem[]);
}

/** Changes some fields of one item. */
export function updateItem(tree: Tree, id: string, patch: Partial<Omit<DraftItem, 'id' | 'children'>>): DraftItem[] {
  return editSiblings(tree, id, (siblings, index) => {
    const item = siblings[index];
    if (item) siblings[index] = { ...item, ...patch };
    return siblings;
  });
}

function joinText(...parts: string[]): string {
  return parts.filter((part) => part.trim()).join('\n');
}

/**
 * Merges an item into the one before it (a paragraph the parser took for an item): its title
 * and body join the previous body, its children and unit names follow; the previous item's own
 * deadline and units stay, taking the merged item's only where it had none.
 */
export function mergeWithPrevious(tree: Tree, id: string): DraftItem[] {
  return editSiblings(tree, id, (siblings, index) => {
    const previous = siblings[index - 1];
    const item = siblings[index];
    if (!previous || !item) return null;
    siblings.splice(index - 1, 2, {
      ...previous,
      body: joinText(previous.body, `${item.marker ?? ''}${item.title}`, item.body),
      leadNames: previous.leadNames.length > 0 ? previous.leadNames : item.leadNames,
      cooperatingNames: [...new Set([...previous.cooperatingNames, ...item.cooperatingNames])],
      leaderNames: [...new Set([...previous.leaderNames, ...item.leaderNames])],
      units: previous.units ?? item.units,
      deadlinePhrase: previous.deadlinePhrase ?? item.deadlinePhrase,
      deadline: previous.deadline ?? item.deadline,
      isKey: previous.isKey || item.isKey,
      children: [...previous.children, ...item.children],
    });
    return siblings;
  });
}

/** The first clause of a text (up to 。；; or a line end), for a split-off item's title. */
function firstClause(text: string): { title: string; rest: string } {
  const trimmed = text.trim();
  const end = trimmed.search(/[。；;\n]/);
  if (end < 0) return { title: trimmed, rest: '' };
  return { title: trimmed.slice(0, end), rest: trimmed.slice(end + 1).trim() };
}

/**
 * Splits an item's body at `position`: the text after it becomes a new item right after this one,
 * titled `title` when given (split by a second title) or by its own first clause.
 */
export function splitItem(tree: Tree, id: string, position: number, title?: string): DraftItem[] {
  return editSiblings(tree, id, (siblings, index) => {
    const item = siblings[index];
    if (!item) return null;
    const after = item.body.slice(position);
    const named = title?.trim() ? { title: title.trim(), rest: after.trim() } : firstClause(after);
    if (!named.title) return null;
    siblings.splice(
      index,
      1,
      { ...item, body: item.body.slice(0, position).trimEnd() },
      {
        ...emptyItem(named.title),
        body: named.rest,
      },
    );
    return siblings;
  });
}

/** Makes an item the last child of the item before it. */
export function indentItem(tree: Tree, id: string): DraftItem[] {
  return editSiblings(tree, id, (siblings, index) => {
    const previous = siblings[index - 1];
    const item = siblings[index];
    if (!previous || !item) return null;
    siblings.splice(index - 1, 2, { ...previous, children: [...previous.children, item] });
    return siblings;
  });
}

/** Moves an item out of its parent, right after it; the siblings that followed it stay where they were. */
export function outdentItem(tree: Tree, id: string): DraftItem[] {
  const parentIndex = tree.findIndex((item) => item.children.some((child) => child.id === id));
  const parent = tree[parentIndex];
  if (parent) {
    const child = parent.children.find((c) => c.id === id) as DraftItem;
    const next = [...tree];
    next.splice(parentIndex, 1, { ...parent, children: parent.children.filter((c) => c.id !== id) }, child);
    return next;
  }
  let changed = false;
  const next = tree.map((item) => {
    const children = outdentItem(item.children, id);
    if (children === item.children) return item;
    changed = true;
    return { ...item, children };
  });
  return changed ? next : (tree as DraftItem[]);
}

/** Removes an item with everything under it. */
export function dropItem(tree: Tree, id: string): DraftItem[] {
  return editSiblings(tree, id, (siblings, index) => {
    siblings.splice(index, 1);
    return siblings;
  });
}
