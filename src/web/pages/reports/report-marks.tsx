import { ClockCircleOutlined, CopyOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DUPLICATE_SIMILARITY } from '../../../shared/reports-api.js';

/** 逾期 N 个工作日未报: the period's lead report is due and not submitted. */
export function MissingMark({ workingDays }: { workingDays: number }) {
  const { t } = useTranslation();
  return (
    <Tag color="error" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('reports.marks.missing', { count: workingDays })}
    </Tag>
  );
}

/** 逾期 N 个工作日报送: submitted, but after the due date. */
export function LateMark({ workingDays }: { workingDays: number }) {
  const { t } = useTranslation();
  return (
    <Tag color="warning" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('reports.marks.late', { count: workingDays })}
    </Tag>
  );
}

/** A similarity as people read it: 0.9234 → "92%". */
export function similarityPercent(similarity: number): number {
  return Math.floor(similarity * 100);
}

/**
 * 重复/雷同 92%: the report's text is at least as similar as the threshold to another report,
 * with a link to see both side by side.
 */
export function DuplicateFlag({
  reportId,
  similarity,
  similarReportId,
}: {
  reportId: number;
  similarity: number;
  similarReportId: number | null;
}) {
  const { t } = useTranslation();
  const label = t('reports.marks.duplicate', { percent: similarityPercent(similarity) });
  const tag = (
    <Tag color="magenta" icon={<CopyOutlined />} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
  return (
    <Tooltip title={t('reports.marks.duplicateHelp', { threshold: similarityPercent(DUPLICATE_SIMILARITY) })}>
      {similarReportId ? (
        <Link to={`/reports/${reportId}/compare/${similarReportId}`} aria-label={t('reports.compare.open', { label })}>
          {tag}
        </Link>
      ) : (
        tag
      )}
    </Tooltip>
  );
}
