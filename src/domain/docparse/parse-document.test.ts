import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus, SEED_ESSAY, SHARED_DIR } from './corpus.test-support.js';
import { evaluateDocument } from './evaluate.js';
import { normaliseText } from './normalise.js';
import { parseDocument } from './parse-document.js';

describe(parseDocument.name, () => {
  it('should parse the seed essay into 一、二、三 with 第一…第三 under the first two and 一要…六要 under the third', () => {
    const doc = parseDocument(normaliseText(readFileSync(SEED_ESSAY, 'utf8')).text);
    expect(doc.items.map((item) => item.marker)).toEqual(['一、', '二、', '三、']);
    expect(doc.items[0]?.children.map((item) => item.marker)).toEqual(['第一,', '第二,', '第三,']);
    expect(doc.items[1]?.children.map((item) => item.marker)).toEqual(['第一,', '第二,', '第三,']);
    expect(doc.items[2]?.children.map((item) => item.marker)).toEqual(['一要', '二要', '三要', '四要', '五要', '六要']);
    expect(doc.items[2]?.children.map((item) => item.title)).toEqual([
      '突出重點抓落實',
      '親歷親為抓落實',
      '協調配合抓落實',
      '精于細節抓落實',
      '開拓創新抓落實',
      '督促檢查抓落實',
    ]);
    expect(doc.year).toBe(2022);
  });

  // Field by field against each shared fixture: structure (path, marker, title), lead and
  // cooperating units, deadline phrase and date, with the alternatives their notes name.
  it.each(loadCorpus(SHARED_DIR).map((doc) => [doc.name, doc] as const))(
    'should parse %s as annotated',
    (_name, doc) => {
      const parsed = parseDocument(normaliseText(doc.text).text);
      expect(evaluateDocument(doc.expected, parsed, doc.alternatives).mismatches).toEqual([]);
    },
  );

  it('should read units and deadlines of a table from its columns, dated by the document year', () => {
    const text = [
      '江政发〔2026〕3号',
      '序号\t任务\t牵头单位\t配合单位\t完成时限',
      '1\t推进招商引资\t市商务局\t市发改委 市财政局\t6月底前',
      '1.1\t签约项目\t市商务局\t各区政府\t长期坚持',
    ].join('\n');
    const [row] = parseDocument(text).items;
    expect(row).toMatchObject({
      marker: '1',
      title: '推进招商引资',
      lead: ['市商务局'],
      cooperating: ['市发改委', '市财政局'],
      deadline: '6月底前',
      deadline_iso: '2026-06-30',
    });
    expect(row?.children[0]).toMatchObject({ path: '1.1', deadline: '长期坚持', deadline_iso: null, ongoing: true });
  });

  it('should date deadlines by options.year when the document has none, and say so', () => {
    const text = '同时提出要求:一是抓公路沿线;二是抓未开工情况,必须在9月20日前达到全面开工。';
    expect(parseDocument(text).items[1]).toMatchObject({ deadline: '9月20日前', deadline_iso: null });
    const given = parseDocument(text, { year: 2013 });
    expect(given).toMatchObject({ year: 2013, yearSource: 'given' });
    expect(given.items[1]?.deadline_iso).toBe('2013-09-20');
  });

  it('should date milestones labelled by their quarter', () => {
    const text = ['2026年重点工作', '1.建设新安综合体', '第一季度:完成设计招标', '第三季度:开工建设'].join('\n');
    const [task] = parseDocument(text).items;
    expect(task?.children.map((m) => [m.marker, m.title, m.deadline, m.deadline_iso])).toEqual([
      ['第一季度:', '完成设计招标', '第一季度', '2026-03-31'],
      ['第三季度:', '开工建设', '第三季度', '2026-09-30'],
    ]);
  });

  it('should keep units stated once for a task on the task, not on its last sub-measure', () => {
    const text = [
      '1.完善应急预案体系',
      '(1)加强预案管理。',
      '(2)加强预案演练。',
      '(责任单位:市应急局、各县(市、区)人民政府)',
    ].join('\n');
    const [task] = parseDocument(text).items;
    expect(task).toMatchObject({ lead: ['市应急局'], cooperating: ['各县(市、区)人民政府'] });
    expect(task?.children[1]).toMatchObject({ lead: [], cooperating: [] });
  });

  it('should offer the shared-affix expansion beside the literal names', () => {
    const [item] = parseDocument('1.整治锅炉。(市生态环境局牵头,各县、区人民政府(管委会)负责落实)').items;
    expect(item).toMatchObject({ cooperating: ['各县', '区人民政府(管委会)'] });
    expect(item?.expanded?.cooperating).toEqual(['各县人民政府(管委会)', '各区人民政府(管委会)']);
  });
});
