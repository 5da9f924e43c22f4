import { Alert, Flex, Grid, List, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SpreadsheetImportResult, SpreadsheetProblem } from '../../api/spreadsheet.api.js';

/** Problems shown a page at a time beyond this many. */
const PAGE_SIZE = 50;

/**
 * The validation report of a refused sheet: one line a problem, with the row as Excel numbers
 * it and the column as the sheet's header names it, so the person can go straight to the cell.
 */
export function SpreadsheetProblems({ problems }: { problems: SpreadsheetProblem[] }) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const where = (problem: SpreadsheetProblem) =>
    [problem.row === null ? t('spreadsheet.wholeSheet') : t('spreadsheet.rowN', { row: problem.row }), problem.column]
      .filter(Boolean)
      .join(' · ');
  const pagination = problems.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false;
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        title={t('spreadsheet.problemsTitle', { count: problems.length })}
        description={t('spreadsheet.problemsHelp')}
      />
      {isMobile ? (
        // A phone has no room for three columns: the place on one line, the problem under it.
        <List
          size="small"
          bordered
          pagination={pagination}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          dataSource={problems}
          renderItem={(problem) => (
            <List.Item>
              <Flex vertical gap={2}>
                <Typography.Text strong>{where(problem)}</Typography.Text>
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>{problem.detail}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<SpreadsheetProblem & { key: number }>
          size="small"
          bordered
          dataSource={problems.map((problem, index) => ({ ...problem, key: index }))}
          pagination={pagination}
          scroll={{ y: 360 }}
          columns={[
            {
              title: t('spreadsheet.row'),
              dataIndex: 'row',
              width: 64,
              render: (row: number | null) => row ?? t('spreadsheet.wholeSheet'),
            },
            {
              title: t('spreadsheet.column'),
              dataIndex: 'column',
              width: 110,
              render: (column: string | null) => column ?? '—',
            },
            {
              title: t('spreadsheet.problem'),
              dataIndex: 'detail',
              render: (detail: string) => <span style={{ overflowWrap: 'anywhere' }}>{detail}</span>,
            },
          ]}
        />
      )}
    </Flex>
  );
}

/** What a finished import did: counts, whether the new tasks were assigned, and numbers no longer in the sheet. */
export function SpreadsheetResult({ result }: { result: SpreadsheetImportResult }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Alert
        type="success"
        showIcon
        title={t('spreadsheet.doneTitle', { source: result.source.title })}
        description={result.assigned ? t('spreadsheet.assignedNote') : t('spreadsheet.draftNote')}
      />
      <Flex gap={32} wrap>
        <Statistic title={t('spreadsheet.created')} value={result.created} />
        <Statistic title={t('spreadsheet.updated')} value={result.updated} />
        <Statistic title={t('spreadsheet.unchanged')} value={result.unchanged} />
      </Flex>
      {result.notInSheet.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">
            {t('spreadsheet.notInSheet', { count: result.notInSheet.length })}
          </Typography.Text>
          <List
            size="small"
            bordered
            style={{ maxHeight: 200, overflowY: 'auto' }}
            dataSource={result.notInSheet}
            renderItem={(item) => (
              <List.Item>
                <Typography.Text>
                  <Typography.Text strong>{item.number}</Typography.Text> {item.title}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Flex>
      )}
    </Flex>
  );
}
