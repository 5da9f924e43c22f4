import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoordinationRequest } from '../../api/coordination.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { CoordinationActions } from './coordination-actions.js';
import { CoordinationStatusTags } from './coordination-tags.js';

/** Who is asked: a unit, or a leader by name. */
export function useTargetName() {
  const { t } = useTranslation();
  return (request: CoordinationRequest) =>
    request.toUnit?.name ??
    (request.toLeader ? t('coordination.item.leader', { name: request.toLeader.displayName }) : '—');
}

/** A settling decision: the request a leader's decision closed (addressed to the decider, no unit). */
export function isDecision(request: CoordinationRequest): boolean {
  return (
    request.toUnit === null &&
    request.status === 'fulfilled' &&
    request.previousId !== null &&
    request.respondedBy?.id === request.toLeader?.id
  );
}

/** One request of a chain: from → to, its state and dates, the answer or decision, and my buttons. */
export function CoordinationRequestItem({ request }: { request: CoordinationRequest }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const targetName = useTargetName();
  const decision = isDecision(request);
  const dates = [
    request.status === 'open' ? t('coordination.item.due', { date: formatDay(request.dueDate, locale) }) : null,
    request.commitmentDate
      ? t('coordination.item.commitment', { date: formatDay(request.commitmentDate, locale) })
      : null,
    request.escalatedAt
      ? request.escalatedTo
        ? t('coordination.item.escalatedTo', { name: request.escalatedTo.displayName })
        : t('coordination.item.escalatedToOffice')
      : null,
  ].filter((text): text is string => text !== null);
  return (
    <Flex vertical gap={6} style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <CoordinationStatusTags request={request} />
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {decision
              ? t('coordination.item.decision')
              : t('coordination.item.route', { from: request.fromUnit.name, to: targetName(request) })}
          </Typography.Text>
        </Flex>
        <CoordinationActions request={request} />
      </Flex>
      {dates.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {dates.join(' · ')}
        </Typography.Text>
      )}
      {request.response && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {decision ? t('coordination.item.decision') : t('coordination.item.answer')}
            {request.respondedBy &&
              ` · ${t('coordination.item.answeredBy', {
                name: request.respondedBy.displayName,
                time: formatShortDateTime(request.respondedAt, locale),
              })}`}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {request.response}
          </Typography.Paragraph>
        </div>
      )}
    </Flex>
  );
}
