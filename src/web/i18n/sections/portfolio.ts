import type { Section } from './section.js';

// Texts of the leader's portfolio (我的分管, issue 8 item 2).

export const portfolioZhCN = {
  nav: '我的分管',
  title: '我的分管',
  subtitle: '分管单位及其下属单位牵头的在办事项，按红灯多少排序。',
  keyOnly: '只看重点任务',
  unit: '单位',
  allUnits: '全部分管单位',
  pickUnit: '选择单位预览',
  totals: '在办 {{total}} 项',
  lights: { red: '红灯 {{count}}', amber: '黄灯 {{count}}', green: '绿灯 {{count}}', unlit: '未亮灯 {{count}}' },
  overdue: '逾期 {{count}}',
  more: '另有 {{count}} 项未列出',
  moreLink: '在任务列表中查看',
  progress: '进度 {{value}}%',
  subtask: '子任务',
  empty: {
    noCharge: '您目前没有分管单位。',
    noChargeHint: '分管单位由管理员在“用户”中设置。',
    preview: '选择一个单位，预览其分管领导看到的内容。',
    noTasks: '分管单位暂无在办事项。',
  },
};

export const portfolioZhTW: Section<typeof portfolioZhCN> = {
  nav: '我的分管',
  title: '我的分管',
  subtitle: '分管單位及其下屬單位牽頭的在辦事項，按紅燈多少排序。',
  keyOnly: '只看重點任務',
  unit: '單位',
  allUnits: '全部分管單位',
  pickUnit: '選擇單位預覽',
  totals: '在辦 {{total}} 項',
  lights: { red: '紅燈 {{count}}', amber: '黃燈 {{count}}', green: '綠燈 {{count}}', unlit: '未亮燈 {{count}}' },
  overdue: '逾期 {{count}}',
  more: '另有 {{count}} 項未列出',
  moreLink: '在任務清單中檢視',
  progress: '進度 {{value}}%',
  subtask: '子任務',
  empty: {
    noCharge: '您目前沒有分管單位。',
    noChargeHint: '分管單位由管理員在「使用者」中設定。',
    preview: '選擇一個單位，預覽其分管領導看到的內容。',
    noTasks: '分管單位暫無在辦事項。',
  },
};

export const portfolioEn: Section<typeof portfolioZhCN> = {
  nav: 'My portfolio',
  title: 'My portfolio',
  subtitle: 'Open tasks led by the units in your charge and the units under them, most red lights first.',
  keyOnly: 'Key tasks only',
  unit: 'Unit',
  allUnits: 'All units in my charge',
  pickUnit: 'Choose a unit to preview',
  totals: '{{total}} open',
  lights: { red: 'Red {{count}}', amber: 'Amber {{count}}', green: 'Green {{count}}', unlit: 'Unlit {{count}}' },
  overdue: 'Overdue {{count}}',
  more: '{{count}} more not listed',
  moreLink: 'See them in the task list',
  progress: 'Progress {{value}}%',
  subtask: 'Subtask',
  empty: {
    noCharge: 'You have no units in your charge.',
    noChargeHint: 'An administrator sets the units in charge under Users.',
    preview: 'Choose a unit to preview what its leader sees.',
    noTasks: 'No open tasks in the units in your charge.',
  },
};
