import type { Locale } from '../../shared/locales.js';

// The note tab of the 任务分解表 template: how to fill it in, in each language, so the person who
// receives the file from the supervision office needs no other instructions.

/** The note tab's name per language. */
export const NOTE_SHEET_NAMES: Record<Locale, string> = {
  'zh-CN': '填写说明',
  'zh-TW': '填寫說明',
  en: 'How to fill in',
};

/** The note tab's lines, one a row; the first is its title. */
export const NOTE_LINES: Record<Locale, readonly string[]> = {
  'zh-CN': [
    '任务分解表填写说明',
    '1. 在第一个工作表“任务分解表”中逐行填写，一行一项任务；不要修改或删除表头行。',
    '2. 序号表示层级：1、2、3 为一级任务；1.1、1.2 为任务 1 的下级任务；1.2.1 为任务 1.2 的下级任务。每个序号只能出现一次，下级任务的上级序号必须存在（1.2 需要有 1）。',
    '3. 任务：必填，任务的标题，不超过 200 字。',
    '4. 牵头单位、配合单位：填写单位全称、简称或别名，须与系统中的单位一致。多个配合单位用顿号“、”分隔，例如：市财政局、市商务局。牵头单位只填一个；若填了多个，第一个为牵头单位，其余作为配合单位。',
    '5. 责任领导：填写系统中具有领导角色的人员姓名。',
    '6. 完成时限：可填 2026-06-30、2026年6月30日、2026年6月底前、2026年底前，或 Excel 日期格式。下级任务的时限不能晚于上级任务。',
    '7. 下级任务的牵头单位、配合单位、责任领导、完成时限留空时，沿用上级任务的填写。',
    '8. 备注：作为任务说明导入。',
    '9. 导入时逐行检查，任何一行有误则整表不导入，并列出出错的行、列和原因；改正后重新导入即可。',
    '10. 更新：导入到同一来源时，按序号更新之前导入的任务，新增的序号新建任务，表中已删去的序号保留原任务不动。',
    '示例：',
    '序号 1 ｜ 加快推进重大项目建设 ｜ 市发改委 ｜ 市财政局、市自然资源局 ｜ 王副市长 ｜ 2026年12月底前',
    '序号 1.1 ｜ 建立重大项目月度调度机制 ｜ 市发改委 ｜ ｜ ｜ 2026-06-30',
    '序号 1.2 ｜ 保障重大项目用地指标 ｜ 市自然资源局 ｜ ｜ ｜ 2026年9月30日',
  ],
  'zh-TW': [
    '任務分解表填寫說明',
    '1. 在第一個工作表「任務分解表」中逐行填寫，一行一項任務；不要修改或刪除表頭行。',
    '2. 序號表示層級：1、2、3 為一級任務；1.1、1.2 為任務 1 的下級任務；1.2.1 為任務 1.2 的下級任務。每個序號只能出現一次，下級任務的上級序號必須存在（1.2 需要有 1）。',
    '3. 任務：必填，任務的標題，不超過 200 字。',
    '4. 牽頭單位、配合單位：填寫單位全稱、簡稱或別名，須與系統中的單位一致。多個配合單位用頓號「、」分隔，例如：市財政局、市商務局。牽頭單位只填一個；若填了多個，第一個為牽頭單位，其餘作為配合單位。',
    '5. 責任領導：填寫系統中具有領導角色的人員姓名。',
    '6. 完成時限：可填 2026-06-30、2026年6月30日、2026年6月底前、2026年底前，或 Excel 日期格式。下級任務的時限不能晚於上級任務。',
    '7. 下級任務的牽頭單位、配合單位、責任領導、完成時限留空時，沿用上級任務的填寫。',
    '8. 備註：作為任務說明匯入。',
    '9. 匯入時逐行檢查，任何一行有誤則整表不匯入，並列出出錯的行、欄和原因；改正後重新匯入即可。',
    '10. 更新：匯入到同一來源時，按序號更新之前匯入的任務，新增的序號新建任務，表中已刪去的序號保留原任務不動。',
    '範例：',
    '序號 1 ｜ 加快推進重大項目建設 ｜ 市發改委 ｜ 市財政局、市自然資源局 ｜ 王副市長 ｜ 2026年12月底前',
    '序號 1.1 ｜ 建立重大項目月度調度機制 ｜ 市發改委 ｜ ｜ ｜ 2026-06-30',
    '序號 1.2 ｜ 保障重大項目用地指標 ｜ 市自然資源局 ｜ ｜ ｜ 2026年9月30日',
  ],
  en: [
    'How to fill in the task breakdown sheet (任务分解表)',
    '1. Fill in the first tab, "Tasks", one task a row; keep the header row as it is.',
    '2. No. gives the hierarchy: 1, 2, 3 are top-level tasks; 1.1 and 1.2 are subtasks of task 1; 1.2.1 is a subtask of 1.2. Each number appears once, and a subtask needs its parent (1.2 needs 1).',
    '3. Task: required, the task title, at most 200 characters.',
    '4. Lead unit, Cooperating units: the unit\u2019s full name, short name or alias as the system knows it. Separate several cooperating units with 、 (for example 市财政局、市商务局). Give one lead unit; if you list several, the first leads and the others cooperate.',
    '5. Responsible leader: the name of a person with the leader role in the system.',
    '6. Deadline: 2026-06-30, 2026年6月30日, 2026年6月底前 (end of June), 2026年底前 (end of the year), or an Excel date.  A subtask\u2019s deadline may not be later than its parent\u2019s.',
    '7. A subtask with an empty lead unit, cooperating units, leader or deadline takes its parent\u2019s.',
    '8. Remarks: imported as the task\u2019s description.',
    '9. Every row is checked first: if any row is wrong, nothing is imported and the report lists each row, column and problem. Fix them and import again.',
    '10. Updating: importing into the same source updates the tasks earlier imports created (matched by No.), creates tasks for new numbers, and leaves tasks whose number is no longer in the sheet alone.',
    'Example:',
    'No. 1 | 加快推进重大项目建设 | 市发改委 | 市财政局、市自然资源局 | 王副市长 | 2026年12月底前',
    'No. 1.1 | 建立重大项目月度调度机制 | 市发改委 | | | 2026-06-30',
    'No. 1.2 | 保障重大项目用地指标 | 市自然资源局 | | | 2026年9月30日',
  ],
};
