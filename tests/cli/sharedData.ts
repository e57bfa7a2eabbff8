import path from 'node:path';

/** The real data files in ../shared/data (never copied into the repo). */
export const sharedData = (file: string): string => path.resolve(__dirname, '../../../shared/data', file);
