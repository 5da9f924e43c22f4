import { Button, Card, Empty, Flex, Grid, Segmented, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { COORDINATION_BOXES, type CoordinationBox } from '../../../shared/coordination-api.js';
import type { CoordinationQueueState } from '../../api/coordination.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { CoordinationQueueCard } from './coordination-queue-card.js';
import { CoordinationStatsCard } from './coordination-stats-card.js';
import { useCoordinationQueue } from './use-coordination.js';

const STATES: readonly CoordinationQueueState[] = ['active', 'late', 'all'];

/**
 * The boxes that mean something to the caller: a unit's people see what is asked of their unit and
 * what it asked; a leader what is asked of them and escalated to them; the supervision office what
 * escalated; everyone all requests in their scope. The first is where one lands.
 */
function boxesFor(roles: readonly string[]): CoordinationBox[] {
  const member = roles.includes('unit_head') || roles.includes('unit_staff');
  const leader = roles.includes('leader');
  return COORDINATION_BOXES.filter((box) => {
    if (box === 'incoming') return member || leader;
    if (box === 'outgoing') return member;
    if (box === 'escalated') return leader || roles.includes('supervisor') || roles.includes('admin');
    return true;
  });
}

/** One box of the queue, in the chosen state, a page at a time. */
function QueueList({ box, state }: { box: CoordinationBox; state: CoordinationQueueState }) {
  const { t } = useTranslation();
  const pages = useCoordinationQueue(box, state);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={12}>
      {pages.isPending && <Skeleton active paragraph={{ rows: 5 }} />}
      {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
      {pages.isSuccess && items.length === 0 && (
        <Empty style={{ paddingBlock: 24 }} description={t('coordination.queue.empty')} />
      )}
      {items.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('coordination.queue.shown', { count: items.length })}</Typography.Text>
          <Flex vertical gap={10} role="list" aria-label={t(`coordination.queue.boxes.${box}`)}>
            {items.map((item) => (
              <CoordinationQueueCard key={item.id} item={item} />
            ))}
          </Flex>
        </>
      )}
      {pages.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('coordination.queue.loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/**
 * 需协调事项: the boxes as tabs (asked of us, we asked, escalated, all), active / late / all, and —
 * for those who oversee units — the bounce counts per unit (推诿扯皮 indicator).
 */
export function CoordinationPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isMobile = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const boxes = boxesFor(user.roles);
  const box = boxes.find((value) => value === params.get('box')) ?? boxes[0] ?? 'all';
  const state = STATES.find((value) => value === params.get('state')) ?? 'active';
  const oversees = hasAnyRole(user, ['supervisor', 'leader', 'admin', 'auditor']);
  const isMember = hasAnyRole(user, ['unit_head', 'unit_staff']);
  const go = (next: { box?: CoordinationBox; state?: CoordinationQueueState }) => {
    const nextState = next.state ?? state;
    setParams({ box: next.box ?? box, ...(nextState === 'active' ? {} : { state: nextState }) }, { replace: true });
  };
  const stateFilter = (
    <Segmented<CoordinationQueueState>
      size={isMobile ? 'middle' : 'small'}
      block={isMobile}
      aria-label={t('coordination.queue.filter')}
      value={state}
      options={STATES.map((value) => ({ value, label: t(`coordination.queue.states.${value}`) }))}
      onChange={(value) => go({ state: value })}
    />
  );
  return (
    <>
      <PageHeader title={t('coordination.title')} subtitle={t('coordination.pageSubtitle')} />
      <Flex vertical gap={16}>
        {oversees && <CoordinationStatsCard />}
        <Card>
          {isMobile && stateFilter}
          <Tabs
            activeKey={box}
            onChange={(key) => go({ box: key as CoordinationBox })}
            {...(isMobile ? {} : { tabBarExtraContent: { right: stateFilter } })}
            items={boxes.map((key) => ({
              key,
              label: t(
                key === 'incoming' && !isMember
                  ? 'coordination.queue.boxes.incomingMine'
                  : `coordination.queue.boxes.${key}`,
              ),
              children: key === box ? <QueueList box={key} state={state} /> : null,
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}
