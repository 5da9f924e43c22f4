import type { DemoFile } from './demo-files.js';

// The demo's progress reports (进展反馈) for the last three monthly periods (0 = the oldest) and its
// closure applications (申请办结). Plain data: texts as units write them, percents rising, the
// milestones met so far (cumulative), and where each report's review ends.

export interface DemoReportSpec {
  period: 0 | 1 | 2;
  /** A cooperating unit's part, by unit key; the lead unit's report when absent. */
  unit?: string;
  percent: number;
  done: string;
  problems: string;
  next: string;
  coordination?: string;
  targets?: Record<string, number>;
  milestones?: string[];
  files?: DemoFile[];
  /** Where its review ends (a cooperating part is final once its unit head approves it). */
  ends: 'accepted' | 'pending_head' | 'pending_supervisor';
  /** Written and submitted by the unit head (their approval is implied). */
  byHead?: boolean;
  /** First submitted with these texts, returned by the supervision office with the reason, then fixed. */
  returned?: { done: string; problems: string; next: string; reason: string };
  /** Submitted this many working days after its due date (the others on time). */
  lateWorkingDays?: number;
}

export interface DemoClosureSpec {
  ends: 'accepted' | 'pending_supervisor';
  summary: string;
  /** Results against the plan's targets: value reached and a comment. */
  results: Record<string, [number, string]>;
  files: DemoFile[];
}

const SCHOOLS_PROBLEMS = '受汛期降雨影响，城南新区学校项目土方施工滞后约两周；部分项目教学设备采购尚未完成招标。';
const SCHOOLS_NEXT = '加快城南新区学校主体施工，实行挂图作战；督促各县区完成设备采购招标，确保春季学期前具备使用条件。';

export const DEMO_REPORTS: Record<string, DemoReportSpec[]> = {
  projects: [
    {
      period: 0,
      unit: 'czj',
      percent: 30,
      done: '下达第一批重大项目专项债券资金18.6亿元，涉及交通、水利、产业园区项目27个；建立资金支出周调度制度。',
      problems: '部分项目资金支出进度偏慢，已下达资金支出率为46%。',
      next: '督促项目单位加快资金支出，做好第二批专项债券项目储备。',
      milestones: ['m-list'],
      files: [{ name: '第一批专项债券资金下达文件.pdf', caption: 'Special bond funds, batch 1' }],
      ends: 'accepted',
    },
    {
      period: 0,
      percent: 35,
      done: '印发《江川市2026年重大项目清单》，列入重大项目186个、年度计划投资462亿元；建立市级领导联系重大项目和月度调度机制，召开调度会2次，协调解决用地、环评等问题17个。1—7月全市固定资产投资同比增长6.8%。',
      problems: '12个新开工项目环评、能评尚未批复，前期手续办理偏慢；民间投资增速低于全省平均水平。',
      next: '实行前期手续并联审批，每周跟踪未开工项目；筹备三季度重大项目集中开工活动。',
      coordination: '请市自然资源和规划局加快8个项目用地报批。',
      targets: { 't-invest': 6.8, 't-start': 41, 't-amount': 168 },
      milestones: ['m-list'],
      files: [{ name: '江川市2026年重大项目清单.pdf', caption: 'List of major projects 2026' }],
      ends: 'accepted',
    },
    {
      period: 1,
      unit: 'czj',
      percent: 55,
      done: '下达第二批专项债券资金12.4亿元，累计下达31亿元；重大项目资金支出率提高到71%。',
      problems: '个别项目资本金落实不到位，影响债券资金使用。',
      next: '对支出率低于50%的项目逐一约谈，必要时调整资金用途。',
      milestones: ['m-list', 'm-start'],
      files: [{ name: '第二批专项债券资金拨付明细.pdf', caption: 'Special bond funds, batch 2' }],
      ends: 'accepted',
    },
    {
      period: 1,
      unit: 'zrzyj',
      percent: 40,
      done: '完成15个重大项目用地预审，报批农用地转用1860亩；集中开工项目用地全部落实。',
      problems: '3个项目涉及永久基本农田调整，报批时间较长。',
      next: '加强与省厅对接，力争10月底前完成剩余项目用地报批。',
      milestones: ['m-list', 'm-start'],
      files: [{ name: '重大项目用地预审批复.pdf', caption: 'Land use pre-approvals' }],
      ends: 'accepted',
    },
    {
      period: 1,
      percent: 52,
      done: '9月28日组织三季度重大项目集中开工，开工项目38个、总投资156亿元；累计新开工重大项目79个，完成投资276亿元。1—8月全市固定资产投资同比增长7.3%，增速较上月提高0.5个百分点。',
      problems: '工业技改项目投资增长乏力；4个续建项目因资金原因进度滞后。',
      next: '开展重大项目“百日攻坚”，对滞后项目实行清单管理、挂牌督办；谋划储备明年项目。',
      coordination: '请市财政局加快第三批专项债券资金拨付。',
      targets: { 't-invest': 7.3, 't-start': 79, 't-amount': 276 },
      milestones: ['m-list', 'm-start'],
      files: [
        { name: '三季度集中开工现场.png', picture: 'site' },
        { name: '三季度集中开工项目表.pdf', caption: 'Projects started in Q3' },
      ],
      ends: 'accepted',
    },
    {
      period: 2,
      unit: 'czj',
      percent: 70,
      done: '下达第三批专项债券资金9.2亿元，累计下达40.2亿元，资金支出率达到83%。',
      problems: '年底前剩余资金支出压力较大。',
      next: '按周通报支出进度，确保12月底前全部支出。',
      milestones: ['m-list', 'm-start'],
      ends: 'accepted',
    },
    {
      period: 2,
      unit: 'zrzyj',
      percent: 65,
      done: '完成剩余7个重大项目用地报批，累计保障重大项目用地4320亩，其中“标准地”出让11宗。',
      problems: '2个项目涉及基本农田调整，仍在省厅审查。',
      next: '跟踪省厅审查进度，同步做好供地准备。',
      milestones: ['m-list', 'm-start'],
      ends: 'accepted',
    },
    {
      period: 2,
      percent: 63,
      done: '1—9月全市固定资产投资同比增长7.6%，累计新开工重大项目96个，完成投资334亿元，完成年度计划的72.3%。“百日攻坚”已推动4个滞后项目恢复正常施工。',
      problems: '距全年8%目标仍有差距，四季度投资需保持9%以上增速；个别项目受原材料涨价影响推进放缓。',
      next: '组织四季度重大项目观摩评比，对投资完成率低于60%的县区进行约谈；加快明年项目前期工作。',
      coordination: '请市财政局、市自然资源和规划局继续保障年底前资金和用地需求。',
      targets: { 't-invest': 7.6, 't-start': 96, 't-amount': 334 },
      milestones: ['m-list', 'm-start'],
      files: [{ name: '重大项目形象进度.png', picture: [35, 52, 63] }],
      ends: 'pending_supervisor',
    },
  ],
  renewal: [
    {
      period: 0,
      percent: 25,
      done: '印发《2026年老旧小区改造实施方案》，确定改造小区30个；完成全部小区居民意愿征询，同意率均超过三分之二；首批8个小区进场施工。',
      problems: '部分小区管线产权单位多，协调迁改难度大。',
      next: '建立管线迁改联席会议制度，启动第二批小区施工招标。',
      targets: { 't-estates': 8, 't-homes': 2300, 't-lifts': 26 },
      milestones: ['m-plan'],
      files: [{ name: '2026年老旧小区改造实施方案.pdf', caption: 'Old residential estates renewal plan 2026' }],
      ends: 'accepted',
    },
    {
      period: 1,
      percent: 42,
      returned: {
        done: '按计划推进老旧小区改造工作，各项工作进展顺利。',
        problems: '暂无。',
        next: '继续按计划推进。',
        reason: '进展情况过于笼统：请写明已开工小区名称和数量、补助资金到位情况，并附施工现场照片。',
      },
      done: '第二批11个小区（含纺织厂宿舍、粮食局家属院等）开工，累计开工19个，惠及居民5400户；中央和省级补助资金1.36亿元全部到位，已拨付0.82亿元；加装电梯58部。',
      problems: '纺织厂宿舍等3个小区雨污分流改造与燃气管线冲突，工期延后约10天。',
      next: '10月中旬前实现30个小区全部开工；开展施工安全和文明施工专项检查。',
      coordination: '请市财政局加快市级配套资金拨付。',
      targets: { 't-estates': 19, 't-homes': 5400, 't-lifts': 58 },
      milestones: ['m-plan'],
      files: [{ name: '纺织厂宿舍施工现场照片.png', picture: 'site' }],
      ends: 'accepted',
    },
    {
      period: 2,
      percent: 58,
      done: '10月15日第三批11个小区全部开工，30个小区开工率100%；已完工小区6个，加装电梯83部，惠及居民8600户。',
      problems: '冬季施工将影响外墙保温和路面工程质量。',
      next: '合理安排冬季施工工序，11月底前完成已开工小区地下管网改造。',
      targets: { 't-estates': 30, 't-homes': 8600, 't-lifts': 83 },
      milestones: ['m-plan', 'm-start'],
      files: [{ name: '30个小区开工情况汇总表.pdf', caption: 'All 30 estates under construction' }],
      ends: 'pending_head',
    },
  ],
  schools: [
    {
      period: 0,
      percent: 30,
      done: '6个新建改扩建学校项目全部完成立项和可研批复，其中城南实验学校、临湖二中已进入装修收尾阶段。',
      problems: '城南新区学校项目用地征收尚有2户未签约。',
      next: '会同属地政府做好征收扫尾，确保城南实验学校、临湖二中秋季开学投用。',
      targets: { 't-schools': 0, 't-places': 0 },
      milestones: ['m-approve'],
      files: [{ name: '学校建设项目立项批复.pdf', caption: 'Approval of six school projects' }],
      ends: 'accepted',
    },
    {
      period: 1,
      percent: 45,
      done: '9月1日城南实验学校、临湖二中如期投入使用，新增学位2400个；其余4所学校主体结构施工完成45%，城南新区学校完成基础施工。',
      problems: SCHOOLS_PROBLEMS,
      next: SCHOOLS_NEXT,
      targets: { 't-schools': 2, 't-places': 2400 },
      milestones: ['m-approve', 'm-open'],
      files: [{ name: '城南实验学校投用照片.png', picture: 'site' }],
      ends: 'accepted',
      lateWorkingDays: 2,
    },
    {
      period: 2,
      percent: 46,
      // Nearly the previous month's text: the formalism guard flags it 重复/雷同 for the reviewer.
      done: '9月1日城南实验学校、临湖二中如期投入使用，新增学位2400个；其余4所学校主体结构施工完成48%，城南新区学校完成基础施工。',
      problems: SCHOOLS_PROBLEMS,
      next: SCHOOLS_NEXT,
      targets: { 't-schools': 2, 't-places': 2400 },
      milestones: ['m-approve', 'm-open'],
      ends: 'pending_supervisor',
    },
  ],
  business: [
    {
      period: 0,
      percent: 60,
      done: '企业开办“一网通办”专区上线运行，整合营业执照、公章刻制、发票申领、社保和公积金登记5个环节，实现“一表填报”。',
      problems: '银行预约开户尚未接入专区。',
      next: '推动6家主要银行接入预约开户，压减开办时间。',
      targets: { 't-days': 2, 't-online': 92 },
      milestones: ['m-portal'],
      files: [{ name: '一网通办专区上线通知.pdf', caption: 'One-stop business registration portal' }],
      ends: 'accepted',
    },
    {
      period: 1,
      percent: 85,
      done: '6家银行完成预约开户接入；企业开办平均用时压缩至1.5个工作日，全程网办率97%。',
      problems: '个别企业仍习惯线下办理，帮办代办力量不足。',
      next: '在政务服务中心设立帮办专窗，10月上旬实现全市1个工作日办结。',
      targets: { 't-days': 1.5, 't-online': 97 },
      milestones: ['m-portal'],
      ends: 'accepted',
    },
    {
      period: 2,
      percent: 100,
      done: '自10月10日起全市企业开办全部在1个工作日内办结，平均用时0.8个工作日，全程网办率100%；第三方评估满意度98.6%。任务已全面完成。',
      problems: '无。',
      next: '巩固改革成果，转入常态化管理，申请办结。',
      targets: { 't-days': 1, 't-online': 100 },
      milestones: ['m-portal', 'm-oneday', 'm-review'],
      files: [{ name: '企业开办便利度第三方评估报告.pdf', caption: 'Third-party assessment of business start-up' }],
      ends: 'accepted',
    },
  ],
  relief: [
    {
      period: 0,
      percent: 55,
      done: '印发《关于调整城乡最低生活保障标准的通知》，城乡低保标准由每人每月860元提高到900元，8月起按新标准发放。',
      problems: '低收入人口动态监测平台与人社、医保数据接口尚未打通。',
      next: '9月中旬前完成平台数据对接并上线运行。',
      targets: { 't-standard': 900, 't-monitor': 93 },
      milestones: ['m-standard'],
      files: [
        { name: '关于调整城乡最低生活保障标准的通知.pdf', caption: 'Notice on raising the minimum living allowance' },
      ],
      ends: 'accepted',
    },
    {
      period: 1,
      percent: 90,
      done: '低收入人口动态监测平台9月15日上线，与8个部门实现数据共享比对，纳入监测对象3.2万人；完成社会救助专项检查，整改问题41个。',
      problems: '基层经办人员业务能力参差不齐。',
      next: '开展平台操作培训，10月底前完成全部整改销号。',
      targets: { 't-standard': 900, 't-monitor': 100 },
      milestones: ['m-standard', 'm-monitor', 'm-check'],
      files: [
        { name: '动态监测平台运行情况.png', picture: [55, 90, 100] },
        { name: '社会救助专项检查报告.pdf', caption: 'Inspection of social assistance' },
      ],
      ends: 'accepted',
    },
    {
      period: 2,
      percent: 100,
      done: '专项检查发现的41个问题全部整改销号，各项目标任务全面完成。',
      problems: '无。',
      next: '建立常态化监测预警机制，申请办结。',
      targets: { 't-standard': 900, 't-monitor': 100 },
      milestones: ['m-standard', 'm-monitor', 'm-check'],
      ends: 'accepted',
    },
  ],
  farmland: [
    {
      period: 0,
      percent: 20,
      done: '5万亩高标准农田建设项目初步设计和预算通过评审，青山县、石桥县项目区完成实地踏勘。',
      problems: '项目区涉及农户多，土地平整方案需逐户确认。',
      next: '9月上旬完成施工招标，确保尽早进场。',
      targets: { 't-area': 0.6, 't-water': 0.1 },
      milestones: ['m-design'],
      files: [{ name: '高标准农田项目初步设计批复.pdf', caption: 'Preliminary design approval' }],
      ends: 'accepted',
    },
    {
      period: 2,
      byHead: true,
      percent: 38,
      done: '完成施工招标，12个标段全部进场；累计建成高标准农田1.9万亩、高效节水灌溉0.4万亩。9月份进展情况未按时报送，已在单位内部通报。',
      problems: '受8月下旬以来持续降雨影响，青山县部分项目区无法施工，任务已逾期，全年目标完成难度大。',
      next: '抢抓晴好天气增加作业面，实行周调度；11月底前完成3.5万亩，年底前全面完成。',
      coordination: '请市水利局协调项目区排涝，为施工创造条件。',
      targets: { 't-area': 1.9, 't-water': 0.4 },
      milestones: ['m-design', 'm-bid'],
      files: [{ name: '施工招标结果公示.pdf', caption: 'Tender results' }],
      ends: 'accepted',
    },
  ],
};

export const DEMO_CLOSURES: Record<string, DemoClosureSpec> = {
  business: {
    ends: 'pending_supervisor',
    summary:
      '全市企业开办“一网通办”专区运行平稳，企业开办全部实现1个工作日内办结，平均用时0.8个工作日，全程网办率100%，第三方评估满意度98.6%。年度目标全面完成，申请办结。',
    results: {
      't-days': [0.8, '平均用时0.8个工作日，优于目标'],
      't-online': [100, '全部实现全程网办'],
    },
    files: [{ name: '企业开办改革工作总结.pdf', caption: 'Business start-up reform: final report' }],
  },
  relief: {
    ends: 'accepted',
    summary:
      '城乡低保标准提高到每人每月900元并按时足额发放；低收入人口动态监测平台上线运行，监测覆盖率100%；专项检查发现问题全部整改到位。各项目标任务已全面完成，申请办结。',
    results: {
      't-standard': [900, '8月起按新标准发放'],
      't-monitor': [100, '8个部门数据共享比对'],
    },
    files: [{ name: '社会救助体系建设工作总结.pdf', caption: 'Social assistance system: final report' }],
  },
};
