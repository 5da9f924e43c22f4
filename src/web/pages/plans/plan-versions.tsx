import { SwapRightOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersionSummary } from '../../api/plans.api.js';
import { usePlanVersion, usePlanVersions } from '../../api/plans.queries.js';
import { LoadError } from '../../components/load-error.js';
import { ReviewRounds } from '../../components/review-rounds.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { PlanContentView } from './plan-content-view.js';
import { PlanDiffView } from './plan-diff-view.js';
import { usePlanActionLabel } from './plan-rounds-label.js';
import { PlanStatusTag } from './plan-status-tag.js';
import { PlanSection } from './plan-view-parts.js';

/** One old (or current) version, read-only, with its review rounds. */
function PlanVersionDrawer({
  taskId,
  versionNo,
  unitName,
  onClose,
}: {
  taskId: number;
  versionNo: number;
  unitName: (id: number) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const version = usePlanVersion(taskId, versionNo);
  const actionLabel = usePlanActionLabel();
  return (
    <Drawer open onClose={onClose} title={t('plans.versionNo', { n: versionNo })} size={isMobile ? '100%' : 760}>
      {version.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {version.isError && <LoadError error={version.error} onRetry={() => void version.refetch()} />}
      {version.data && (
        <Flex vertical gap={20}>
          <PlanStatusTag status={version.data.status} />
          <PlanContentView content={version.data.content} unitName={unitName} />
          <PlanSection title={t('plans.sections.rounds')}>
            <ReviewRounds rounds={version.data.rounds} actionLabel={actionLabel} emptyText={t('plans.rounds.empty')} />
          </PlanSection>
        </Flex>
      )}
    </Drawer>
  );
}

function VersionLine({ version, onOpen }: { version: PlanVersionSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={8}
      wrap
      style={{ paddingBlock: 8, borderBottom: '1px solid #f0f0f0' }}
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{t('plans.versionNo', { n: version.versionNo })}</Typography.Text>
          <PlanStatusTag status={version.status} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {version.decidedAt
            ? t('plans.versions.decidedAt', { time: formatDateTime(version.decidedAt, locale) })
            : version.submittedAt
              ? t('plans.versions.submittedAt', { time: formatDateTime(version.submittedAt, locale) })
              : t('plans.versions.createdAt', { time: formatDateTime(version.createdAt, locale) })}
        </Typography.Text>
      </Flex>
      <Button size="small" onClick={onOpen}>
        {t('plans.versions.view')}
      </Button>
    </Flex>
  );
}

/** 历史版本: every version of the plan, each readable, and what changed between any two. */
export function PlanVersions({ taskId, unitName }: { taskId: number; unitName: (id: number) => string }) {
  const { t } = useTranslation();
  const versions = usePlanVersions(taskId);
  const [open, setOpen] = useState<number | null>(null);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  if (versions.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (versions.isError) return <LoadError error={versions.error} onRetry={() => void versions.refetch()} />;
  const items = versions.data;
  const [newest, previous] = items;
  const compared = pair ?? (newest && previous ? { from: previous.versionNo, to: newest.versionNo } : null);
  const options = items.map((version) => ({
    value: version.versionNo,
    label: t('plans.versionNo', { n: version.versionNo }),
  }));
  return (
    <Flex vertical gap={12}>
      <ul aria-label={t('plans.sections.versions')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((version) => (
          <li key={version.id}>
            <VersionLine version={version} onOpen={() => setOpen(version.versionNo)} />
          </li>
        ))}
      </ul>
      {compared && (
        <Flex vertical gap={8}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text>{t('plans.versions.compare')}</Typography.Text>
            <Select
              value={compared.from}
              options={options}
              onChange={(from) => setPair({ ...compared, from })}
              aria-label={t('plans.versions.from')}
              style={{ minWidth: 110 }}
            />
            <SwapRightOutlined aria-hidden />
            <Select
              value={compared.to}
              options={options}
              onChange={(to) => setPair({ ...compared, to })}
              aria-label={t('plans.versions.to')}
              style={{ minWidth: 110 }}
            />
          </Flex>
          {compared.from === compared.to ? (
            <Typography.Text type="secondary">{t('plans.versions.sameVersion')}</Typography.Text>
          ) : (
            <PlanDiffView taskId={taskId} from={compared.from} to={compared.to} unitName={unitName} />
          )}
        </Flex>
      )}
      {open !== null && (
        <PlanVersionDrawer taskId={taskId} versionNo={open} unitName={unitName} onClose={() => setOpen(null)} />
      )}
    </Flex>
  );
}
