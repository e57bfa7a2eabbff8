import { useContext } from 'react';
import { MessagesContext } from '../i18n/MessagesContext';
import type { Messages } from '../i18n/messages';

/** The UI texts in the current language. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
