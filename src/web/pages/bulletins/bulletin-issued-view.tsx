import { Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '../../api/bulletins.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { CreateRectificationButton } from '../rectifications/create-rectification-button.js';
import { BulletinSheet } from './bulletin-sheet.js';
import { useBulletinMutations } from './bulletins.queries.js';

/** Criticisms and overdue tasks, each with a way to start its rectification (supervision only). */
function RectifyCard({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const items = [
    ...bulletin.content.criticisms.lines.map((line, i) => ({
      key: `c${i}`,
      text: line.text,
      unitId: line.unitId,
      taskId: line.taskId,
    })),
    ...bulletin.content.overdue.rows.map((row) => ({
      key: `o${row.taskId}`,
      text: `${row.taskNumber} ${row.title}（${row.unitName ?? '—'}）${t('bulletins.daysOverdue', { days: row.workingDaysOverdue })}`,
      unitId: row.unitId,
      taskId: row.taskId,
    })),
  ];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('bulletins.rectify.title')}>
      <Typography.Paragraph type="secondary">{t('bulletins.rectify.hint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={items}
        renderItem={(item) => (
          <List.Item key={item.key}>
            <Flex gap={8} justify="space-between" align="center" style={{ width: '100%' }} wrap>
              <Typography.Text style={{ flex: '1 1 200px', minWidth: 0 }}>{item.text}</Typography.Text>
              <CreateRectificationButton
                size="small"
                origin={{ type: 'bulletin', id: bulletin.id, taskId: item.taskId }}
                defaultUnitId={item.unitId}
                defaultFinding={`${bulletin.number ?? ''}：${item.text}`}
              />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The units told and whether each has read it (those who see all bulletins). */
function UnitsCard({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  if (bulletin.units.length === 0) return null;
  return (
    <Card size="small" title={t('bulletins.units.title')}>
      <List
        size="small"
        dataSource={bulletin.units}
        renderItem={(unit) => (
          <List.Item key={unit.unitId}>
            <Flex justify="space-between" gap={8} style={{ width: '100%' }} wrap>
              <span>{unit.name}</span>
              <Flex gap={4}>
                <Tag>{t(`bulletins.mention.${unit.mention}`)}</Tag>
                <Tag color={unit.readAt ? 'green' : 'orange'}>
                  {unit.readAt ? t('bulletins.units.read') : t('bulletins.units.unread')}
                </Tag>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** An issued bulletin (or a draft seen by a reader): the document; read receipts and rectification aside. */
export function BulletinIssuedView({ bulletin }: { bulletin: Bulletin }) {
  const user = useCurrentUser();
  const { read } = useBulletinMutations();
  const unread = bulletin.status === 'issued' && bulletin.myUnit !== null && bulletin.myUnit.readAt === null;
  const markRead = read.mutate;
  // Opening it is reading it: the unit's receipt is recorded once.
  useEffect(() => {
    if (unread) markRead(bulletin.id);
  }, [unread, bulletin.id, markRead]);
  const canRectify = bulletin.status === 'issued' && hasAnyRole(user, ['supervisor', 'admin']);
  const side = canRectify || bulletin.units.length > 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={side ? 14 : 24}>
        <BulletinSheet variant="panel" data={bulletin} />
      </Col>
      {side && (
        <Col xs={24} xl={10}>
          <Flex vertical gap={12}>
            {canRectify && <RectifyCard bulletin={bulletin} />}
            <UnitsCard bulletin={bulletin} />
          </Flex>
        </Col>
      )}
    </Row>
  );
}
