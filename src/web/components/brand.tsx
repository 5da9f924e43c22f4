import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BRAND_RED } from '../theme.js';

interface BrandProps {
  /** Just the seal, when the side navigation is collapsed. */
  markOnly?: boolean;
  size?: 'default' | 'large';
}

/** The product mark: a red seal with 落, and the name. */
export function Brand({ markOnly, size = 'default' }: BrandProps) {
  const { t } = useTranslation();
  const box = size === 'large' ? 44 : 30;
  return (
    <Flex align="center" gap={10} style={{ minWidth: 0 }}>
      <span
        aria-hidden
        style={{
          width: box,
          height: box,
          flex: 'none',
          borderRadius: box / 5,
          background: BRAND_RED,
          color: '#fff',
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontWeight: 700,
          fontSize: box * 0.6,
          lineHeight: 1,
        }}
      >
        落
      </span>
      {!markOnly && (
        <Typography.Text strong style={{ fontSize: size === 'large' ? 24 : 17, whiteSpace: 'nowrap' }}>
          {t('app.name')}
          <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 6, fontSize: '0.8em' }}>
            {t('app.latinName')}
          </Typography.Text>
        </Typography.Text>
      )}
    </Flex>
  );
}
