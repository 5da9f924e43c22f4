import { describe, expect, it } from 'vitest';
import { startsNewUnit, startsWithMarker } from './line-starts.js';

describe(startsWithMarker.name, () => {
  it.each([
    '一、目标要求',
    '十二、其他',
    '(一)升级产业结构',
    '（一）升级产业结构',
    '〔二〕加强领导',
    '1.制定实施准入清单',
    '1、制定',
    '1．制定',
    '(1)加快',
    '（1）加快',
    '2.1.1 细化',
    '① 排查',
    '⑴排查',
    '第一,來自于',
    '第一，来自于',
    '第三条 本办法',
    '一要突出重点',
    '二是抓未开工情况',
    '首先,要',
    '  一、缩进的标题',
  ])('should see a marker at the start of %s', (line) => {
    expect(startsWithMarker(line)).toBe(true);
  });

  it.each([
    '第一季度完成',
    '2026年6月底前',
    '1.5亿元投资',
    '135万人',
    '一般公共预算收入',
    '二氧化硫(SO2)',
    '各县(市、区)政府',
  ])('should see no marker at the start of %s', (line) => {
    expect(startsWithMarker(line)).toBe(false);
  });
});

describe(startsNewUnit.name, () => {
  it.each(['责任单位:市发改委', '时间：2023-07-11', '# 标题', '- 列表项', '| 序号 | 任务 |'])(
    'should treat %s as a unit of its own',
    (line) => {
      expect(startsNewUnit(line)).toBe(true);
    },
  );

  it('should treat running prose as a continuation', () => {
    expect(startsNewUnit('的思想问题,还要解决这个方法问题。')).toBe(false);
  });
});
