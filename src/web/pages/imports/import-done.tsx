import { Button, Card, Flex, List, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskStatus } from '../../../shared/tasks.js';
import type { RegisterImportResult } from '../../api/document-import.api.js';

/** After registering: what was made, links to every task and to the source, and a way to start over. */
export function ImportDone({ result, onAgain }: { result: RegisterImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const updated = result.tasks.filter((task) => !task.created).length;
  return (
    <Card>
      <Result
        status="success"
        title={t('imports.register.done', { count: result.tasks.length })}
        subTitle={
          <Flex vertical>
            {updated > 0 && <span>{t('imports.register.doneUpdated', { count: updated })}</span>}
            {result.aliasesAdded.length > 0 && (
              <span>{t('imports.register.aliases', { count: result.aliasesAdded.length })}</span>
            )}
          </Flex>
        }
        extra={
          <Flex gap={8} wrap justify="center">
            <Link to={`/tasks?sourceId=${result.sourceId}`}>
              <Button type="primary">{t('imports.register.viewTasks')}</Button>
            </Link>
            <Link to={`/sources?id=${result.sourceId}`}>
              <Button>{t('imports.register.viewSource')}</Button>
            </Link>
            <Button onClick={onAgain}>{t('imports.register.again')}</Button>
          </Flex>
        }
      />
      <List
        size="small"
        dataSource={result.tasks}
        renderItem={(task) => (
          <List.Item style={{ paddingInlineStart: 12 + task.depth * 20 }}>
            <Flex gap={8} wrap align="baseline">
              <Typography.Text type="secondary">{task.number}</Typography.Text>
              <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              <Tag>{t(`tasks.status.${task.status as TaskStatus}`)}</Tag>
              {!task.created && <Tag color="blue">{t('imports.register.updated')}</Tag>}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
