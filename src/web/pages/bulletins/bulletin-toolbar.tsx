import { FilePdfOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { bulletinFileUrl } from '../../api/bulletins.api.js';

/** Download as .docx or PDF and open the print page (what anyone who sees the bulletin may do). */
export function BulletinFileButtons({ id }: { id: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Button icon={<FileWordOutlined />} href={bulletinFileUrl(id, 'docx')} download>
        {t('bulletins.download.docx')}
      </Button>
      <Button icon={<FilePdfOutlined />} href={bulletinFileUrl(id, 'pdf')} download>
        {t('bulletins.download.pdf')}
      </Button>
      <Link to={`/bulletins/${id}/print`}>
        <Button icon={<PrinterOutlined />}>{t('bulletins.print')}</Button>
      </Link>
    </>
  );
}
