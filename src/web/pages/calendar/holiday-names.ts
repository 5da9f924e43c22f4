import { useTranslation } from 'react-i18next';

/** The official holidays by the names the State Council notices (and the shipped data) use. */
const FESTIVALS = {
  元旦: 'newYear',
  春节: 'springFestival',
  清明节: 'qingming',
  劳动节: 'labourDay',
  端午节: 'dragonBoat',
  中秋节: 'midAutumn',
  国庆节: 'nationalDay',
  '国庆节、中秋节': 'nationalDayMidAutumn',
} as const;

function festivalKey(name: string): (typeof FESTIVALS)[keyof typeof FESTIVALS] | undefined {
  return Object.hasOwn(FESTIVALS, name) ? FESTIVALS[name as keyof typeof FESTIVALS] : undefined;
}

/**
 * Shows an official holiday's name in the UI language ("春节" → "Spring Festival", "春節"); names
 * administrators typed themselves are shown as they are. The stored name never changes.
 */
export function useHolidayName(): (name: string) => string {
  const { t } = useTranslation();
  return (name) => {
    const key = festivalKey(name);
    return key ? t(`calendar.festivals.${key}`) : name;
  };
}
