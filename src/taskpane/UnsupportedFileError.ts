/** The playground was given a file that is neither .xlsx nor .csv. */
export class UnsupportedFileError extends Error {
  readonly fileName: string;

  constructor(fileName: string) {
    super(`"${fileName}" is not an .xlsx or .csv file.`);
    this.name = 'UnsupportedFileError';
    this.fileName = fileName;
  }
}
