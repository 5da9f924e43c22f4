import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { INSTRUCTION_BOXES, type InstructionBox } from '../../../shared/instructions-api.js';
import type { InstructionTarget } from '../../api/instructions.api.js';
import { useInstructionBox } from '../../api/instructions.queries.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { InstructionCard } from './instruction-card.js';
import { InstructionFormModal } from './instruction-form-modal.js';
import { InstructionRespondModal } from './instruction-respond-modal.js';

function boxOf(value: string | null): InstructionBox {
  return INSTRUCTION_BOXES.find((box) => box === value) ?? 'mine';
}

/** 领导批示: the instructions I wrote or my unit must answer, those still unanswered, or all I may see. */
export function InstructionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const box = boxOf(params.get('box'));
  const pages = useInstructionBox(box);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const [isIssuing, setIsIssuing] = useState(false);
  const [responding, setResponding] = useState<InstructionTarget | null>(null);
  const mayIssue = hasAnyRole(user, ['leader', 'admin']);
  return (
    <>
      <PageHeader
        title={t('instructions.title')}
        subtitle={t('instructions.pageSubtitle')}
        extra={
          mayIssue && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setIsIssuing(true)}>
              {t('instructions.issueMany')}
            </Button>
          )
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <div style={{ overflowX: 'auto' }}>
            <Segmented<InstructionBox>
              aria-label={t('instructions.box')}
              value={box}
              options={INSTRUCTION_BOXES.map((value) => ({ value, label: t(`instructions.boxes.${value}`) }))}
              onChange={(value) => setParams(value === 'mine' ? {} : { box: value }, { replace: true })}
            />
          </div>
          {pages.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
          {pages.isSuccess && items.length === 0 && (
            <Empty style={{ paddingBlock: 24 }} description={t('instructions.listEmpty')} />
          )}
          {items.length > 0 && (
            <>
              <Typography.Text type="secondary">{t('instructions.shown', { count: items.length })}</Typography.Text>
              <Flex vertical gap={10} role="list" aria-label={t('instructions.title')}>
                {items.map((item) => (
                  <InstructionCard
                    key={`${item.instructionId}-${item.task.id}`}
                    item={item}
                    showTask
                    onRespond={setResponding}
                  />
                ))}
              </Flex>
            </>
          )}
          {pages.hasNextPage && (
            <Flex justify="center">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('instructions.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
      {isIssuing && <InstructionFormModal onClose={() => setIsIssuing(false)} />}
      {responding && <InstructionRespondModal item={responding} onClose={() => setResponding(null)} />}
    </>
  );
}
