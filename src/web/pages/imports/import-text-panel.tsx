import { Card, Collapse, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParseResult } from '../../api/document-import.api.js';

/** A change's text, made visible: spaces and line breaks would otherwise show as nothing. */
function visible(text: string): string {
  if (text === '') return '∅';
  return text
    .replace(/\n/g, '↵')
    .replace(/ /g, '␣')
    .replace(/\u3000/g, '□');
}

/**
 * The normalised text the parser read, with the normaliser's changes in a collapsible list, each
 * as before → after, so the person can see that nothing of the document was lost.
 */
export function ImportTextPanel({ result }: { result: ParseResult }) {
  const { t } = useTranslation();
  const changes = (
    <List
      size="small"
      dataSource={result.changes}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.review.noChanges')} /> }}
      style={{ maxHeight: 320, overflow: 'auto' }}
      renderItem={(change) => (
        <List.Item>
          <Flex gap={8} wrap align="baseline">
            <Tag>{t(`imports.review.changeKinds.${change.kind}`)}</Tag>
            <Typography.Text delete>{visible(change.before)}</Typography.Text>
            <span aria-hidden>→</span>
            <Typography.Text strong>{visible(change.after)}</Typography.Text>
            {change.note && <Typography.Text type="secondary">{change.note}</Typography.Text>}
          </Flex>
        </List.Item>
      )}
    />
  );
  return (
    <Card
      title={t('imports.review.textTitle')}
      size="small"
      extra={
        <Typography.Text type="secondary">
          {result.document.year ? t('imports.review.year', { year: result.document.year }) : t('imports.review.noYear')}
        </Typography.Text>
      }
    >
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          { key: 'changes', label: t('imports.review.changes', { count: result.changes.length }), children: changes },
        ]}
      />
      <pre
        style={{
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          maxHeight: '70vh',
          overflow: 'auto',
          margin: 0,
          fontFamily: 'inherit',
          lineHeight: 1.8,
        }}
      >
        {result.text}
      </pre>
    </Card>
  );
}
