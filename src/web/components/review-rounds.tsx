import { Empty, Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.js';
import { formatDateTime } from '../lib/format.js';

/** One step of a review (plan, report, closure): who did what when, and why when returned. */
export interface ReviewRoundView {
  id: number;
  at: string;
  actor: { displayName: string } | null;
  action: string;
  reason: string | null;
}

const ROUND_COLORS: Partial<Record<string, string>> = {
  submit: 'blue',
  approve: 'cyan',
  accept: 'green',
  confirm: 'green',
  return: 'red',
  revise: 'purple',
};

interface ReviewRoundsProps {
  rounds: readonly ReviewRoundView[];
  /** The action in words ("审核同意"). */
  actionLabel: (action: string) => string;
  /** Something more per round (e.g. which plan version it was). */
  extra?: (round: ReviewRoundView) => ReactNode;
  emptyText: string;
}

/** Every round of a review, newest first, as a timeline. */
export function ReviewRounds({ rounds, actionLabel, extra, emptyText }: ReviewRoundsProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (rounds.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const ordered = [...rounds].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={ordered.map((round) => ({
        key: round.id,
        color: ROUND_COLORS[round.action] ?? 'gray',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(round.at, locale)}
              {extra ? <> · {extra(round)}</> : null}
            </Typography.Text>
            <Typography.Text>
              <Typography.Text strong>{round.actor?.displayName ?? t('tasks.history.system')}</Typography.Text>{' '}
              {actionLabel(round.action)}
            </Typography.Text>
            {round.reason && (
              <Typography.Paragraph
                type="secondary"
                style={{
                  margin: 0,
                  whiteSpace: 'pre-wrap',
                  overflowWrap: 'anywhere',
                  borderInlineStart: '3px solid #ffccc7',
                  paddingInlineStart: 8,
                }}
              >
                {t('tasks.history.reason', { reason: round.reason })}
              </Typography.Paragraph>
            )}
          </Flex>
        ),
      }))}
    />
  );
}
