/** @jest-environment jsdom */
import './jsdomPolyfills';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { FirstRunNotice, firstRunStorageKey } from '../../src/taskpane/components/FirstRunNotice';
import { messages, type Messages } from '../../src/taskpane/i18n/messages';
import { MessagesContext } from '../../src/taskpane/i18n/MessagesContext';
import { environment } from './paneFixtures';

const en = messages.en;
const zh = messages['zh-CN'];

/** The notice's three lines as shown. */
function shownLines(t: Messages): string[] {
  const notice = screen.getByRole('region', { name: t.firstRunTitle });
  return within(notice)
    .getAllByRole('listitem')
    .map((item) => item.textContent);
}

beforeEach(() => {
  localStorage.clear();
});

describe('first-run notice', () => {
  test('the pane opens with three lines on what the add-in does; once dismissed it stays away, also after a reload', async () => {
    const user = userEvent.setup();
    const first = render(<App environment={environment('playground')} />);
    expect(shownLines(en)).toEqual([...en.firstRunLines]);
    expect(en.firstRunLines).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: en.firstRunDismiss }));
    expect(screen.queryByRole('region', { name: en.firstRunTitle })).toBeNull();
    expect(localStorage.getItem(firstRunStorageKey)).toBe('1');
    first.unmount();
    // Opening the pane again (a new render reads the same storage): no notice, the pane as usual.
    render(<App environment={environment('playground')} />);
    expect(screen.getByRole('heading', { name: en.appTitle })).toBeTruthy();
    expect(screen.queryByRole('region', { name: en.firstRunTitle })).toBeNull();
  });

  test('in Chinese (Office in Chinese) the lines are in 简体中文', () => {
    render(<App environment={environment('playground', 'zh-CN')} />);
    const lines = shownLines(zh);
    expect(lines).toEqual([...zh.firstRunLines]);
    for (const line of lines) expect(line).toMatch(/[\u4e00-\u9fff]/u);
    expect(screen.getByRole('button', { name: zh.firstRunDismiss })).toBeTruthy();
  });

  test('where storage is blocked the notice still shows and can be dismissed for the session', async () => {
    const user = userEvent.setup();
    const blocked: Storage = {
      length: 0,
      clear: () => undefined,
      key: () => null,
      removeItem: () => undefined,
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    render(
      <MessagesContext.Provider value={en}>
        <FirstRunNotice storage={blocked} />
      </MessagesContext.Provider>,
    );
    expect(shownLines(en)).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: en.firstRunDismiss }));
    expect(screen.queryByRole('region', { name: en.firstRunTitle })).toBeNull();
  });
});
