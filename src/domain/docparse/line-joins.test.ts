import { describe, expect, it } from 'vitest';
import { detectWrapWidth, findLineJoins } from './line-joins.js';
import { applyEdits, traceOriginal } from './text-edits.js';

function joined(text: string): string {
  return applyEdits(traceOriginal(text), findLineJoins(text)).traced.text;
}

/** A paragraph hard-wrapped at 24 characters, as a PDF export gives it. */
const WRAPPED = [
  '一、总体要求',
  '为深入贯彻落实市委市政府关于重点工作的部署要求进一步',
  '压实工作责任确保各项任务按期保质完成现结合我市实际制',
  '定本方案请各单位认真抓好落实并按时报送工作进展情况和',
  '存在的问题。',
  '(一)明确责任分工',
  '各牵头单位要会同配合单位细化工作措施明确时间节点和责',
  '任人员确保工作有序推进。',
].join('\n');

describe(detectWrapWidth.name, () => {
  it('should find the width most lines of a hard-wrapped text share', () => {
    expect(detectWrapWidth(WRAPPED.split('\n'))).toBe(52);
  });

  it('should find none when every paragraph is a line of its own', () => {
    const lines = [
      '一、目标要求',
      '到2020年,全市空气质量优良天数比例达到94%。',
      '二、工作任务',
      '(一)升级产业结构,推动产业绿色转型。',
    ];
    expect(detectWrapWidth(lines)).toBeNull();
  });
});

describe(findLineJoins.name, () => {
  it('should rejoin the lines of a hard-wrapped paragraph and keep headings and items apart', () => {
    expect(joined(WRAPPED).split('\n')).toEqual([
      '一、总体要求',
      '为深入贯彻落实市委市政府关于重点工作的部署要求进一步压实工作责任确保各项任务按期保质完成现结合我市实际制定本方案请各单位认真抓好落实并按时报送工作进展情况和存在的问题。',
      '(一)明确责任分工',
      '各牵头单位要会同配合单位细化工作措施明确时间节点和责任人员确保工作有序推进。',
    ]);
  });

  it('should join a line that ends inside a clause', () => {
    expect(joined('责任单位:市发改委、\n市财政局')).toBe('责任单位:市发改委、市财政局');
    expect(joined('抓落实,不仅需要“想抓”的意识,\n还必须具有“会抓”的本领。')).toBe(
      '抓落实,不仅需要“想抓”的意识,还必须具有“会抓”的本领。',
    );
  });

  it.each([
    ['before an enumeration marker', '具体要求如下,\n一、加强领导'],
    ['before a circled number', '包括:\n①排查'],
    ['before a field label', '4.固定资产投资增长10%,\n责任单位:市发改委'],
    ['after a full stop', '完成整治任务。\n按省的要求推进'],
    ['after a closing quote that ends a sentence', '提出了“确保完成任务。”\n会上,农建办通报'],
    ['across a blank line', '要狠抓工作落实,\n\n坚持责任制'],
    ['a short title without punctuation', '市政府工作报告重点工作责任分解(2023年)\n时间2023-07-11 浏览次数'],
  ])('should not join %s', (_label, text) => {
    expect(joined(text)).toBe(text);
  });

  it('should keep a space between two Latin words it joins', () => {
    expect(joined('the supervision,\nplatform')).toBe('the supervision,platform');
    expect(joined('推进 ABC、\nDEF 项目')).toBe('推进 ABC、DEF 项目');
    expect(joined('编号:\n123')).toBe('编号:\n123');
  });

  it('should list each join with the seam in the note', () => {
    expect(findLineJoins('市发改委、 \n  市财政局')).toEqual([
      { kind: 'linebreak', start: 5, end: 9, after: '', note: '…市发改委、⏎市财政局…' },
    ]);
  });
});
