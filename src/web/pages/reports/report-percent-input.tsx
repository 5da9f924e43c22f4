import { Flex, InputNumber, Slider } from 'antd';
import { useTranslation } from 'react-i18next';

interface ReportPercentInputProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}

/** Percent complete: a slider for the thumb, a number for the exact value (a form control). */
export function ReportPercentInput({ value, onChange, id }: ReportPercentInputProps) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={12} wrap>
      <Slider
        min={0}
        max={100}
        step={1}
        value={value ?? 0}
        onChange={(next) => onChange?.(next)}
        style={{ flex: '1 1 180px', minWidth: 160, margin: '10px 8px' }}
        aria-label={t('reports.fields.percentSlider')}
      />
      <InputNumber
        id={id}
        min={0}
        max={100}
        precision={0}
        value={value ?? null}
        onChange={(next) => onChange?.(typeof next === 'number' ? next : null)}
        suffix="%"
        size="large"
        inputMode="numeric"
        style={{ width: 120 }}
        aria-label={t('reports.fields.percent')}
      />
    </Flex>
  );
}
