import type { Language } from '../../../engine/types';

/** What is wrong with a file the command line was given or asked to write. */
export type FileErrorKind =
  /** The input does not exist (or its folder cannot be listed). */
  | 'notFound'
  /** The input is a folder. */
  | 'isFolder'
  /** The input exists but cannot be read (no permission). */
  | 'unreadable'
  /** An old-format `.xls` workbook. */
  | 'oldXls'
  /** An extension this tool does not read. */
  | 'unknownExtension'
  /** The file has no bytes (or, for a CSV, only blanks). */
  | 'emptyFile'
  /** An `.xlsx` that is not a zip package at all: another kind of file renamed, or cut short. */
  | 'notXlsx'
  /** An `.xlsx` saved with a password (an encrypted package, not a zip). */
  | 'encrypted'
  /** A zip package whose workbook parts cannot be read. */
  | 'damagedXlsx'
  /** The output could not be written. */
  | 'cannotWrite';

/** System error codes put in plain words. */
const systemReasons: Record<string, Record<Language, string>> = {
  ENOENT: { en: 'its folder does not exist', 'zh-CN': '所在文件夹不存在' },
  EACCES: { en: 'permission denied', 'zh-CN': '没有权限' },
  EPERM: { en: 'permission denied', 'zh-CN': '没有权限' },
  EISDIR: { en: 'a folder has that name', 'zh-CN': '有同名的文件夹' },
  ENOSPC: { en: 'the disk is full', 'zh-CN': '磁盘已满' },
  EROFS: { en: 'the disk is read-only', 'zh-CN': '磁盘是只读的' },
  EBUSY: { en: 'the file is in use', 'zh-CN': '文件正被占用' },
  EFBIG: { en: 'the file is larger than this system allows', 'zh-CN': '文件超出了系统允许的大小' },
  EDQUOT: { en: 'the disk quota is used up', 'zh-CN': '磁盘配额已用完' },
};
const reasonIn = (code: string, language: Language): string => systemReasons[code]?.[language] ?? code;

const english: Record<FileErrorKind, (file: string, detail: string) => string> = {
  notFound: (file) => `The file "${file}" does not exist.`,
  isFolder: (file) => `"${file}" is a folder, not a file: give the .xlsx or .csv file inside it.`,
  unreadable: (file, detail) =>
    `The file "${file}" cannot be read (${reasonIn(detail, 'en')}): check its permissions.`,
  oldXls: (file) => `"${file}" is an old-format .xls workbook: open it in Excel and save it as .xlsx first.`,
  unknownExtension: (file) => `"${file}" is not a workbook this tool reads: use an .xlsx or a .csv file.`,
  emptyFile: (file) => `"${file}" is empty (${file.toLowerCase().endsWith('.csv') ? 'no text' : '0 bytes'}).`,
  notXlsx: (file) =>
    `"${file}" is not an .xlsx workbook: it is damaged, cut short, or another kind of file renamed to .xlsx. Open it in Excel and save it as .xlsx again.`,
  encrypted: (file) =>
    `"${file}" is protected with a password: open it in Excel, remove the password (File › Info › Protect Workbook), save it and try again.`,
  damagedXlsx: (file) =>
    `"${file}" is a damaged .xlsx workbook: its parts cannot be read. Open it in Excel (which can repair it) and save it again.`,
  cannotWrite: (file, detail) => `Could not write "${file}": ${reasonIn(detail, 'en')}.`,
};

const chinese: typeof english = {
  notFound: (file) => `文件“${file}”不存在。`,
  isFolder: (file) => `“${file}”是一个文件夹，不是文件：请给出其中的 .xlsx 或 .csv 文件。`,
  unreadable: (file, detail) => `无法读取文件“${file}”（${reasonIn(detail, 'zh-CN')}）：请检查它的权限。`,
  oldXls: (file) => `“${file}”是旧格式的 .xls 工作簿：请先在 Excel 中打开并另存为 .xlsx。`,
  unknownExtension: (file) => `“${file}”不是本工具能读取的工作簿：请使用 .xlsx 或 .csv 文件。`,
  emptyFile: (file) =>
    `“${file}”是空文件（${file.toLowerCase().endsWith('.csv') ? '没有任何文字' : '0 字节'}）。`,
  notXlsx: (file) =>
    `“${file}”不是 .xlsx 工作簿：它已损坏、不完整，或是被改名为 .xlsx 的其他文件。请在 Excel 中打开并重新另存为 .xlsx。`,
  encrypted: (file) =>
    `“${file}”设有密码保护：请在 Excel 中打开，删除密码（文件 › 信息 › 保护工作簿），保存后再试。`,
  damagedXlsx: (file) =>
    `“${file}”是损坏的 .xlsx 工作簿：无法读取其内容。请在 Excel 中打开（Excel 可以修复它）并重新保存。`,
  cannotWrite: (file, detail) => `无法写入“${file}”：${reasonIn(detail, 'zh-CN')}。`,
};

/**
 * A file the command line cannot use, said plainly (no zip-library or system-call text) in English or
 * 简体中文; `message` is in the language it was raised in.
 *
 * @example throw new FileError('isFolder', 'data', 'zh-CN')
 */
export class FileError extends Error {
  readonly kind: FileErrorKind;
  /** The file as the user named it. */
  readonly file: string;
  /** The system error code (e.g. `EACCES`) behind `unreadable` and `cannotWrite`; '' otherwise. */
  readonly detail: string;

  constructor(kind: FileErrorKind, file: string, language: Language = 'en', detail = '') {
    super((language === 'zh-CN' ? chinese : english)[kind](file, detail));
    this.name = 'FileError';
    this.kind = kind;
    this.file = file;
    this.detail = detail;
  }

  /** The message in `language`. */
  messageIn(language: Language): string {
    return (language === 'zh-CN' ? chinese : english)[this.kind](this.file, this.detail);
  }
}
