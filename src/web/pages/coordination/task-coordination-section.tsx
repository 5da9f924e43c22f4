import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import { LoadError } from '../../components/load-error.js';
import { PlanSection } from '../plans/plan-view-parts.js';
import { CoordinationChainCard } from './coordination-chain-card.js';
import { CoordinationRequestModal } from './coordination-request-modal.js';
import { useTaskCoordination } from './use-coordination.js';

/**
 * 需协调事项 on the supervision tab: each request with the chain it started (passed on, re-sent,
 * escalated, decided), its bounce count, and the buttons of whichever side the caller is on.
 */
export function TaskCoordinationSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const query = useTaskCoordination(task.id);
  const [isAsking, setIsAsking] = useState(false);
  const view = query.data;
  const fromUnit = view?.requestUnits[0];
  return (
    <PlanSection
      title={t('coordination.title')}
      extra={
        view?.canRequest &&
        fromUnit && (
          <Button icon={<PlusOutlined />} onClick={() => setIsAsking(true)}>
            {t('coordination.ask')}
          </Button>
        )
      }
    >
      {query.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {view && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('coordination.rule', { limit: view.bounceLimit })}
          </Typography.Text>
          {view.chains.map((chain) => (
            <CoordinationChainCard key={chain.rootId} chain={chain} bounceLimit={view.bounceLimit} />
          ))}
          {view.chains.length === 0 && <Typography.Text type="secondary">{t('coordination.empty')}</Typography.Text>}
        </Flex>
      )}
      {isAsking && fromUnit && (
        <CoordinationRequestModal taskId={task.id} fromUnit={fromUnit} onClose={() => setIsAsking(false)} />
      )}
    </PlanSection>
  );
}
