import type { AccountabilityType } from '../../shared/accountability-api.js';
import type { AdoptionAnswer } from '../../shared/cases-api.js';

// The texts of the demo's closing loop (issue 7): what the supervision office writes when it
// assesses the 2026 work report, reviews it item by item, and follows up. Plain data only; the
// tasks are named by title, as the work report (demo-tasks.ts) registers them.

/** Titles of the demo tasks the closing loop refers to. */
export const LOOP_TASKS = {
  farmland: '推进高标准农田建设5万亩',
  relief: '完善分层分类社会救助体系',
  business: '优化营商环境，企业开办时间压缩至1个工作日',
  /** A subtask of the key-project task, closed on time by the loop: the exemplary practice. */
  dispatch: '建立重大项目月度调度机制',
} as const;

export type LoopTaskKey = keyof typeof LOOP_TASKS;

/** The demo tasks the loop refers to, by key; a missing one is absent. */
export type LoopTaskIds = Partial<Record<LoopTaskKey, number>>;

// Period names read well inside the generated bulletin title (关于…督查考核情况的通报).

/** The year period's name: its presence means the closing loop is already loaded. */
export const yearPeriodName = (year: number) => `${year}年度政府工作报告重点任务`;

/** The stage period, from January to the current month (`2026年1—11月政府工作报告重点任务`). */
export function stagePeriodName(year: number, month: number): string {
  return `${year}年${month === 1 ? '1月' : `1—${month}月`}政府工作报告重点任务`;
}

/** A failure classified in the review: a reason code of the default list and its explanation. */
export interface LoopFailure {
  reasonCode: string;
  explanation: string;
}

/** The failures of the stage period, two objective, one subjective. */
export const LOOP_FAILURES: Partial<Record<LoopTaskKey, LoopFailure>> = {
  farmland: {
    reasonCode: 'execution',
    explanation:
      '汛期前施工组织谋划不足，雨季未及时调整作业计划，9月底仅完成1.9万亩，任务逾期；9月份进展情况未按时报送，经催办、下发督办通知后仍进展缓慢。',
  },
  relief: {
    reasonCode: 'coordination',
    explanation:
      '低收入人口动态监测需民政、人社、医保等8个部门数据共享比对，数据接口协调耗时，监测平台上线较计划推迟，办结晚于9月30日的时限。',
  },
  business: {
    reasonCode: 'approvals',
    explanation:
      '企业开办“一网通办”专区需省级政务服务平台接口授权，省级审批10月下旬才完成，专区全面运行晚于计划，办结申请未能在10月31日前提出。',
  },
};

/** The practice of the task done on time, marked as an exemplary candidate. */
export const LOOP_PRACTICES =
  '建立“月调度、季观摩、年考评”工作机制：每月召开重大项目调度会，问题清单化交办、销号式管理；对用地、资金、审批等共性问题实行“一事一专班”，今年以来累计协调解决问题47个，重大项目开工率较上年提高12个百分点。';

/** The rectification item made from the farmland finding (the finding is the review's explanation). */
export const LOOP_RECTIFICATION = {
  title: '整改：高标准农田建设进度滞后、进展情况未按时报送问题',
  measures:
    '1. 倒排工期，实行周调度、周通报，12月20日前完成剩余0.7万亩施工；\n2. 每个项目区明确一名班子成员包保，抢抓晴好天气增加作业面；\n3. 建立进展报送提醒和内部督办制度，杜绝漏报迟报；\n4. 整改完成后提交验收报告和现场照片，申请销号。',
};

export interface LoopCase {
  title: string;
  summary: string;
  writeUp: string;
}

/** The exemplary practice, from the task marked as a candidate. */
export const LOOP_EXEMPLARY_CASE: LoopCase = {
  title: '市发展改革委“月调度”机制推动重大项目提速增效',
  summary:
    '市发展改革委建立重大项目“月调度、季观摩、年考评”机制，问题清单化交办、销号式管理，今年以来协调解决用地、资金、审批等问题47个，重大项目开工率提高12个百分点。',
  writeUp: [
    '一、主要做法',
    '（一）月调度。每月召开重大项目调度会，逐项目对照年度计划查进度、找问题，形成问题清单，明确责任单位和解决时限。',
    '（二）季观摩。每季度组织重大项目现场观摩，以观摩促比学赶超，对进度滞后项目现场约谈。',
    '（三）一事一专班。对用地、资金、审批等共性问题，由分管领导牵头成立专班，实行销号式管理。',
    '',
    '二、工作成效',
    '今年以来累计协调解决问题47个，重大项目开工率较上年提高12个百分点，全年固定资产投资增长目标有望如期实现。',
    '',
    '三、推广建议',
    '各牵头单位可结合本部门重点任务，建立月度调度和问题清单销号制度，推动任务按时落地见效。',
  ].join('\n'),
};

/** The negative example, from the subjective failure. */
export const LOOP_NEGATIVE_CASE: LoopCase = {
  title: '市农业农村局高标准农田建设进度滞后、进展未按时报送',
  summary:
    '市农业农村局牵头的高标准农田建设任务9月30日到期时仅完成1.9万亩，9月份进展情况未按时报送，经催办、督办通知后仍推进缓慢。',
  writeUp: [
    '一、基本情况',
    '《2026年江川市政府工作报告重点任务分解》明确，高标准农田建设5万亩于9月30日前完成。截至时限，仅完成1.9万亩，任务逾期。',
    '',
    '二、主要问题',
    '（一）谋划不足。对汛期施工影响预判不够，未及时调整作业计划。',
    '（二）报送不及时。9月份进展情况未按时报送，经催办后仍进展缓慢。',
    '',
    '三、警示',
    '各单位要引以为戒，提前研判风险，及时报送进展，对可能逾期的任务及早申请调整或协调解决。',
  ].join('\n'),
};

/** The units asked to adopt the exemplary practice, and how each answers (absent: not yet). */
export const LOOP_ADOPTIONS: Array<{ unit: string; answer?: { status: AdoptionAnswer; note: string } }> = [
  {
    unit: 'jyj',
    answer: {
      status: 'adopted',
      note: '已建立新建改扩建学校项目月度调度会制度，10月起每月召开，问题清单化管理。',
    },
  },
  { unit: 'zjj', answer: { status: 'planned', note: '拟于12月起对老旧小区改造项目实行月调度。' } },
  { unit: 'jtj' },
];

/** The record opened by hand against the farmland unit, and the unit's statement. */
export const LOOP_ACCOUNTABILITY: {
  type: AccountabilityType;
  proposal: string;
  statement: string;
  /** Why the ladder's own proposal on the same task is dismissed: merged into the record opened by hand. */
  merged: (number: string) => string;
} = {
  type: 'ineffective',
  proposal:
    '市农业农村局牵头的“推进高标准农田建设5万亩”任务逾期未完成，9月份进展情况未按时报送，经催办和下发督办通知后仍推进缓慢，在阶段考核中被列为主观原因未完成事项。建议对该局予以通报批评，并责令作出书面检查。',
  statement:
    '我局对高标准农田建设任务逾期未完成负有责任。主要原因：一是对汛期影响预判不足，施工组织不力；二是进展报送工作责任未压实，9月份进展漏报。目前已实行周调度和班子成员包保，剩余0.7万亩计划12月20日前完成，同时建立报送提醒制度。恳请考虑持续降雨等客观因素，从轻处理。',
  merged: (number) => `与${number}系同一事项，已并入该记录一并办理，本建议不再单独处理。`,
};
