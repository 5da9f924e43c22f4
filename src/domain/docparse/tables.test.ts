import { describe, expect, it } from 'vitest';
import { findTables } from './tables.js';

describe(findTables.name, () => {
  it('should read a table with one row per line, by its header', () => {
    const lines = [
      '附件',
      '序号 | 任务 | 牵头单位 | 配合单位 | 责任领导 | 完成时限 | 备注',
      '1 | 推进招商引资 | 市商务局 | 市发改委、市财政局 | 张三 | 2026年6月底前 | ',
      '1.1 | 签约亿元项目 | 市商务局 | 各区政府 | 张三 | 三季度 | 重点',
      '以上任务请各单位认真落实。',
    ];
    expect(findTables(lines)).toEqual([
      {
        start: 1,
        end: 4,
        rows: [
          {
            line: 2,
            number: '1',
            cells: {
              task: '推进招商引资',
              lead: '市商务局',
              cooperating: '市发改委、市财政局',
              leaders: '张三',
              deadline: '2026年6月底前',
            },
          },
          {
            line: 3,
            number: '1.1',
            cells: {
              task: '签约亿元项目',
              lead: '市商务局',
              cooperating: '各区政府',
              leaders: '张三',
              deadline: '三季度',
              other: '重点',
            },
          },
        ],
      },
    ]);
  });

  it('should read a table flattened to one cell per line', () => {
    const lines = [
      '序号',
      '',
      '主 要 工 作 任 务',
      '',
      '责任单位',
      '',
      '1',
      '',
      '地区生产总值增长6%左右。',
      '',
      '市发展改革委',
      '',
      '2',
      '',
      '研发投入强度达到3.',
    ];
    const [table] = findTables(lines);
    expect(table?.rows).toEqual([
      { line: 6, number: '1', cells: { task: '地区生产总值增长6%左右。', responsible: '市发展改革委' } },
      { line: 12, number: '2', cells: { task: '研发投入强度达到3.' } },
    ]);
  });

  it('should ignore a header without a task column and lines that only look like tables', () => {
    expect(findTables(['序号\t姓名\t电话', '1\t张三\t123'])).toEqual([]);
    expect(findTables(['索 引 号: | 000014349/2023-91150 | 信息分类: | |'])).toEqual([]);
  });
});
