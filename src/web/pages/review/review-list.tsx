import { Tag, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskOutcome } from '../../../shared/assessment-api.js';
import type { ReviewItem, ReviewReason } from '../../api/review.api.js';
import { currentLocale } from '../../i18n/index.js';
import { outcomeOf } from './review-draft.js';

/** Outcome colours, the same in the list, the card and the chart's legend. */
export const OUTCOME_COLOURS: Record<TaskOutcome, string> = {
  done_on_time: 'green',
  done_late: 'orange',
  not_done: 'red',
};

interface ReviewListProps {
  items: ReviewItem[];
  current: number;
  reasons: ReviewReason[];
  /** Rows with unsaved edits. */
  dirty: ReadonlySet<number>;
  onSelect: (index: number) => void;
}

/**
 * The dense list of the worksheet: one line per task, the current one highlighted and kept in view
 * as the keyboard moves it. A plain table (no virtualisation): a few hundred lines render quickly
 * and stay searchable with the browser's find.
 */
export function ReviewList({ items, current, reasons, dirty, onSelect }: ReviewListProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const locale = currentLocale();
  const currentRow = useRef<HTMLTableRowElement>(null);
  const labelOf = new Map(reasons.map((r) => [r.code, r.labels[locale]]));

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the current row changes
  useEffect(() => {
    currentRow.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  // One line per task: long titles, unit names and reasons are cut (the full text is the tooltip).
  const cell = {
    padding: '4px 8px',
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  } as const;
  return (
    <table
      style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13, tableLayout: 'fixed' }}
      aria-label={t('review.nav')}
    >
      <colgroup>
        <col style={{ width: 92 }} />
        <col />
        <col style={{ width: '21%' }} />
        <col style={{ width: 112 }} />
        <col style={{ width: '19%' }} />
      </colgroup>
      <thead style={{ position: 'sticky', top: 0, background: token.colorBgContainer, zIndex: 1 }}>
        <tr style={{ textAlign: 'left' }}>
          <th style={cell}>{t('review.columns.number')}</th>
          <th style={cell}>{t('review.columns.task')}</th>
          <th style={cell}>{t('review.columns.unit')}</th>
          <th style={cell}>{t('review.columns.outcome')}</th>
          <th style={cell}>{t('review.columns.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => {
          const isCurrent = index === current;
          const outcome = outcomeOf(item);
          return (
            <tr
              key={item.taskId}
              ref={isCurrent ? currentRow : undefined}
              aria-selected={isCurrent}
              data-testid={`review-row-${item.taskId}`}
              onClick={() => onSelect(index)}
              style={{
                cursor: 'pointer',
                background: isCurrent ? token.colorPrimaryBg : undefined,
                boxShadow: isCurrent ? `inset 3px 0 0 ${token.colorPrimary}` : undefined,
              }}
            >
              <td style={{ ...cell, color: token.colorTextSecondary }}>{item.taskNumber}</td>
              <td style={cell} title={item.taskTitle}>
                {dirty.has(item.taskId) && <span style={{ color: token.colorWarning }}>● </span>}
                {item.taskTitle}
              </td>
              <td style={{ ...cell, color: token.colorTextSecondary }} title={item.leadUnit?.name}>
                {item.leadUnit?.name ?? '—'}
              </td>
              <td style={cell}>
                <Tag color={OUTCOME_COLOURS[outcome]} variant={item.review ? 'solid' : 'outlined'}>
                  {t(`review.outcomes.${outcome}`)}
                </Tag>
              </td>
              <td style={{ ...cell, color: item.review ? undefined : token.colorTextTertiary }}>
                {item.review
                  ? item.review.reasonCode
                    ? (labelOf.get(item.review.reasonCode) ?? item.review.reasonCode)
                    : item.review.exemplaryCandidate
                      ? `★ ${t('review.exemplary')}`
                      : '✓'
                  : t('review.notReviewed')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
