/** @jest-environment jsdom */
import './jsdomPolyfills';
import { render, within } from '@testing-library/react';
import type { Call, CallReason } from '../../src/engine/calls/Call';
import { dayFromIso } from '../../src/engine/dayNumbers';
import { ThisWeek, reasonCounts, shownFirst } from '../../src/taskpane/components/ThisWeek';

const asOf = dayFromIso('2024-12-31') ?? Number.NaN;

function call(customerId: string, rep: string | null, reasons: CallReason[], day = asOf): Call {
  return {
    day,
    customerId,
    name: `Name ${customerId}`,
    rep,
    reasons,
    detail: reasons.join(' + '),
    phone: null,
    tier: 3,
    segment: null,
    opener: 'Hello.',
    overdueDays: 0,
  };
}

// Engine order for one rep: eight overdue visits first, then the dated calls.
const alice: Call[] = [
  ...Array.from({ length: 8 }, (_, k) => call(`V${String(k)}`, 'Alice', ['visit'])),
  call('B1', 'Alice', ['birthday'], asOf + 2),
  call('S1', 'Alice', ['visit', 'service'], asOf + 3),
  call('W1', 'Alice', ['winback']),
];

describe('This week in the pane', () => {
  test('counts the calls of each reason (a call with two reasons under both), in both languages', () => {
    expect(reasonCounts(alice, 'en')).toBe('1 birthday · 1 follow-up · 1 win-back · 9 visits');
    expect(reasonCounts(alice, 'zh-CN')).toBe('生日 1，回访 1，挽回 1，拜访 9');
  });

  test('calls on a fixed day come before the visit backlog, each group in the engine order', () => {
    expect(shownFirst(alice, 6).map((c) => c.customerId)).toEqual(['B1', 'S1', 'W1', 'V0', 'V1', 'V2']);
    expect(shownFirst(alice.slice(0, 3), 6).map((c) => c.customerId)).toEqual(['V0', 'V1', 'V2']);
  });

  test('per rep: the reason counts, the first six calls and how many more are on the Calls sheet', () => {
    const calls = [...alice, call('X1', 'Bob', ['anniversary'], asOf + 1)];
    const view = render(<ThisWeek calls={calls} from={asOf} to={asOf + 6} language="en" />);
    const rep = view.container.querySelector('[data-rep="Alice"]') as HTMLElement;
    expect(within(rep).getByText('Alice: 11 calls')).toBeTruthy();
    expect(rep.querySelector('[data-reasons]')?.textContent).toBe(
      '1 birthday · 1 follow-up · 1 win-back · 9 visits',
    );
    const shown = [...rep.querySelectorAll('[data-call]')].map((li) => li.getAttribute('data-call'));
    expect(shown).toEqual(['B1', 'S1', 'W1', 'V0', 'V1', 'V2']);
    expect(rep.textContent).toContain('… and 5 more on the sheet "Calls 2024-12-31".');
    const bob = view.container.querySelector('[data-rep="Bob"]') as HTMLElement;
    expect(bob.querySelector('[data-reasons]')?.textContent).toBe('1 anniversary');
  });
});
