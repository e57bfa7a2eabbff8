import { trimBlankHeaders } from '../../src/host/trimBlankHeaders';

describe('trimBlankHeaders', () => {
  it('drops blank headers at the end only', () => {
    expect(trimBlankHeaders(['Customer', '', 'Amount', ' ', ''])).toEqual(['Customer', '', 'Amount']);
    expect(trimBlankHeaders(['', '  '])).toEqual([]);
  });
});
