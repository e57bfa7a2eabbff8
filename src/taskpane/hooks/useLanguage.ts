import { useEffect, useState } from 'react';
import type { Language } from '../../engine/types';
import { languageFromDisplay } from '../i18n/languageFromDisplay';
import { messages, type Messages } from '../i18n/messages';

/** The UI language, its texts and a way to switch. */
export interface LanguageState {
  language: Language;
  t: Messages;
  setLanguage: (language: Language) => void;
}

/**
 * The UI language: starts from Office's display language (Chinese → 简体中文, else English) and can be
 * switched by the user; the document's `lang` attribute follows so screen readers pronounce it right.
 */
export function useLanguage(displayLanguage: string | null): LanguageState {
  const [language, setLanguage] = useState<Language>(() => languageFromDisplay(displayLanguage));
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return { language, t: messages[language], setLanguage };
}
