import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/task-api.js';
import type { InstructionTarget } from '../../api/instructions.api.js';
import { useTaskInstructions } from '../../api/instructions.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PlanSection } from '../plans/plan-view-parts.js';
import { InstructionCard } from './instruction-card.js';
import { InstructionFormModal } from './instruction-form-modal.js';
import { InstructionRespondModal } from './instruction-respond-modal.js';

/** 领导批示 on the supervision tab: the instructions on the task and the lead unit's reports. */
export function TaskInstructionsSection({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const query = useTaskInstructions(task.id);
  const [isIssuing, setIsIssuing] = useState(false);
  const [responding, setResponding] = useState<InstructionTarget | null>(null);
  const view = query.data;
  return (
    <PlanSection
      title={t('instructions.title')}
      extra={
        view?.canIssue && (
          <Button icon={<EditOutlined />} onClick={() => setIsIssuing(true)}>
            {t('instructions.issue')}
          </Button>
        )
      }
    >
      {query.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {view && view.items.length === 0 && <Typography.Text type="secondary">{t('instructions.empty')}</Typography.Text>}
      {view && view.items.length > 0 && (
        <Flex vertical gap={10} role="list" aria-label={t('instructions.title')}>
          {view.items.map((item) => (
            <InstructionCard key={item.instructionId} item={item} onRespond={setResponding} />
          ))}
        </Flex>
      )}
      {isIssuing && <InstructionFormModal taskIds={[task.id]} onClose={() => setIsIssuing(false)} />}
      {responding && <InstructionRespondModal item={responding} onClose={() => setResponding(null)} />}
    </PlanSection>
  );
}
