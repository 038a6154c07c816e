import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import problemsEn from './problems.en.json';
import problemsVi from './problems.vi.json';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'thidua.language';

function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

/**
 * Vietnamese first; English on request, remembered on this device. Every visible string is here.
 * `problem.<code>` — a sentence for every code the API answers (problems.*.json) — is in the entry
 * chunk: any page, the meeting hall's too, may have to say why something was refused.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: { ...vi, problem: problemsVi } },
    en: { translation: { ...en, problem: problemsEn } },
  },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

// Screen readers pronounce by the page's language: keep <html lang> with the one shown.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export interface Messages {
  vi: Record<string, unknown>;
  en: Record<string, unknown>;
}

/**
 * Adds an area's own message files (the console's and the portal's screens keep theirs beside their
 * code and load them with their lazy chunk). Deep-merged into the one namespace, so keys read as
 * `console.registry.title` wherever they come from.
 */
export function registerMessages(messages: Messages): void {
  for (const language of LANGUAGES) {
    i18n.addResourceBundle(language, 'translation', messages[language], true, false);
  }
}
