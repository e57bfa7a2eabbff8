/**
 * The error the fake Excel throws, shaped like `OfficeExtension.Error`: a `code` from `Excel.ErrorCodes`
 * (or `PropertyNotLoaded`, `RequestPayloadSizeLimitExceeded`), a message and `debugInfo`.
 *
 * @example throw new FakeOfficeError('AccessDenied', 'The sheet is protected.')
 */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}
