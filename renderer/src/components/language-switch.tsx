/** Header language switch (简体中文 / English); the choice is remembered. */
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../i18n/catalog';
import { setLanguage } from '../i18n/setup';

/** Segmented control between the catalog's languages. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (languages as readonly string[]).includes(i18n.language)
    ? (i18n.language as Language)
    : 'zh-CN';
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      value={current}
      onChange={(v) => void setLanguage(v)}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh">{t('lang.zh')}</span> },
        { value: 'en', label: <span data-testid="lang-en">{t('lang.en')}</span> },
      ]}
    />
  );
}
