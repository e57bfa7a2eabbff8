import { ExcelHostError } from '../../../src/host/excel/ExcelHostError';
import { FakeOfficeError } from '../../fakes/FakeOfficeError';

describe('ExcelHostError.from', () => {
  it.each([
    ['AccessDenied', /protected.*Unprotect/],
    ['InvalidOperationInCellEditMode', /finish editing a cell.*Enter or Esc/],
    ['RequestPayloadSizeLimitExceeded', /too large.*fewer rows/],
    ['ResponsePayloadSizeLimitExceeded', /too large.*fewer rows/],
    ['Conflict', /co-authoring.*run the analysis again/],
    ['InsertDeleteConflict', /co-authoring/],
  ])('turns %s into a sentence the user can act on', (code, sentence) => {
    const error = ExcelHostError.from(new FakeOfficeError(code, 'raw Excel text'), 'Nothing was changed.');
    expect(error.code).toBe(code);
    expect(error.message).toMatch(sentence);
    expect(error.message).toMatch(/Nothing was changed\.$/);
    expect(error.message).not.toContain('raw Excel text');
  });

  it("keeps Excel's own words for an unknown code, and its own errors as they are", () => {
    expect(ExcelHostError.from(new FakeOfficeError('Weird', 'Something odd')).message).toBe(
      'Excel reported a problem: Something odd',
    );
    const own = new ExcelHostError('PROTECTED', 'Sheet "X" is protected.');
    expect(ExcelHostError.from(own)).toBe(own);
  });
});
