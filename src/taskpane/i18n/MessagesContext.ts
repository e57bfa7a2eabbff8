import { createContext } from 'react';
import { messages, type Messages } from './messages';

/** The texts of the current UI language; App provides it, components read it with `useMessages`. */
export const MessagesContext = createContext<Messages>(messages.en);
