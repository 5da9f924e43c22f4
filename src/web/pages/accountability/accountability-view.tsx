import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccountabilityEvidence, AccountabilityStatus } from '../../../shared/accountability-api.js';
import { isTimelineAction, timelineActionKey } from '../timeline/timeline-events.js';

// Small pieces the accountability screens share: the status tag and how a piece of evidence is
// named and where it links to (the task's timeline, the notice, the task's reports, its
// supervision tab, its files).

const STATUS_COLORS: Record<AccountabilityStatus, string> = {
  proposed: 'default',
  open: 'orange',
  responded: 'blue',
  decided: 'red',
  dismissed: 'default',
};

/** The record's status as a coloured tag. */
export function AccountabilityStatusTag({ status }: { status: AccountabilityStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`accountability.status.${status}`)}
    </Tag>
  );
}

/** What a piece of evidence is called, in the reader's language. */
export function evidenceLabel(evidence: AccountabilityEvidence, t: TFunction): string {
  const type = t(`accountability.refType.${evidence.refType}`);
  const { label } = evidence;
  if (evidence.refType === 'event' && isTimelineAction(label)) {
    return `${type} · ${t(`timeline.actions.${timelineActionKey(label)}`)}`;
  }
  if (evidence.refType === 'action') return `${type} · ${t(`accountability.actionKind.${label}`, label)}`;
  return label ? `${type} · ${label}` : `${type} #${evidence.refId}`;
}

/** Where a piece of evidence is shown in the app, or null when its target is gone. */
export function evidenceHref(evidence: AccountabilityEvidence): string | null {
  if (evidence.taskId === null) return null;
  switch (evidence.refType) {
    case 'notice':
      return `/notices?id=${evidence.refId}`;
    case 'event':
      return `/tasks/${evidence.taskId}?tab=history`;
    case 'report':
      return `/tasks/${evidence.taskId}?tab=reports`;
    case 'action':
      return `/tasks/${evidence.taskId}?tab=supervision`;
    case 'file':
      return `/tasks/${evidence.taskId}?tab=files`;
  }
}
