import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExtensionRequest } from '../../api/extensions.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { ExtensionActions } from './extension-actions.js';
import { ExtensionStatusTag } from './extension-status-tag.js';

type Step = ExtensionRequest['steps'][number]['step'];

const STEP_COLORS: Record<Step, string> = {
  requested: 'blue',
  forwarded: 'cyan',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

/** Every step of the request, newest first: when, who, what, and the comment given. */
function ExtensionSteps({ steps }: { steps: ExtensionRequest['steps'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: 0 }}
      items={[...steps].reverse().map((step, index) => ({
        key: index,
        color: STEP_COLORS[step.step],
        content: (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(step.at, locale)}
            </Typography.Text>
            <Typography.Text>
              <Typography.Text strong>{step.actor?.displayName ?? t('tasks.history.system')}</Typography.Text>{' '}
              {t(`extensions.steps.${step.step}`)}
            </Typography.Text>
            {step.step !== 'requested' && step.comment && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {t('extensions.item.commentText', { comment: step.comment })}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
  );
}

function Labelled({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Typography.Paragraph>
    </div>
  );
}

/** One extension request: the dates, why, how far the work got, every decision, and my buttons. */
export function ExtensionRequestCard({
  taskId,
  request,
  onStale,
}: {
  taskId: number;
  request: ExtensionRequest;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card size="small" aria-label={t('extensions.item.proposed', { to: formatDay(request.proposedDeadline, locale) })}>
      <Flex vertical gap={10}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Flex align="center" gap={8} wrap>
              <ExtensionStatusTag status={request.status} />
              {request.filedLate && (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t('extensions.item.filedLate')}
                </Tag>
              )}
              <Typography.Text strong>
                {t('extensions.item.proposed', { to: formatDay(request.proposedDeadline, locale) })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('extensions.item.from', { from: formatDay(request.deadlineAtRequest, locale) })}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {[
                request.unit.name,
                t('extensions.item.requestedBy', {
                  name: request.requestedBy?.displayName ?? t('tasks.history.system'),
                  time: formatDateTime(request.createdAt, locale),
                }),
                t('extensions.item.progress', { progress: request.progress }),
              ].join(' · ')}
            </Typography.Text>
          </Flex>
          <ExtensionActions taskId={taskId} request={request} onStale={onStale} />
        </Flex>
        <Labelled label={t('extensions.item.reason')} text={request.reason} />
        {request.progressNote && <Labelled label={t('extensions.item.progressNote')} text={request.progressNote} />}
        {request.steps.length > 1 && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('extensions.item.steps')}
            </Typography.Text>
            <ExtensionSteps steps={request.steps} />
          </div>
        )}
      </Flex>
    </Card>
  );
}
