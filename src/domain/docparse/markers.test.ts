import { describe, expect, it } from 'vitest';
import { findMarkers } from './markers.js';

const texts = (line: string) => findMarkers(line).map((m) => m.text);

describe(findMarkers.name, () => {
  it.each([
    ['一、总体要求', '一、', 'cn-dun'],
    ['十二、保障措施', '十二、', 'cn-dun'],
    ['(一)指导思想', '(一)', 'cn-paren'],
    ['（二）工作原则', '（二）', 'cn-paren'],
    ['1.生产总值增长6%', '1.', 'num'],
    ['2、规上工业增加值', '2、', 'num'],
    ['3．研发投入', '3．', 'num'],
    ['135.全面推进', '135.', 'num'],
    ['1.1 建立台账', '1.1', 'num-dotted'],
    ['(1)加强预案管理', '(1)', 'num-paren'],
    ['（2）推进演练', '（2）', 'num-paren'],
    ['①2月上旬前完成招标', '①', 'circled'],
    ['第一,来自于感情', '第一,', 'di'],
    ['第二，抓落实', '第二，', 'di'],
    ['第一条 为了全面落实', '第一条', 'di-tiao'],
    ['第一章 总则', '第一章', 'di-zhang'],
    ['一要突出重点抓落实', '一要', 'yi-yao'],
    ['一是要明确任务', '一是', 'yi-shi'],
    ['首先,要提高认识', '首先,', 'sequence'],
    ['第一季度:完成设计招标', '第一季度:', 'quarter'],
  ])('should read %s as a %s marker', (line, text, style) => {
    const [marker] = findMarkers(line);
    expect(marker?.text).toBe(text);
    expect(marker?.style).toBe(style);
    expect(marker?.inline).toBe(false);
  });

  it.each([
    ['第一季度完成招标', 'a quarter that labels nothing'],
    ['第二方阵的城市', 'a rank'],
    ['2026.3.1召开会议', 'a date'],
    ['2026.全面完成', 'a year'],
    ['2.3%的增长', 'a decimal'],
    ['30来天完成', 'a count'],
    ['二要素认证', 'a word starting with a numeral'],
    ['一要求各单位', '一 + 要求'],
    ['其次,要加强', '其次 with no 首先 before it'],
    ['最后,我讲一点', '最后 with no 首先 before it'],
  ])('should not read %s as a marker (%s)', (line) => {
    expect(findMarkers(line)).toEqual([]);
  });

  it('should split an inline list at sentence ends and keep each marker as printed', () => {
    const line = '同时就六个方面提出严格要求:一是抓公路沿线;二是抓未开工情况;三是抓聚居点。';
    expect(findMarkers(line).map((m) => [m.text, m.inline])).toEqual([
      ['一是', true],
      ['二是', true],
      ['三是', true],
    ]);
  });

  it('should take 三要 before 求真务实 once 一要 and 二要 have opened the list', () => {
    expect(texts('一要加强领导。二要通力协作。三要求真务实,开拓进取。四要加强检查。')).toEqual([
      '一要',
      '二要',
      '三要',
      '四要',
    ]);
  });

  it('should not find markers inside words or numbers in running text', () => {
    expect(texts('思想统一是前提,完成1—6月份任务,第一季度发行债券。')).toEqual([]);
  });

  it('should read numbered items of a flattened line but not the cells of a flattened table', () => {
    const line = '公示如下。 1.轨道交通投入试运营。 鄞州 海曙 合计 2 5 1 2 10 实际完成 12 0 24 2.新增设备。';
    expect(texts(line)).toEqual(['1.', '2.']);
  });

  it('should close a 首先 list with 其次 and 最后', () => {
    const markers = findMarkers('首先,提高认识。其次,明确责任。最后,加强督查。');
    expect(markers.map((m) => [m.text, m.number])).toEqual([
      ['首先,', 1],
      ['其次,', 2],
      ['最后,', 3],
    ]);
  });

  it('should continue a list across lines only from its last number', () => {
    expect(texts('会议要求:三是加强协调。')).toEqual([]);
    expect(findMarkers('会议要求:三是加强协调。', new Map([['yi-shi', 2]])).map((m) => m.text)).toEqual(['三是']);
  });
});
