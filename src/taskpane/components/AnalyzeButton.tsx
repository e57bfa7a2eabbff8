import { Button, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AnalysisState } from '../hooks/useAnalysis';
import { useMessages } from '../hooks/useMessages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  primary: { flexGrow: 1 },
});

/**
 * The one primary action: Analyse. While a run is under way the button is disabled, a progress bar names
 * the stage (reading, computing, building sheets, writing) and Cancel stops the run.
 */
export function AnalyzeButton(props: {
  state: AnalysisState;
  disabled: boolean;
  onAnalyze: () => void;
  onCancel: () => void;
}) {
  const t = useMessages();
  const styles = useStyles();
  const running = props.state.status === 'running';
  const stageText = props.state.stage === null ? '' : t.stages[props.state.stage];
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button
          className={styles.primary}
          appearance="primary"
          size="large"
          disabled={props.disabled || running}
          onClick={props.onAnalyze}
        >
          {t.analyze}
        </Button>
        {running && (
          <Button size="large" onClick={props.onCancel}>
            {t.cancel}
          </Button>
        )}
      </div>
      {running && (
        <Field
          label={t.progressLabel}
          validationState="none"
          validationMessage={`${stageText} ${t.elapsed(props.state.elapsedMs / 1000)}`}
        >
          <ProgressBar value={props.state.progress} max={1} thickness="large" aria-valuetext={stageText} />
        </Field>
      )}
      <div aria-live="polite">
        {props.state.status === 'cancelled' && <Text>{t.cancelled}</Text>}
        {props.state.status === 'done' && props.state.outcome !== null && (
          <Text>{t.finished(props.state.outcome.durationMs / 1000)}</Text>
        )}
      </div>
    </div>
  );
}
