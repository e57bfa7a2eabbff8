import type { Language } from '../engine/types';

/** A usage error: the message says which argument is wrong, in English (`message`) and in Chinese. */
export class UsageError extends Error {
  /** The message in 简体中文. */
  readonly chinese: string;

  constructor(message: string, chinese: string = message) {
    super(message);
    this.name = 'UsageError';
    this.chinese = chinese;
  }

  /** The message in `language`. */
  messageIn(language: Language): string {
    return language === 'zh-CN' ? this.chinese : this.message;
  }
}
