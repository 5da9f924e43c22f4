import { describe, expect, it } from 'vitest';
import { extractResponsibility, startsResponsibilityBracket } from './responsibility.js';

describe(extractResponsibility.name, () => {
  it('should read a labelled bracket: lead, cooperating, and no deadline as a unit', () => {
    const text = '推进招商引资。（牵头单位：市发改委；配合单位：市财政局、市商务局；完成时限：2026年6月底前）';
    expect(extractResponsibility(text)).toEqual({
      lead: ['市发改委'],
      cooperating: ['市财政局', '市商务局'],
      leaders: [],
    });
  });

  it('should make the first unit of a lone 责任单位 list the lead', () => {
    expect(extractResponsibility('责任单位:市发改委、市经信局、市科技局')).toEqual({
      lead: ['市发改委'],
      cooperating: ['市经信局', '市科技局'],
      leaders: [],
    });
  });

  it('should read 分别牵头 as several leads and no cooperating units', () => {
    expect(extractResponsibility('责任单位:市人力社保局、市农业农村局分别牵头').lead).toEqual([
      '市人力社保局',
      '市农业农村局',
    ]);
  });

  it('should treat 责任单位 as cooperating when 牵头单位 is given, and 牵头: as a lead label', () => {
    expect(extractResponsibility('牵头单位:区发改局\n责任单位:立山经济开发区,各街道')).toMatchObject({
      lead: ['区发改局'],
      cooperating: ['立山经济开发区', '各街道'],
    });
    expect(extractResponsibility('牵头:区商务局;配合:区财政局').lead).toEqual(['区商务局']);
  });

  it('should put persons in leaders and never in units', () => {
    const text = '牵头领导:王仁洲 责任单位:市交通委,各区政府 项目责任人:劳可军,各区区长 配合单位:市公安局 鄞州 海曙';
    expect(extractResponsibility(text)).toEqual({
      lead: ['市交通委'],
      cooperating: ['各区政府', '市公安局'],
      leaders: ['王仁洲', '劳可军', '各区区长'],
    });
    expect(extractResponsibility('责任领导:张三、李四').lead).toEqual([]);
  });

  it('should read role brackets in 〔〕 and (), as their union in order', () => {
    const text =
      '制定清单。〔市生态环境局牵头,市发展和改革局、工业和信息化局参与,各县、区人民政府(管委会)负责落实。以下各项工作均需落实,不再列出。〕淘汰锅炉。(市生态环境局、市场监管局牵头,市发展和改革局参与)';
    expect(extractResponsibility(text)).toMatchObject({
      lead: ['市生态环境局', '市场监管局'],
      cooperating: ['市发展和改革局', '工业和信息化局', '各县', '区人民政府(管委会)'],
    });
  });

  it('should read a bracket cut off after its lead group, and Traditional role words', () => {
    expect(extractResponsibility('完成整治。(市生态环境局牵头督导,市公安局、水务局、').cooperating).toEqual([
      '市公安局',
      '水务局',
    ]);
    expect(extractResponsibility('(市政府辦公室牽頭,市級各有關部門及各縣市區政府按職責分工負責)')).toMatchObject({
      lead: ['市政府辦公室'],
      cooperating: ['市級各有關部門', '各縣市區政府'],
    });
  });

  it('should read X牵头 in prose only when X is a list of bodies', () => {
    expect(extractResponsibility('由市住建局牵头,市财政局、市自然资源局配合,年底前完成。')).toMatchObject({
      lead: ['市住建局'],
      cooperating: ['市财政局', '市自然资源局'],
    });
    for (const prose of [
      '牵头部门要切实负起组织协调责任,其他部门要积极配合。',
      '该牵头的要主动牵头,该配合的要积极配合。',
      '实行县政府分线领导牵头负责制。',
    ]) {
      expect(extractResponsibility(prose), prose).toEqual({ lead: [], cooperating: [], leaders: [] });
    }
  });

  it('should not emit a name cut off by truncation', () => {
    expect(extractResponsibility('形成经验。(牵头单位:市发').lead).toEqual([]);
    expect(extractResponsibility('责任单位:市').lead).toEqual([]);
  });
});

describe(startsResponsibilityBracket.name, () => {
  it('should tell a unit bracket from a bracket that is part of the text', () => {
    expect(startsResponsibilityBracket('(责任单位:市商务局)')).toBe(true);
    expect(startsResponsibilityBracket('〔市生态环境局牵头,市公安局参与〕')).toBe(true);
    expect(startsResponsibilityBracket('(分解任务15项)')).toBe(false);
    expect(startsResponsibilityBracket('(粤府〔2018〕128号)')).toBe(false);
  });
});
