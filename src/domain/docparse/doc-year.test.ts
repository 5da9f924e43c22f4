import { describe, expect, it } from 'vitest';
import { findDocumentFacts } from './doc-year.js';

const facts = (head: string, text = head) => findDocumentFacts(head, text);

describe(findDocumentFacts.name, () => {
  it('should take the year from the document number, not from a number it cites', () => {
    const head = '根据《某某规划》(运政办发〔2016〕76号)精神,\n京政办发〔2026〕3号\n关于印发工作要点的通知';
    expect(facts(head)).toMatchObject({ year: 2026, yearSource: 'number', docNumber: '京政办发〔2026〕3号' });
  });

  it('should accept a number written with a space before 〔', () => {
    expect(facts('菏政办字 〔2023〕1号\n各县区人民政府:').year).toBe(2023);
  });

  it('should fall back to the title, then a date line', () => {
    expect(facts('市政府工作报告重点工作责任分解(2023年)\n时间:2024-07-11 17:01')).toMatchObject({
      year: 2023,
      yearSource: 'title',
    });
    expect(facts('某县人民政府办公室\n2017年4月13日\n')).toMatchObject({ year: 2017, yearSource: 'date' });
    expect(facts('時間:2022-07-19 06:06:00')).toMatchObject({ year: 2022, yearSource: 'date' });
  });

  it('should then prefer the year of a dated deadline to horizons and baselines in the text', () => {
    const text = '總體目標:到2017年改善。濃度不超過2012年水準。\n1.武漢市應在2014年6月底前制定規劃';
    expect(facts('', text)).toMatchObject({ year: 2014, yearSource: 'text' });
    expect(facts('', '2014年市政府民生实事项目共有42项任务').year).toBe(2014);
  });

  it('should give null when the document names no year', () => {
    expect(facts('', '必须在9月20日前达到全面开工;奋战100天')).toMatchObject({ year: null, yearSource: null });
  });
});
