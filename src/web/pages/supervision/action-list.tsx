import { Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ladderTriggerText } from '../../../shared/health-terms.js';
import type { SupervisionAction } from '../../api/supervision.api.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';

const KIND_COLORS: Record<SupervisionAction['kind'], string> = {
  reminder: 'blue',
  urge: 'orange',
  notice: 'volcano',
  interview_proposal: 'red',
  accountability_proposal: 'magenta',
};

/** A ladder or supervisor action as a coloured tag. */
export function ActionKindTag({ kind }: { kind: SupervisionAction['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`supervision.kinds.${kind}`)}
    </Tag>
  );
}

/**
 * Actions, newest first: what was done (tag), by the ladder (with its reason) or by whom (with their
 * message), when, to how many people, and the task when the list spans tasks.
 */
export function ActionList({ actions, showTask }: { actions: SupervisionAction[]; showTask?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <List
      size="small"
      dataSource={actions}
      locale={{ emptyText: t('supervision.actions.none') }}
      renderItem={(action) => {
        const why =
          action.origin === 'ladder'
            ? `${t('supervision.actions.byLadder')}${action.trigger ? ladderTriggerText(action.trigger, action.workingDays ?? 0, locale) : ''}`
            : `${action.actor?.displayName ?? ''}${action.message ? `${locale === 'en' ? ': ' : '：'}${action.message}` : ''}`;
        return (
          <List.Item style={{ paddingInline: 0 }}>
            <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={8} align="center" wrap>
                <ActionKindTag kind={action.kind} />
                {showTask && (
                  <Link to={`/tasks/${action.task.id}?tab=supervision`} style={{ minWidth: 0, maxWidth: '100%' }}>
                    <Typography.Text ellipsis style={{ maxWidth: '100%', color: 'inherit' }}>
                      {action.task.number} {action.task.title}
                    </Typography.Text>
                  </Link>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
                  {formatShortDateTime(action.createdAt, locale)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                {why}
                {' · '}
                {t('supervision.actions.recipients', { count: action.recipientCount })}
                {action.noticeId !== null && (
                  <>
                    {' · '}
                    <Link to={`/notices?id=${action.noticeId}`}>{t('supervision.actions.openNotice')}</Link>
                  </>
                )}
              </Typography.Text>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
