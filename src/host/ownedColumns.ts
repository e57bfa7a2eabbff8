/** Where a run recorded one of its customer columns, in whatever positions a host counts (0- or 1-based). */
export interface OwnedPlace {
  /** The sheet it was written on (a name or an id, as the host knows it); null when the record cannot say. */
  sheet: string | null;
  headerRow: number;
  column: number;
  /** The header written there. */
  header: string;
}

/** A header row as a host reads it: its sheet, its row and the cell at each column. */
export interface HeaderRowView {
  /** The sheet's name or id, as the records of this host name it. */
  sheet: string;
  headerRow: number;
  /** The header cell at a column (same counting as `OwnedPlace.column`); anything but our header text means not ours. */
  headerAt(column: number): unknown;
}

/**
 * The recorded columns still ours by their header: recorded on this sheet (or on a sheet the record cannot
 * name) at this header row, the cell there still holding the header written. A column whose header the user
 * changed is theirs from then on, and a user column with our header elsewhere is never taken for ours. Both
 * hosts apply it (reading a table, placing the columns of a run); a column that passes is then checked for
 * the user's typing with `columnDigest.showsUserEdit` where its cells are read.
 *
 * @example
 * const row = { sheet: 'Customers', headerRow: 1, headerAt: (c: number) => ['Id', 'SVCD segment'][c - 1] };
 * ownedColumns([{ sheet: 'customers', headerRow: 1, column: 2, header: 'SVCD segment' }], row).length; // 1
 */
export function ownedColumns<T extends OwnedPlace>(recorded: readonly T[], row: HeaderRowView): T[] {
  const sheet = row.sheet.toLowerCase();
  return recorded.filter(
    (c) =>
      (c.sheet === null || c.sheet.toLowerCase() === sheet) &&
      c.headerRow === row.headerRow &&
      row.headerAt(c.column) === c.header,
  );
}
