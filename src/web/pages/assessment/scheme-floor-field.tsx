import { Flex, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

// The scheme's floor (扣完为止) as the scheme drawer edits it: off means no floor (null).

/** 扣完为止: a switch for having a floor at all, and the floor (no higher than the base). */
export function FloorField({
  floor,
  base,
  readOnly,
  onChange,
}: {
  floor: number | null;
  base: number;
  readOnly: boolean;
  onChange: (floor: number | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <label htmlFor="scheme-floor">{t('assessment.scheme.floor')}</label>
      <Switch
        size="small"
        checked={floor !== null}
        disabled={readOnly}
        aria-label={t('assessment.scheme.floorOn')}
        onChange={(on) => onChange(on ? Math.min(0, base) : null)}
      />
      <InputNumber
        id="scheme-floor"
        min={-1000}
        max={base}
        precision={2}
        value={floor}
        placeholder={t('assessment.scheme.noFloor')}
        disabled={readOnly || floor === null}
        onChange={(value) => onChange(value ?? 0)}
      />
      <Typography.Text type="secondary">{t('assessment.scheme.floorHelp')}</Typography.Text>
    </Flex>
  );
}
