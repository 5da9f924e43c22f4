import { describe, expect, it } from 'vitest';
import { buildItemTree, ownText, type RawItem } from './structure.js';

/** The tree as `marker` strings with their children, for short assertions. */
function outline(items: readonly RawItem[]): unknown[] {
  return items.map((item) => (item.children.length ? [item.marker.text, outline(item.children)] : item.marker.text));
}

describe(buildItemTree.name, () => {
  it('should nest a new style under the open item and return a style seen again to its level', () => {
    const text = ['一、目标', '(一)总体目标', '1.增长', '2.就业', '(二)具体指标', '1.投资', '二、任务', '1.招商'].join(
      '\n',
    );
    expect(outline(buildItemTree(text).items)).toEqual([
      [
        '一、',
        [
          ['(一)', ['1.', '2.']],
          ['(二)', ['1.']],
        ],
      ],
      ['二、', ['1.']],
    ]);
  });

  it('should keep numbers that run on across sections at the level of their style', () => {
    const text = ['一、目标', '1.增长', '9.就业', '二、工作', '(一)拼经济', '10.招商引资', '11.招大引强'].join('\n');
    expect(outline(buildItemTree(text).items)).toEqual([
      ['一、', ['1.', '9.']],
      ['二、', [['(一)', ['10.', '11.']]]],
    ]);
  });

  it('should split an inline list within its paragraph and end it with the paragraph', () => {
    const text = [
      '会议强调,一要加强领导,抓好落实。内容。二要通力协作。内容。',
      '会议指出,今年还要完成以下任务:一是制定收入分配方案;二是推进改革。',
    ].join('\n');
    const tree = buildItemTree(text);
    // 二要 ended with its paragraph, so the next paragraph's list is not its child.
    expect(outline(tree.items)).toEqual(['一要', '二要', '一是', '二是']);
    expect(ownText(tree.items[1] as RawItem)).toBe('通力协作。内容。');
    expect(tree.preamble.map((piece) => piece.text)).toEqual(['会议强调,', '会议指出,今年还要完成以下任务:']);
  });

  it('should not put a new list under a finished paragraph item unless the item announces it', () => {
    const finished = ['一、高度重视。各县区要认真研究。', '二、加强督导。要营造良好氛围。', '1.实现重大突破。'].join(
      '\n',
    );
    expect(outline(buildItemTree(finished).items)).toEqual(['一、', '二、', '1.']);
    const announced = ['(一)主要内容。分解为五个方面。', '五个方面分别是:', '1.对外开放。', '2.项目投资。'].join('\n');
    expect(outline(buildItemTree(announced).items)).toEqual([['(一)', ['1.', '2.']]]);
  });

  it('should give lines without a marker to the open item and text before the first item to the preamble', () => {
    const tree = buildItemTree('某某方案\n为落实要求,制定本方案。\n一、目标\n到2020年,达到94%。');
    expect(tree.preamble.map((piece) => piece.text)).toEqual(['某某方案', '为落实要求,制定本方案。']);
    expect(ownText(tree.items[0] as RawItem)).toBe('目标\n到2020年,达到94%。');
  });

  it('should read a task table into rows nested by their 序号', () => {
    const text = [
      '一、重点任务',
      '序号\t任务\t牵头单位\t完成时限',
      '1\t推进招商\t市商务局\t6月底前',
      '1.1\t签约项目\t市发改委\t年底前',
      '2\t扩大投资\t市发改委\t全年',
    ].join('\n');
    const tree = buildItemTree(text);
    expect(outline(tree.items)).toEqual([['一、', [['1', ['1.1']], '2']]]);
    expect(tree.items[0]?.children[0]?.cells).toEqual({ task: '推进招商', lead: '市商务局', deadline: '6月底前' });
  });
});
