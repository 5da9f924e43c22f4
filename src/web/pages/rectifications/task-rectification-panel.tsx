import { AuditOutlined } from '@ant-design/icons';
import { Card, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.js';
import type { Rectification } from '../../api/rectifications.api.js';
import { LoadError } from '../../components/load-error.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { OriginLink } from './rectification-card.js';
import { useRectification } from './rectifications.queries.js';

// The rectification's own facts on its task page (整改信息): where the finding came from, what it
// is and what is to be done, and where sign-off (销号) stands. The task page shows everything a
// task has; this card adds what only a rectification has, so its owner unit sees it where it works.

type SignOff = 'awaiting' | 'requested' | 'signed_off' | 'cancelled';

const SIGN_OFF_COLORS: Record<SignOff, string> = {
  awaiting: 'processing',
  requested: 'purple',
  signed_off: 'success',
  cancelled: 'default',
};

/** 待销号 until the unit applies to close, then awaiting the office; 已销号 once accepted. */
function signOffOf(item: Rectification): SignOff {
  if (item.state !== 'open') return item.state;
  return item.taskStatus === 'closure_requested' ? 'requested' : 'awaiting';
}

/** A label over its value, wrapping anywhere to fit 375 px; `inRow`: one of a row that wraps. */
function Field({ label, inRow, children }: { label: string; inRow?: boolean; children: ReactNode }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0, flex: inRow ? '1 1 220px' : undefined }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{children}</div>
    </Flex>
  );
}

/** Where sign-off stands, who signed off and when, with the office's comment. */
function SignOffState({ item }: { item: Rectification }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const state = signOffOf(item);
  return (
    <Flex vertical gap={4}>
      <Flex gap={6} align="center" wrap>
        <Tag color={SIGN_OFF_COLORS[state]} style={{ marginInlineEnd: 0 }}>
          {t(`rectifications.panel.signOff.${state}`)}
        </Tag>
        {item.state === 'signed_off' && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('rectifications.signedOff', {
              date: formatShortDateTime(item.signedOffAt, locale),
              name: item.signedOffBy?.displayName ?? '—',
            })}
          </Typography.Text>
        )}
      </Flex>
      {item.signOffComment && (
        <Typography.Text style={{ fontSize: 13 }}>
          {t('rectifications.panel.comment')}
          {locale === 'en' ? ': ' : '：'}
          {item.signOffComment}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 整改信息 on a task of kind `rectification` (nothing when the caller may not read the item). */
export function TaskRectificationPanel({ taskId }: { taskId: number }) {
  const { t } = useTranslation();
  const query = useRectification(taskId);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (query.isError) {
    if (isApiError(query.error, 'not_found') || isApiError(query.error, 'forbidden')) return null;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const item = query.data;
  return (
    <Card
      size="small"
      data-testid="task-rectification-panel"
      title={
        <Flex gap={8} align="center">
          <AuditOutlined />
          {t('rectifications.panel.title')}
        </Flex>
      }
      extra={
        item.carriedOver && (
          <Tooltip title={t('rectifications.carriedOverHelp')}>
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('rectifications.carriedOver')}
            </Tag>
          </Tooltip>
        )
      }
    >
      <Flex vertical gap={12}>
        <Flex wrap gap={12}>
          <Field inRow label={t('rectifications.fields.origin')}>
            <OriginLink item={item} />
          </Field>
          {item.period && (
            <Field inRow label={t('rectifications.fields.period')}>
              {item.period.name}
            </Field>
          )}
          <Field inRow label={t('rectifications.fields.signOff')}>
            <SignOffState item={item} />
          </Field>
        </Flex>
        <Field label={t('rectifications.fields.finding')}>{item.finding}</Field>
        <Field label={t('rectifications.fields.measures')}>{item.measures}</Field>
        {item.state === 'open' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rectifications.panel.closeHint')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
