import { DownOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../shared/locales.js';
import { changeLocale, currentLocale, isLocale, LOCALE_NAMES } from '../i18n/index.js';

interface LanguageSwitchProps {
  /** Icon only, for tight headers on phones. */
  compact?: boolean;
}

/** Picks the UI language (简体中文 / 繁體中文 / English); the choice is remembered. */
export function LanguageSwitch({ compact }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((key) => ({ key, label: <span lang={key}>{LOCALE_NAMES[key]}</span> })),
        onClick: ({ key }) => {
          if (isLocale(key)) void changeLocale(key);
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.label')} title={t('language.label')}>
        {!compact && (
          <>
            {LOCALE_NAMES[locale]} <DownOutlined style={{ fontSize: 10 }} />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
