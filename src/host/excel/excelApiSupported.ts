/** The part of the Office.js global this needs (absent outside Office, e.g. in tests over the fake Excel). */
interface OfficeRequirements {
  context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } };
}

/**
 * Whether the running Excel supports the ExcelApi requirement set `version`
 * (`Office.context.requirements.isSetSupported`). The manifest asks for ExcelApi 1.9; the host checks this
 * before each API it uses from a newer set and falls back gracefully without it (see README, "Office API
 * requirements"). True when Office.js cannot tell (no `Office` global: tests over the fake Excel, which
 * implements every API the host uses).
 *
 * @example excelApiSupported('1.11') // delayForCellEdit is available
 */
export function excelApiSupported(version: string): boolean {
  const office = (globalThis as { Office?: OfficeRequirements }).Office;
  const isSetSupported = office?.context?.requirements?.isSetSupported;
  return isSetSupported === undefined ? true : isSetSupported('ExcelApi', version);
}
