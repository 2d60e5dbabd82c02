/**
 * i18next initialisation and the remembered language choice. zh-CN is the default; the choice
 * is kept in localStorage and also drives dayjs and the <html lang> attribute.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { catalog, languages, type Language } from './catalog';

const LANG_KEY = 'workstation.lang';

/** The stored language, or zh-CN when none (or an unknown one) is stored. */
export function storedLanguage(): Language {
  const v = localStorage.getItem(LANG_KEY);
  return (languages as readonly string[]).includes(v ?? '') ? (v as Language) : 'zh-CN';
}

function applySideEffects(lng: Language): void {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lng;
}

/** Initialises i18next once with the catalog; returns when ready. */
export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  applySideEffects(lng);
  await i18next.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: catalog['zh-CN'] },
      en: { translation: catalog.en },
    },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
}

/** Switches language and remembers the choice. */
export async function setLanguage(lng: Language): Promise<void> {
  localStorage.setItem(LANG_KEY, lng);
  applySideEffects(lng);
  await i18next.changeLanguage(lng);
}
