import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/http.js';
import { errorMessage } from '../lib/error-message.js';

interface LoadErrorProps {
  error: unknown;
  onRetry: () => void;
  /** Centre it on the whole screen (used before the app shell exists). */
  fullPage?: boolean;
}

/** A failed read: what went wrong in plain words, the request id for support, and a retry. */
export function LoadError({ error, onRetry, fullPage }: LoadErrorProps) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.requestId : undefined;
  const result = (
    <Result
      status="warning"
      title={t('result.errorTitle')}
      subTitle={
        <Flex vertical gap={4} align="center">
          <span>{errorMessage(error, t)}</span>
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }}>
              {t('errors.requestId', { id: requestId })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
  if (!fullPage) return result;
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      {result}
    </Flex>
  );
}
