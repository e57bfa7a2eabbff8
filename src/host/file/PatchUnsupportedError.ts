/**
 * Thrown when an input package is not in a shape the patching writer (`patchXlsxPackage`) handles — a
 * prefixed or strict-namespace workbook or style sheet, a part it cannot name — so the host writes the
 * result through the workbook library instead. Never shown to the user.
 */
export class PatchUnsupportedError extends Error {}
