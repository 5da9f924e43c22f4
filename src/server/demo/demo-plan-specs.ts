import type { DemoOffset } from './demo-calendar.js';

// The demo's plans (办理方案), one per work-report task that has left the draft stage: measurable
// targets, steps owned by the task's units, milestones (some needing evidence) and how each plan
// went through review. Plain data; dates are offsets from the base date (demo-calendar.ts).

export interface DemoMilestone {
  id: string;
  deliverable: string;
  evidence: boolean;
  at: DemoOffset;
}

export interface DemoPlanSpec {
  targets: Array<{ id: string; name: string; measureUnit: string; baseline: number; targetValue: number }>;
  steps: Array<{ id: string; text: string; owner: string; from: DemoOffset; to: DemoOffset }>;
  milestones: DemoMilestone[];
  /** Cooperating units' parts (配合单位分工), by unit key. */
  parts?: Array<{
    unit: string;
    text: string;
    steps: Array<{ id: string; text: string; from: DemoOffset; to: DemoOffset }>;
  }>;
  /**
   * How the review went: accepted at once; returned once (the first draft had only its first
   * target and no evidence asked for) then accepted; accepted then revised as version 2 and
   * accepted again; or approved by the unit head and waiting for the supervision office.
   */
  story: 'accepted' | 'returned_once' | 'revised' | 'pending_supervisor';
  returnReason?: string;
  /** What version 2 changes: target values, step texts, added milestones. */
  revision?: { targetValues: Record<string, number>; stepTexts: Record<string, string>; milestones: DemoMilestone[] };
}

export const DEMO_PLANS: Record<string, DemoPlanSpec> = {
  projects: {
    targets: [
      { id: 't-invest', name: '固定资产投资增速', measureUnit: '%', baseline: 6.2, targetValue: 8 },
      { id: 't-start', name: '重大项目新开工', measureUnit: '个', baseline: 0, targetValue: 120 },
      { id: 't-amount', name: '重大项目完成投资', measureUnit: '亿元', baseline: 0, targetValue: 460 },
    ],
    steps: [
      { id: 's-list', text: '梳理编制年度重大项目清单，建立“月调度、季通报”工作机制', owner: 'fgw', from: 0, to: 20 },
      { id: 's-fund', text: '统筹专项债券和预算内投资，保障项目资本金及时到位', owner: 'czj', from: 0, to: 'deadline' },
      { id: 's-land', text: '优先保障重大项目用地指标，推行“标准地”出让', owner: 'zrzyj', from: 0, to: 'deadline' },
      { id: 's-review', text: '组织重大项目集中开工和季度观摩', owner: 'fgw', from: 45, to: 'deadline' },
    ],
    milestones: [
      { id: 'm-list', deliverable: '印发年度重大项目清单及调度办法', evidence: true, at: 20 },
      { id: 'm-start', deliverable: '三季度重大项目集中开工', evidence: true, at: 60 },
      { id: 'm-year', deliverable: '完成全年固定资产投资目标', evidence: false, at: 'deadline' },
    ],
    parts: [
      {
        unit: 'czj',
        text: '统筹安排重大项目建设资金，做好专项债券项目储备、发行和资金拨付，按月通报资金支出进度。',
        steps: [{ id: 'p-bond', text: '分批下达专项债券资金并跟踪支出', from: 10, to: 'deadline' }],
      },
      {
        unit: 'zrzyj',
        text: '保障重大项目用地指标，做好用地预审、农转用报批和“标准地”出让。',
        steps: [{ id: 'p-land', text: '完成首批重大项目用地报批', from: 0, to: 45 }],
      },
    ],
    story: 'revised',
    revision: {
      targetValues: { 't-start': 135 },
      stepTexts: { 's-review': '组织重大项目集中开工、季度观摩和年度综合评比，评比结果纳入年度考核' },
      milestones: [{ id: 'm-review', deliverable: '四季度重大项目观摩评比', evidence: true, at: 125 }],
    },
  },
  renewal: {
    targets: [
      { id: 't-estates', name: '改造老旧小区', measureUnit: '个', baseline: 0, targetValue: 30 },
      { id: 't-homes', name: '惠及居民', measureUnit: '户', baseline: 0, targetValue: 8600 },
      { id: 't-lifts', name: '既有住宅加装电梯', measureUnit: '部', baseline: 0, targetValue: 120 },
    ],
    steps: [
      { id: 's-survey', text: '完成改造项目摸底和居民改造意愿征询', owner: 'zjj', from: 0, to: 25 },
      { id: 's-fund', text: '争取中央和省级补助资金，落实市级配套资金', owner: 'czj', from: 0, to: 60 },
      {
        id: 's-build',
        text: '分批组织施工，推行“一小区一方案”，实行居民全过程参与',
        owner: 'zjj',
        from: 25,
        to: 'deadline',
      },
    ],
    milestones: [
      { id: 'm-plan', deliverable: '印发年度改造计划和实施方案', evidence: true, at: 15 },
      { id: 'm-start', deliverable: '30个小区全部开工', evidence: true, at: 75 },
      { id: 'm-done', deliverable: '完成竣工验收', evidence: false, at: 'deadline' },
    ],
    story: 'returned_once',
    returnReason:
      '目标不够具体：请补充惠及居民户数、加装电梯数量等量化指标，并对“实施方案印发”“全部开工”两个节点明确佐证材料。',
  },
  schools: {
    targets: [
      { id: 't-schools', name: '新建改扩建学校', measureUnit: '所', baseline: 0, targetValue: 6 },
      { id: 't-places', name: '新增义务教育学位', measureUnit: '个', baseline: 0, targetValue: 7200 },
    ],
    steps: [
      { id: 's-approve', text: '完成项目选址、可研和初步设计批复', owner: 'jyj', from: 0, to: 20 },
      { id: 's-build', text: '倒排工期推进主体建设，每月通报形象进度', owner: 'jyj', from: 20, to: 'deadline' },
    ],
    milestones: [
      { id: 'm-approve', deliverable: '6个项目全部完成立项批复', evidence: true, at: 20 },
      { id: 'm-open', deliverable: '2所新建学校秋季学期投入使用', evidence: true, at: 31 },
      { id: 'm-finish', deliverable: '其余4所学校主体完工', evidence: false, at: 'deadline' },
    ],
    story: 'accepted',
  },
  bluesky: {
    targets: [
      { id: 't-pm25', name: '细颗粒物（PM2.5）平均浓度', measureUnit: 'μg/m³', baseline: 35, targetValue: 33.2 },
      { id: 't-good', name: '空气质量优良天数比率', measureUnit: '%', baseline: 82.5, targetValue: 85 },
      { id: 't-trucks', name: '淘汰国四及以下排放标准柴油货车', measureUnit: '辆', baseline: 0, targetValue: 1500 },
    ],
    steps: [
      { id: 's-plan', text: '制定大气污染防治年度实施方案，建立重点污染源清单', owner: 'sthjj', from: 0, to: 15 },
      { id: 's-trucks', text: '推进柴油货车淘汰和重型车辆绕城通行', owner: 'jtj', from: 10, to: 'deadline' },
      { id: 's-industry', text: '推动钢铁、水泥行业超低排放改造', owner: 'gxj', from: 10, to: 'deadline' },
    ],
    milestones: [
      { id: 'm-plan', deliverable: '印发大气污染防治年度实施方案', evidence: true, at: 15 },
      { id: 'm-winter', deliverable: '完成秋冬季重污染天气应急减排清单修订', evidence: true, at: 45 },
      { id: 'm-year', deliverable: 'PM2.5年均浓度达到目标', evidence: false, at: 'deadline' },
    ],
    parts: [
      {
        unit: 'jtj',
        text: '牵头推进柴油货车污染治理，按月报送淘汰车辆台账。',
        steps: [{ id: 'p-trucks', text: '完成淘汰车辆补贴申报审核', from: 10, to: 60 }],
      },
    ],
    story: 'pending_supervisor',
  },
  business: {
    targets: [
      { id: 't-days', name: '企业开办时间', measureUnit: '个工作日', baseline: 3, targetValue: 1 },
      { id: 't-online', name: '企业开办全程网办率', measureUnit: '%', baseline: 85, targetValue: 100 },
    ],
    steps: [
      {
        id: 's-portal',
        text: '上线企业开办“一网通办”专区，整合登记、刻章、申领发票、社保登记',
        owner: 'scjgj',
        from: 0,
        to: 25,
      },
      { id: 's-speed', text: '压减环节和材料，推行“一表填报、一次办结”', owner: 'scjgj', from: 25, to: 70 },
    ],
    milestones: [
      { id: 'm-portal', deliverable: '“一网通办”专区上线运行', evidence: true, at: 25 },
      { id: 'm-oneday', deliverable: '全市企业开办压缩至1个工作日', evidence: true, at: 70 },
      { id: 'm-review', deliverable: '完成第三方评估', evidence: false, at: 85 },
    ],
    story: 'accepted',
  },
  relief: {
    targets: [
      { id: 't-standard', name: '城乡低保标准', measureUnit: '元/月', baseline: 860, targetValue: 900 },
      { id: 't-monitor', name: '低收入人口动态监测覆盖率', measureUnit: '%', baseline: 90, targetValue: 100 },
    ],
    steps: [
      { id: 's-standard', text: '提高城乡低保标准并按月足额发放', owner: 'mzj', from: 0, to: 20 },
      { id: 's-monitor', text: '建设低收入人口动态监测平台，实现部门数据共享比对', owner: 'mzj', from: 0, to: 45 },
    ],
    milestones: [
      { id: 'm-standard', deliverable: '印发调整城乡低保标准的通知', evidence: true, at: 20 },
      { id: 'm-monitor', deliverable: '低收入人口动态监测平台上线', evidence: true, at: 45 },
      { id: 'm-check', deliverable: '完成社会救助专项检查', evidence: false, at: 58 },
    ],
    story: 'accepted',
  },
  farmland: {
    targets: [
      { id: 't-area', name: '新建高标准农田', measureUnit: '万亩', baseline: 0, targetValue: 5 },
      { id: 't-water', name: '配套高效节水灌溉', measureUnit: '万亩', baseline: 0, targetValue: 1.2 },
    ],
    steps: [
      { id: 's-design', text: '完成项目初步设计和预算评审', owner: 'nyncj', from: 0, to: 15 },
      { id: 's-build', text: '组织施工招标，督促青山县、石桥县按期施工', owner: 'nyncj', from: 15, to: 'deadline' },
    ],
    milestones: [
      { id: 'm-design', deliverable: '项目初步设计获批', evidence: true, at: 15 },
      { id: 'm-bid', deliverable: '完成施工招标', evidence: true, at: 40 },
      { id: 'm-accept', deliverable: '完成建设任务并通过县级验收', evidence: false, at: 'deadline' },
    ],
    story: 'accepted',
  },
};
