import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarImportResult } from '../../api/calendar.api.js';
import { useCalendarMutations } from '../../api/calendar.queries.js';
import { errorMessage } from '../../lib/error-message.js';

/** Reads a chosen .ics file in the browser and sends its text to the import endpoint. */
export function ImportIcsButton({ onImported }: { onImported: (result: CalendarImportResult) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { importIcs } = useCalendarMutations();

  const handleFile = async (file: File) => {
    try {
      const result = await importIcs.mutateAsync(await file.text());
      void message.success(t('calendar.imported', result));
      onImported(result);
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  return (
    <Upload
      accept=".ics,text/calendar"
      showUploadList={false}
      beforeUpload={(file) => {
        void handleFile(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <Tooltip title={t('calendar.importHelp')}>
        <Button icon={<UploadOutlined />} loading={importIcs.isPending}>
          {t('calendar.importIcs')}
        </Button>
      </Tooltip>
    </Upload>
  );
}
