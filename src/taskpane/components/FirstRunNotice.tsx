import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMessages } from '../hooks/useMessages';

/** The localStorage key that remembers the first-run notice was dismissed. */
export const firstRunStorageKey = 'customer-pyramid.first-run-dismissed';

const useStyles = makeStyles({
  lines: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
});

/** The page's localStorage, or undefined where it is blocked (some sandboxed frames throw on access). */
function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function wasDismissed(storage: Storage | undefined): boolean {
  try {
    return storage?.getItem(firstRunStorageKey) === '1';
  } catch {
    return false;
  }
}

/**
 * The first-run experience: what the add-in does, in three lines, until the user dismisses it; then never
 * again for this user and origin (remembered in localStorage; where storage is blocked, for this session).
 */
export function FirstRunNotice(props: { storage?: Storage }) {
  const t = useMessages();
  const styles = useStyles();
  const storage = props.storage ?? pageStorage();
  const [dismissed, setDismissed] = useState(() => wasDismissed(storage));
  if (dismissed) return null;
  const dismiss = () => {
    try {
      storage?.setItem(firstRunStorageKey, '1');
    } catch {
      // Storage full or blocked: the notice stays away for this session only.
    }
    setDismissed(true);
  };
  return (
    <section aria-label={t.firstRunTitle}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.firstRunTitle}</MessageBarTitle>
          <ul className={styles.lines}>
            {t.firstRunLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" appearance="primary" onClick={dismiss}>
            {t.firstRunDismiss}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </section>
  );
}
