import { DownloadOutlined, DownOutlined, FileExcelOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskExportUrl } from '../../api/spreadsheet.api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { currentLocale } from '../../i18n/index.js';
import { filtersFromSearch, toListQuery } from '../tasks/task-filters.js';
import { SpreadsheetImportModal } from './spreadsheet-import-modal.js';

/**
 * The task list's spreadsheet buttons: export what the filters show (.xlsx in the 任务分解表
 * template, or CSV) for everyone — the server applies the caller's scope — and, for the
 * supervision office, importing a sheet.
 */
export function SpreadsheetActions({ search }: { search: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locale = currentLocale();
  const [isImporting, setIsImporting] = useState(false);
  const canImport = hasAnyRole(user, ['supervisor', 'admin']);
  const query = useMemo(() => toListQuery(filtersFromSearch(new URLSearchParams(search))), [search]);

  const formats = [
    {
      key: 'xlsx',
      icon: <FileExcelOutlined />,
      label: (
        <a href={taskExportUrl(query, 'xlsx', locale)} download>
          {t('spreadsheet.exportXlsx')}
        </a>
      ),
    },
    {
      key: 'csv',
      icon: <FileTextOutlined />,
      label: (
        <a href={taskExportUrl(query, 'csv', locale)} download>
          {t('spreadsheet.exportCsv')}
        </a>
      ),
    },
  ];
  const items = [{ key: 'formats', type: 'group' as const, label: t('spreadsheet.exportHint'), children: formats }];

  return (
    <>
      <Dropdown trigger={['click']} menu={{ items }}>
        <Button icon={<DownloadOutlined />}>
          {t('spreadsheet.export')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      {canImport && (
        <>
          <Button icon={<UploadOutlined />} onClick={() => setIsImporting(true)}>
            {t('spreadsheet.import')}
          </Button>
          <SpreadsheetImportModal open={isImporting} onClose={() => setIsImporting(false)} />
        </>
      )}
    </>
  );
}
