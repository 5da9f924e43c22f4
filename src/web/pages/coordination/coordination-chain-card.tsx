import { ArrowDownOutlined } from '@ant-design/icons';
import { Card, Collapse, Flex, Timeline, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationStep } from '../../../shared/coordination-api.js';
import type { CoordinationChain } from '../../api/coordination.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime, formatShortDateTime } from '../../lib/format.js';
import { CoordinationRequestItem } from './coordination-request-item.js';
import { BounceBadge } from './coordination-tags.js';

/** Each step's colour on the timeline. */
const STEP_COLORS: Record<CoordinationStep, string> = {
  requested: 'blue',
  accepted: 'cyan',
  declined: 'orange',
  passed_on: 'orange',
  escalated: 'red',
  fulfilled: 'green',
  withdrawn: 'gray',
  resent: 'blue',
  resolved: 'purple',
};

/** Every step of the chain, oldest first: when, who, what, and why. */
function ChainHistory({ chain }: { chain: CoordinationChain }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={chain.history.map((step, index) => ({
        key: index,
        color: STEP_COLORS[step.step],
        content: (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(step.at, locale)}
            </Typography.Text>
            <Typography.Text>
              <Typography.Text strong>{step.actor?.displayName ?? t('tasks.history.system')}</Typography.Text>{' '}
              {t(`coordination.steps.${step.step}`)}
            </Typography.Text>
            {step.reason && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {step.reason}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
  );
}

/**
 * One chain of requests on a task: the matter, the bounce count (推诿扯皮 indicator), each request
 * from the first to the latest (passed on, re-sent, decided), and every step taken.
 */
export function CoordinationChainCard({ chain, bounceLimit }: { chain: CoordinationChain; bounceLimit: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const first = chain.requests[0];
  if (!first) return null;
  return (
    <Card size="small" aria-label={first.matter} data-testid="coordination-chain">
      <Flex vertical gap={10}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('coordination.item.matter')} ·{' '}
              {t('coordination.item.askedBy', {
                name: first.createdBy?.displayName ?? first.fromUnit.name,
                time: formatShortDateTime(first.createdAt, locale),
              })}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {first.matter}
            </Typography.Paragraph>
          </Flex>
          <BounceBadge count={chain.bounceCount} limit={bounceLimit} />
        </Flex>
        {chain.requests.map((request, index) => (
          <Fragment key={request.id}>
            {index > 0 && (
              <ArrowDownOutlined aria-hidden style={{ color: 'var(--ant-color-text-tertiary)', alignSelf: 'center' }} />
            )}
            <CoordinationRequestItem request={request} />
          </Fragment>
        ))}
        {chain.history.length > 0 && (
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'steps',
                label: t('coordination.item.steps', { count: chain.history.length }),
                children: <ChainHistory chain={chain} />,
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
