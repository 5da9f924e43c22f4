import { describe, expect, it } from 'vitest';
import type { ParsedItemView } from '../../../shared/document-import-api.js';
import { dropItem, indentItem, mergeWithPrevious, outdentItem, splitItem, updateItem } from './import-tree-edits.js';
import {
  type DraftItem,
  draftsFromParsed,
  flatten,
  mappingFromMatches,
  toImportItems,
  unitsOf,
  unmappedNames,
} from './import-tree-model.js';

function parsed(title: string, fields: Partial<ParsedItemView> = {}): ParsedItemView {
  return {
    path: '1',
    marker: null,
    title,
    body: '',
    lead: [],
    cooperating: [],
    leaders: [],
    deadline: null,
    deadline_iso: null,
    ongoing: false,
    line: 0,
    children: [],
    ...fields,
  };
}

/** 一、(一)(二) 二、 — the shape of a 分工方案. */
function sample(): DraftItem[] {
  return draftsFromParsed([
    parsed('优化营商环境', {
      marker: '一、',
      lead: ['市发改委'],
      cooperating: ['市财政局'],
      children: [
        parsed('压缩企业开办时间', { marker: '（一）', deadline: '6月底前', deadline_iso: '2026-06-30' }),
        parsed('推行一网通办', { marker: '（二）', lead: ['市数据局'], body: '建设统一平台。年底前上线。' }),
      ],
    }),
    parsed('加强财政管理', { marker: '二、', lead: ['市财政局', '市税务局'], ongoing: true }),
  ]);
}

const titles = (tree: readonly DraftItem[]): unknown[] =>
  tree.map((item) => (item.children.length ? [item.title, titles(item.children)] : item.title));

describe(draftsFromParsed.name, () => {
  it('should keep the tree, the names as written, the deadline phrase and its date', () => {
    const tree = sample();
    expect(titles(tree)).toEqual([['优化营商环境', ['压缩企业开办时间', '推行一网通办']], '加强财政管理']);
    expect(tree[0]?.children[0]).toMatchObject({ deadlinePhrase: '6月底前', deadline: '2026-06-30', units: null });
    expect(new Set(flatten(tree).map((item) => item.id)).size).toBe(4);
  });
});

describe(unitsOf.name, () => {
  it('should take the first lead as lead and the other leads as cooperating, leaving out unmapped names', () => {
    const [, item] = sample();
    expect(unitsOf(item as DraftItem, { 市财政局: 2, 市税务局: 9 })).toEqual({
      leadUnitId: 2,
      cooperatingUnitIds: [9],
    });
    expect(unitsOf(item as DraftItem, { 市税务局: 9 })).toEqual({ leadUnitId: 9, cooperatingUnitIds: [] });
  });

  it('should prefer units set on the item over its names', () => {
    const tree = updateItem(sample(), sample()[1]?.id ?? '', {});
    const item = { ...(tree[1] as DraftItem), units: { leadUnitId: 5, cooperatingUnitIds: [6] } };
    expect(unitsOf(item, { 市财政局: 2 })).toEqual({ leadUnitId: 5, cooperatingUnitIds: [6] });
  });
});

describe(unmappedNames.name, () => {
  it('should list each name no mapping covers, once', () => {
    const mapping = mappingFromMatches({
      市发改委: { status: 'matched', unitId: 1, candidates: [] },
      市财政局: { status: 'matched', unitId: 2, candidates: [] },
      市数据局: { status: 'ambiguous', candidates: [] },
    });
    expect(unmappedNames(sample(), mapping)).toEqual(['市数据局', '市税务局']);
    expect(unmappedNames(sample(), { ...mapping, 市数据局: 7, 市税务局: 8 })).toEqual([]);
  });

  it('should not take a name for mapped because an object has a property of that name', () => {
    const tree = draftsFromParsed([parsed('事项', { lead: ['constructor'] })]);
    expect(unmappedNames(tree, {})).toEqual(['constructor']);
    expect(unitsOf(tree[0] as DraftItem, {})).toEqual({ leadUnitId: null, cooperatingUnitIds: [] });
  });
});

describe(toImportItems.name, () => {
  it('should give the register API unit ids, dates and flags, children nested', () => {
    const [first] = toImportItems(sample(), { 市发改委: 1, 市财政局: 2 });
    expect(first).toMatchObject({
      title: '优化营商环境',
      body: null,
      leadUnitId: 1,
      cooperatingUnitIds: [2],
      deadline: null,
      isKey: false,
    });
    expect(first?.children?.[0]).toMatchObject({ leadUnitId: null, cooperatingUnitIds: [], deadline: '2026-06-30' });
  });
});

describe('tree edits', () => {
  it('should rename one item and leave the old tree as it was', () => {
    const tree = sample();
    const id = tree[0]?.children[1]?.id ?? '';
    const renamed = updateItem(tree, id, { title: '全面推行“一网通办”' });
    expect(renamed[0]?.children[1]?.title).toBe('全面推行“一网通办”');
    expect(tree[0]?.children[1]?.title).toBe('推行一网通办');
  });

  it('should merge an item into the previous one: text into the body, children and names follow', () => {
    const tree = sample();
    const merged = mergeWithPrevious(tree, tree[0]?.children[1]?.id ?? '');
    expect(titles(merged)).toEqual([['优化营商环境', ['压缩企业开办时间']], '加强财政管理']);
    expect(merged[0]?.children[0]).toMatchObject({
      body: '（二）推行一网通办\n建设统一平台。年底前上线。',
      leadNames: ['市数据局'],
      deadline: '2026-06-30',
    });
  });

  it('should not merge the first item of a level', () => {
    const tree = sample();
    expect(mergeWithPrevious(tree, tree[0]?.id ?? '')).toBe(tree);
  });

  it('should split at the cursor, titling the new item by its first clause', () => {
    const tree = sample();
    const item = tree[0]?.children[1] as DraftItem;
    const split = splitItem(tree, item.id, item.body.indexOf('年底前'));
    expect(titles(split)[0]).toEqual(['优化营商环境', ['压缩企业开办时间', '推行一网通办', '年底前上线']]);
    expect(split[0]?.children[1]?.body).toBe('建设统一平台。');
  });

  it('should split by a second title, the rest of the body going with it', () => {
    const tree = sample();
    const item = tree[0]?.children[1] as DraftItem;
    const split = splitItem(tree, item.id, item.body.indexOf('年底前'), '平台上线');
    expect(split[0]?.children[2]).toMatchObject({ title: '平台上线', body: '年底前上线。' });
  });

  it('should indent an item under the previous one and outdent it back', () => {
    const tree = sample();
    const id = tree[1]?.id ?? '';
    const indented = indentItem(tree, id);
    expect(titles(indented)).toEqual([['优化营商环境', ['压缩企业开办时间', '推行一网通办', '加强财政管理']]]);
    const back = outdentItem(indented, id);
    expect(titles(back)).toEqual(titles(tree));
    expect(indentItem(tree, tree[0]?.id ?? '')).toBe(tree);
    expect(outdentItem(tree, tree[0]?.id ?? '')).toBe(tree);
  });

  it('should outdent a child to sit right after its parent', () => {
    const tree = sample();
    const out = outdentItem(tree, tree[0]?.children[0]?.id ?? '');
    expect(titles(out)).toEqual([['优化营商环境', ['推行一网通办']], '压缩企业开办时间', '加强财政管理']);
  });

  it('should drop an item with everything under it', () => {
    const tree = sample();
    expect(titles(dropItem(tree, tree[0]?.id ?? ''))).toEqual(['加强财政管理']);
    expect(dropItem(tree, 'no-such-item')).toBe(tree);
  });
});
