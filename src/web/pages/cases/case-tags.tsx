import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdoptionCounts, AdoptionStatus, CaseKind, CaseStatus } from '../../../shared/cases-api.js';

const KIND_COLORS: Record<CaseKind, string> = { exemplary: 'gold', negative: 'volcano' };
const STATUS_COLORS: Record<CaseStatus, string> = { draft: 'default', published: 'blue', archived: 'default' };
const ADOPTION_COLORS: Record<AdoptionStatus, string> = {
  pending: 'default',
  planned: 'processing',
  adopted: 'success',
  not_applicable: 'warning',
};

export function CaseKindTag({ kind }: { kind: CaseKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`cases.kinds.${kind}`)}
    </Tag>
  );
}

/** Only drafts and archived cases say so; "published" is the normal state. */
export function CaseStatusTag({ status, always }: { status: CaseStatus; always?: boolean }) {
  const { t } = useTranslation();
  if (status === 'published' && !always) return null;
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`cases.statuses.${status}`)}
    </Tag>
  );
}

export function SpreadTag() {
  const { t } = useTranslation();
  return (
    <Tag color="green" style={{ marginInlineEnd: 0 }}>
      {t('cases.toSpreadTag')}
    </Tag>
  );
}

export function AdoptionStatusTag({ status }: { status: AdoptionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ADOPTION_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`cases.adoptionStatuses.${status}`)}
    </Tag>
  );
}

/** "12/30 adopted" with a thin bar: how far a practice has spread. */
export function AdoptionProgress({ counts }: { counts: AdoptionCounts }) {
  const { t } = useTranslation();
  if (counts.total === 0) return null;
  const label = t('cases.progress', { adopted: counts.adopted, total: counts.total });
  return (
    <div style={{ minWidth: 140, maxWidth: 260 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Progress
        percent={Math.round((counts.adopted / counts.total) * 100)}
        success={{ percent: Math.round((counts.adopted / counts.total) * 100) }}
        showInfo={false}
        size="small"
        aria-label={label}
      />
    </div>
  );
}
