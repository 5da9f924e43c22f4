import { CalculatorOutlined, DeleteOutlined, EditOutlined, LockOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { type PeriodView, TASK_OUTCOMES } from '../../../shared/assessment-api.js';
import { useAssessmentMutations } from '../../api/assessment.api.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { errorMessage } from '../../lib/error-message.js';
import { formatDateTime } from '../../lib/format.js';
import { formatPeriodDates, isComputed } from './assessment-format.js';
import { PeriodStatusTag } from './period-status-tag.js';

export type PeriodDialog = 'edit' | 'scheme';

/** What the period covers, in words ("all tasks", "3 sources · key tasks only"). */
function SelectionSummary({ period }: { period: PeriodView }) {
  const { t } = useTranslation();
  const { selection } = period;
  const parts: string[] = [];
  if (selection.handPickedOnly) {
    parts.push(t('assessment.selection.handPickedOnly', { count: selection.taskIds.length }));
  } else {
    if (selection.sourceIds.length)
      parts.push(t('assessment.selection.sources', { count: selection.sourceIds.length }));
    if (selection.tags.length) parts.push(t('assessment.selection.tags', { tags: selection.tags.join('、') }));
    if (selection.keyOnly) parts.push(t('assessment.selection.keyOnly'));
    if (selection.taskIds.length) parts.push(t('assessment.selection.tasks', { count: selection.taskIds.length }));
  }
  if (parts.length === 0) parts.push(t('assessment.selection.all'));
  if (selection.includeOpenRectifications) parts.push(t('assessment.selection.rectifications'));
  return <Typography.Text type="secondary">{parts.join(' · ')}</Typography.Text>;
}

/** Status, dates, task counts by outcome and when the scores were computed or frozen. */
function PeriodFacts({ period }: { period: PeriodView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Flex vertical gap={6} style={{ marginTop: -8, marginBottom: 16 }}>
      <Flex gap={8} wrap align="center">
        <PeriodStatusTag status={period.status} />
        <Typography.Text>{formatPeriodDates(period)}</Typography.Text>
        <Typography.Text type="secondary">
          {t('assessment.period.taskCount', { count: period.taskCount })}
        </Typography.Text>
        {isComputed(period) &&
          TASK_OUTCOMES.map((outcome) => (
            <Tag key={outcome} style={{ marginInlineEnd: 0 }}>
              {t(`assessment.outcomes.${outcome}`)} {period.outcomes[outcome] ?? 0}
            </Tag>
          ))}
      </Flex>
      <SelectionSummary period={period} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {period.frozenAt
          ? t('assessment.period.frozenBy', {
              name: period.frozenByName ?? '—',
              time: formatDateTime(period.frozenAt, locale),
            })
          : period.computedAt
            ? t('assessment.period.computedAt', { time: formatDateTime(period.computedAt, locale) })
            : t('assessment.period.notComputed')}
        {period.computedHash && (
          <Tooltip title={`${t('assessment.period.hash')}: ${period.computedHash}`}>
            <Typography.Text code style={{ fontSize: 11, marginInlineStart: 8 }}>
              {period.computedHash.slice(0, 12)}
            </Typography.Text>
          </Tooltip>
        )}
      </Typography.Text>
    </Flex>
  );
}

/**
 * The period's title, facts and actions. The supervision office computes, edits (while draft) and
 * freezes; everyone who may see the period opens the item review.
 */
export function PeriodHeader({
  period,
  canManage,
  onOpen,
}: {
  period: PeriodView;
  canManage: boolean;
  onOpen: (dialog: PeriodDialog) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { compute, freeze, remove } = useAssessmentMutations();
  const isDraft = period.status === 'draft';
  const showError = (error: unknown) => void message.error(errorMessage(error, t));

  const handleCompute = () =>
    compute.mutate(period.id, {
      onSuccess: (computed) => void message.success(t('assessment.period.computed', { count: computed.taskCount })),
      onError: showError,
    });

  const handleFreeze = () =>
    modal.confirm({
      title: t('assessment.actions.freezeTitle', { name: period.name }),
      content: t('assessment.actions.freezeContent'),
      okText: t('assessment.actions.freeze'),
      cancelText: t('common.cancel'),
      onOk: () =>
        freeze
          .mutateAsync({ id: period.id, version: period.version })
          .then(() => void message.success(t('assessment.actions.frozen')), showError),
    });

  const handleDelete = () =>
    modal.confirm({
      title: t('assessment.actions.deleteTitle', { name: period.name }),
      content: t('assessment.actions.deleteContent'),
      okText: t('assessment.actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(period.id).then(() => {
          void message.success(t('assessment.actions.deleted'));
          navigate('/assessment', { replace: true });
        }, showError),
    });

  const actions = (
    <>
      {/* A real link (opens in a new tab too), followed inside the app without a reload. */}
      <Button
        href={`/assessment/${period.id}/review`}
        onClick={(event) => {
          event.preventDefault();
          navigate(`/assessment/${period.id}/review`);
        }}
      >
        {t('assessment.actions.review')}
      </Button>
      <Button icon={<SettingOutlined />} onClick={() => onOpen('scheme')}>
        {canManage && isDraft ? t('assessment.actions.editScheme') : t('assessment.scheme.title')}
      </Button>
      {canManage && isDraft && (
        <>
          <Button icon={<EditOutlined />} onClick={() => onOpen('edit')}>
            {t('assessment.actions.edit')}
          </Button>
          <Button icon={<DeleteOutlined />} danger onClick={handleDelete} aria-label={t('assessment.actions.delete')} />
        </>
      )}
      {canManage && (
        <Button icon={<CalculatorOutlined />} onClick={handleCompute} loading={compute.isPending} disabled={!isDraft}>
          {isComputed(period) ? t('assessment.actions.recompute') : t('assessment.actions.compute')}
        </Button>
      )}
      {canManage && isDraft && (
        <Tooltip title={isComputed(period) ? undefined : t('assessment.actions.computeFirst')}>
          <Button type="primary" icon={<LockOutlined />} onClick={handleFreeze} disabled={!isComputed(period)}>
            {t('assessment.actions.freeze')}
          </Button>
        </Tooltip>
      )}
    </>
  );

  return (
    <>
      <Link to="/assessment" style={{ display: 'inline-block', marginBottom: 8 }}>
        ← {t('assessment.period.back')}
      </Link>
      <PageHeader title={period.name} extra={actions} />
      <PeriodFacts period={period} />
    </>
  );
}
