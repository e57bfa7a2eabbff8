import { useRef, useState, type DragEvent } from 'react';
import {
  Button,
  Caption1,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useElapsed } from '../hooks/useElapsed';
import { useMessages } from '../hooks/useMessages';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  input: { display: 'none' },
  compact: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
});

/** File types the playground opens. */
export const acceptedFiles = '.xlsx,.csv';

/**
 * The playground's way in: a button opening the file chooser, and a drop zone for an .xlsx or .csv file.
 * While a file is read it says so with the seconds spent and a moving bar (the file is read in a worker,
 * the page stays usable).
 *
 * @param compact One line (the file's name and "Open another file…") once a file is open.
 */
export function FileOpener(props: {
  onFile: (file: File) => void;
  busy: boolean;
  status: string | null;
  compact?: boolean;
}) {
  const t = useMessages();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) props.onFile(file);
  };
  const chooser = (
    <input
      ref={input}
      className={styles.input}
      type="file"
      accept={acceptedFiles}
      aria-label={t.openFile}
      tabIndex={-1}
      onChange={(event) => {
        const file = event.target.files?.[0];
        if (file !== undefined) props.onFile(file);
        event.target.value = '';
      }}
    />
  );
  const elapsed = useElapsed(props.busy);
  const status = props.status !== null && (
    <Text role="status" weight="semibold">
      {props.status}
      {props.busy && ` ${t.elapsed(elapsed / 1000)}`}
    </Text>
  );
  // The same drop target in both layouts.
  const dropZone = {
    'data-testid': 'drop-zone',
    onDragOver: (event: DragEvent<HTMLDivElement>) => {
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => {
      setDragging(false);
    },
    onDrop,
  };
  if (props.compact === true)
    return (
      <div className={mergeClasses(styles.compact, dragging && styles.dragging)} {...dropZone}>
        {status}
        <Button
          size="small"
          appearance="secondary"
          disabled={props.busy}
          onClick={() => {
            input.current?.click();
          }}
        >
          {t.openAnother}
        </Button>
        {chooser}
      </div>
    );
  return (
    <div className={mergeClasses(styles.zone, dragging && styles.dragging)} {...dropZone}>
      <Text>{t.playgroundIntro}</Text>
      <Button
        appearance="secondary"
        disabled={props.busy}
        onClick={() => {
          input.current?.click();
        }}
      >
        {t.openFile}
      </Button>
      {chooser}
      <Caption1>{t.dropHint}</Caption1>
      {status}
      {props.busy && <ProgressBar aria-label={props.status ?? t.openFile} />}
    </div>
  );
}
