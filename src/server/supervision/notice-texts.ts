import type { Locale } from '../../shared/locales.js';
import { formatDocDate } from '../documents/official-document.js';

// The default words of a supervision notice in the organisation's language: the matter and the
// requirements generated from its task, in the official wording a supervision office writes.

/** What a default notice says about its task. */
export interface NoticeFacts {
  title: string;
  number: string;
  deadline: string | null;
  progress: number;
  /** Working days past the deadline today (0 when not overdue). */
  overdueWorkingDays: number;
  responseDue: string;
}

const percent = (progress: number) => `${Math.round(progress)}%`;

/** The default 督办事项 and 督办要求 of a notice on a task. */
export function defaultNoticeTexts(facts: NoticeFacts, locale: Locale): { matter: string; requirements: string } {
  const deadline = facts.deadline ? formatDocDate(facts.deadline, locale) : null;
  const due = formatDocDate(facts.responseDue, locale);
  const late = facts.overdueWorkingDays > 0;
  const p = percent(facts.progress);
  if (locale === 'en') {
    const state = !deadline
      ? `has no deadline set; progress stands at ${p}`
      : late
        ? `was due on ${deadline} and is ${facts.overdueWorkingDays} working day(s) overdue; progress stands at ${p} and it has not been closed`
        : `is due on ${deadline}; progress stands at ${p} and needs to speed up`;
    return {
      matter: `"${facts.title}" (task ${facts.number}) ${state}.`,
      requirements: late
        ? `Please give this matter priority, establish why it is late and take effective measures to complete it. By ${due}, report in writing the reasons for the delay, the corrective measures and the date by which it will be completed.`
        : `Please give this matter priority and speed up the work so that it is completed on time and to standard. By ${due}, report in writing on its implementation, the problems met and the next steps.`,
    };
  }
  const tw = locale === 'zh-TW';
  const quoted = tw ? `「${facts.title}」` : `“${facts.title}”`;
  const numberPart = tw ? `（事項編號${facts.number}）` : `（事项编号${facts.number}）`;
  let state: string;
  if (!deadline) state = tw ? `尚未明確完成時限，目前完成進度為${p}` : `尚未明确完成时限，当前完成进度为${p}`;
  else if (late) {
    state = tw
      ? `完成時限為${deadline}，現已逾期${facts.overdueWorkingDays}個工作日，目前完成進度為${p}，尚未辦結`
      : `完成时限为${deadline}，现已逾期${facts.overdueWorkingDays}个工作日，当前完成进度为${p}，尚未办结`;
  } else {
    state = tw
      ? `完成時限為${deadline}，目前完成進度為${p}，需加快推進`
      : `完成时限为${deadline}，当前完成进度为${p}，需加快推进`;
  }
  const requirements = late
    ? tw
      ? `請你單位高度重視，認真分析逾期原因，切實採取有效措施加快推進，並於${due}前將逾期原因、整改措施和完成時限書面報告督查部門。`
      : `请你单位高度重视，认真分析逾期原因，切实采取有效措施加快推进，并于${due}前将逾期原因、整改措施和完成时限书面报告督查部门。`
    : tw
      ? `請你單位高度重視，切實加快工作進度，確保按期保質完成，並於${due}前將落實情況、存在問題和下一步措施書面報告督查部門。`
      : `请你单位高度重视，切实加快工作进度，确保按期保质完成，并于${due}前将落实情况、存在问题和下一步措施书面报告督查部门。`;
  return { matter: `${quoted}${numberPart}${state}。`, requirements };
}
