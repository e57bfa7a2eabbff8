import { useRef, useState, type DragEvent } from 'react';
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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
});

/** File types the playground opens. */
export const acceptedFiles = '.xlsx,.csv';

/**
 * The playground's way in: a button opening the file chooser, and a drop zone for an .xlsx or .csv file.
 */
export function FileOpener(props: { onFile: (file: File) => void; busy: boolean; status: string | null }) {
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
  return (
    <div
      className={mergeClasses(styles.zone, dragging && styles.dragging)}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={onDrop}
    >
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
      <Caption1>{t.dropHint}</Caption1>
      {props.status !== null && (
        <Text role="status" weight="semibold">
          {props.status}
        </Text>
      )}
    </div>
  );
}
