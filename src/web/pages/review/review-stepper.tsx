import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Previous / next between the worksheet's cards on a phone, with where we are. */
export function ReviewStepper({
  index,
  count,
  onMove,
}: {
  index: number;
  count: number;
  onMove: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
      <Button icon={<LeftOutlined />} disabled={index <= 0} onClick={() => onMove(index - 1)}>
        {t('review.previous')}
      </Button>
      <Typography.Text type="secondary">{t('review.position', { index: index + 1, count })}</Typography.Text>
      <Button disabled={index >= count - 1} onClick={() => onMove(index + 1)}>
        {t('review.next')}
        <RightOutlined />
      </Button>
    </Flex>
  );
}
