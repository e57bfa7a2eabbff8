import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { chooseTables, type ChosenTables } from '../engine/chooseTables';
import type { ColumnMapping, FieldKey, Language, TableKind } from '../engine/types';
import { AnalyzeButton } from './components/AnalyzeButton';
import { DetectedTables } from './components/DetectedTables';
import { ErrorBar } from './components/ErrorBar';
import { FileOpener } from './components/FileOpener';
import { FirstRunNotice } from './components/FirstRunNotice';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ResultsPanel } from './components/ResultsPanel';
import { SampleDataPanel } from './components/SampleDataPanel';
import { SettingsPanel, type SettingsPart } from './components/SettingsPanel';
import { describeError } from './describeError';
import { useAnalysis } from './hooks/useAnalysis';
import { useAutoRerun } from './hooks/useAutoRerun';
import { useHostActions } from './hooks/useHostActions';
import { useLanguage } from './hooks/useLanguage';
import { useMessages } from './hooks/useMessages';
import { useOfficeTheme } from './hooks/useOfficeTheme';
import { usePlaygroundHost } from './hooks/usePlaygroundHost';
import { useSettings } from './hooks/useSettings';
import { useWorkbookInfo } from './hooks/useWorkbookInfo';
import { languageOfHeaders } from './languageOfHeaders';
import { MessagesContext } from './i18n/MessagesContext';
import type { PaneEnvironment } from './PaneEnvironment';
import type { PaneHost } from './PaneHost';
import type { ComputeFactory } from './worker/createWorkerCompute';

const useStyles = makeStyles({
  // The page's full height and background sit on a box inside the provider, never on the provider itself:
  // Fluent copies the provider's classes onto every pop-up layer (dropdown lists, tooltips), so a
  // full-height background there covered the whole page with white and hid the options.
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
    marginLeft: 'auto',
    marginRight: 'auto',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalS,
  },
  titles: { display: 'flex', flexDirection: 'column' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** What the startup hands the pane. */
export interface AppProps {
  environment: PaneEnvironment;
  /** Inside Excel: the open workbook. */
  host?: PaneHost;
  /** As a plain page: turns the file the user opens into a host. */
  openFile?: (file: File) => Promise<PaneHost>;
  /** As a plain page: the sample workbook in a language, as a file to open. */
  sampleFile?: (language: Language) => Promise<File>;
  /** Runs the engine in a Web Worker; omitted = on the pane's thread. */
  computeFactory?: ComputeFactory;
}

/**
 * The task pane: inside Excel it works on the open workbook; as a plain page (the playground) on a file
 * the user opens. Theme and language follow Office; the language can be switched.
 */
export function App(props: AppProps) {
  const styles = useStyles();
  const { language, t, setLanguage } = useLanguage(props.environment.displayLanguage);
  const { theme } = useOfficeTheme(props.environment);
  return (
    <FluentProvider theme={theme} lang={language}>
      <MessagesContext.Provider value={t}>
        <div className={styles.page}>
          <main className={styles.main}>
            <header className={styles.header}>
              <div className={styles.titles}>
                <Text as="h1" size={400} weight="semibold">
                  {t.appTitle}
                </Text>
                <Caption1>{t.appSubtitle}</Caption1>
              </div>
              <LanguageSwitch language={language} onChange={setLanguage} />
            </header>
            <FirstRunNotice />
            {props.environment.mode === 'excel' ? (
              props.host !== undefined && (
                <WorkbookPane host={props.host} uiLanguage={language} computeFactory={props.computeFactory} />
              )
            ) : (
              <Playground
                openFile={props.openFile}
                sampleFile={props.sampleFile}
                uiLanguage={language}
                computeFactory={props.computeFactory}
              />
            )}
          </main>
        </div>
      </MessagesContext.Provider>
    </FluentProvider>
  );
}

function Playground(props: {
  openFile: ((file: File) => Promise<PaneHost>) | undefined;
  sampleFile: ((language: Language) => Promise<File>) | undefined;
  uiLanguage: Language;
  computeFactory: ComputeFactory | undefined;
}) {
  const t = useMessages();
  const playground = usePlaygroundHost(props.openFile, props.sampleFile);
  const status =
    playground.fileName === null
      ? null
      : playground.status === 'opening'
        ? t.readingFile(playground.fileName)
        : playground.status === 'open'
          ? t.openedFile(playground.fileName)
          : null;
  const fileError = playground.status === 'error' ? describeError(playground.error, t, 'file') : null;
  // Once a file is open the opener shrinks to one line and the sample data moves to the end, so Analyse
  // is in view in a narrow task pane.
  const fileOpen = playground.host !== null && playground.status === 'open';
  const sample = props.sampleFile !== undefined && (
    <SampleDataPanel
      uiLanguage={props.uiLanguage}
      busy={playground.status === 'opening'}
      onInsert={(language) => void playground.openSample(language)}
    />
  );
  return (
    <>
      <FileOpener
        onFile={(file) => void playground.open(file)}
        busy={playground.status === 'opening'}
        status={status}
        compact={fileOpen}
      />
      {!fileOpen && sample}
      {fileError !== null && <ErrorBar error={fileError} />}
      {playground.host !== null && (
        <WorkbookPane
          key={playground.generation}
          host={playground.host}
          uiLanguage={props.uiLanguage}
          computeFactory={props.computeFactory}
        />
      )}
      {fileOpen && sample}
    </>
  );
}

function WorkbookPane(props: {
  host: PaneHost;
  uiLanguage: Language;
  computeFactory: ComputeFactory | undefined;
}) {
  const t = useMessages();
  const styles = useStyles();
  const { host } = props;
  const workbook = useWorkbookInfo(host);
  const headersLanguage = useMemo(
    () => (workbook.info === null ? null : languageOfHeaders(workbook.info.tables)),
    [workbook.info],
  );
  const { settings, update, changeCount } = useSettings(
    workbook.info?.savedSettings ?? null,
    props.uiLanguage,
    headersLanguage,
  );
  const analysis = useAnalysis(host, props.computeFactory);
  const actions = useHostActions(host, async () => {
    analysis.reset();
    await workbook.refresh();
  });
  const [autoRerun, setAutoRerun] = useState(true);
  const running = analysis.state.status === 'running';
  useAutoRerun(autoRerun && analysis.state.outcome !== null, changeCount, () => {
    void analysis.run(settings);
  });

  const detection = useMemo((): { chosen: ChosenTables | null; error: unknown } => {
    if (workbook.info === null) return { chosen: null, error: null };
    try {
      return { chosen: chooseTables(workbook.info.tables, settings.mappingOverrides), error: null };
    } catch (error) {
      return { chosen: null, error };
    }
  }, [workbook.info, settings.mappingOverrides]);

  const remap = (kind: TableKind, field: FieldKey, column: number): void => {
    const current: ColumnMapping = settings.mappingOverrides[kind] ?? {};
    update({ mappingOverrides: { ...settings.mappingOverrides, [kind]: { ...current, [field]: column } } });
  };

  const detectionError = detection.error === null ? null : describeError(detection.error, t);
  const analysisError = analysis.state.status === 'error' ? describeError(analysis.state.error, t) : null;
  const inspectError = workbook.status === 'error' ? describeError(workbook.error, t) : null;
  const actionError = actions.error === null ? null : describeError(actions.error, t);
  const outcome = analysis.state.outcome;
  // After Analyse (not after a live re-run, which keeps the user at the control they changed) the results
  // scroll into view and take the focus.
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  useEffect(() => {
    if (outcome === null || !focusResults.current) return;
    focusResults.current = false;
    const heading = resultsHeading.current;
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [outcome]);
  const settingsPanel = (parts?: readonly SettingsPart[]) => (
    <SettingsPanel
      settings={settings}
      onChange={update}
      thresholdsUsed={outcome?.run.result.svcdThresholds ?? null}
      autoRerun={autoRerun}
      onAutoRerunChange={setAutoRerun}
      {...(parts === undefined ? {} : { parts })}
    />
  );
  const notice =
    actions.notice === 'sampleInserted'
      ? t.sampleInserted
      : actions.notice === 'undone'
        ? t.undone
        : actions.notice === 'nothingToUndo'
          ? t.nothingToUndo
          : null;

  return (
    <>
      {actions.insertSample !== undefined && (
        <SampleDataPanel
          uiLanguage={props.uiLanguage}
          busy={actions.busy || running}
          onInsert={(language) => void actions.insertSample?.(language)}
        />
      )}
      {notice !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {actionError !== null && <ErrorBar error={actionError} onDismiss={actions.clearError} />}
      {inspectError !== null && <ErrorBar error={inspectError} />}
      {workbook.status === 'loading' && workbook.info === null && (
        <Spinner size="tiny" label={t.loadingWorkbook} />
      )}
      {workbook.info !== null && (
        <DetectedTables
          tables={workbook.info.tables}
          chosen={detection.chosen}
          error={detectionError}
          onRemap={remap}
          onRefresh={() => void workbook.refresh()}
          busy={running || workbook.status === 'loading'}
        />
      )}
      <AnalyzeButton
        state={analysis.state}
        disabled={detection.chosen === null || actions.busy}
        onAnalyze={() => {
          focusResults.current = true;
          void analysis.run(settings);
        }}
        onCancel={analysis.cancel}
      />
      {analysisError !== null && <ErrorBar error={analysisError} />}
      {outcome !== null && (
        <ResultsPanel
          outcome={outcome}
          language={outcome.run.result.settings.language}
          busy={actions.busy || running}
          headingRef={resultsHeading}
          settingsFor={(part) => (part === 'output' ? null : settingsPanel([part]))}
          {...(host.download === undefined
            ? {}
            : {
                actions: (
                  <div className={styles.section}>
                    <Button
                      appearance="primary"
                      onClick={() => void actions.download?.(outcome.run.result.settings.language)}
                      disabled={actions.busy || running}
                    >
                      {t.downloadResult}
                    </Button>
                    <Caption1>{t.downloadHint}</Caption1>
                  </div>
                ),
              })}
          {...(actions.openSheet === undefined
            ? {}
            : { onOpenSheet: (name: string) => void actions.openSheet?.(name) })}
          {...(actions.undo === undefined ? {} : { onUndo: () => void actions.undo?.() })}
        />
      )}
      <Divider />
      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader as="h2">{t.settingsTitle}</AccordionHeader>
          <AccordionPanel>{settingsPanel(outcome === null ? undefined : ['output'])}</AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
