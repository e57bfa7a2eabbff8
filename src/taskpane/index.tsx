import { createRoot } from 'react-dom/client';
import { App, type AppProps } from './App';
import type { PaneEnvironment } from './PaneEnvironment';
import { themeKindFromColors } from './themeKindFromColors';
import { createWorkerCompute } from './worker/createWorkerCompute';

// The only startup. Inside Excel the pane works on the open workbook through the Excel host; opened as a
// plain page (no Office host) it is the playground working on files. Hosts load on demand so the add-in
// never downloads the file library and the playground never needs Excel.

/** How long to wait for Office.js before treating the page as a plain web page. */
const officeReadyTimeoutMs = 4000;

const workerUrl = 'analysisWorker.js';
const fileWorkerUrl = 'fileWorker.js';

function forcedColors(): boolean {
  return window.matchMedia('(forced-colors: active)').matches;
}

function watchMedia(queries: readonly string[], listener: () => void): () => void {
  const lists = queries.map((query) => window.matchMedia(query));
  for (const list of lists) list.addEventListener('change', listener);
  return () => {
    for (const list of lists) list.removeEventListener('change', listener);
  };
}

function excelEnvironment(): PaneEnvironment {
  const officeTheme = (): Office.OfficeTheme | undefined =>
    (Office.context as Partial<Office.Context>).officeTheme;
  return {
    mode: 'excel',
    displayLanguage: Office.context.displayLanguage || null,
    theme: () => themeKindFromColors(officeTheme()?.bodyBackgroundColor, forcedColors()),
    onThemeChange: (listener) => {
      // Excel has no theme-changed event for task panes: check Office's theme now and then.
      const timer = setInterval(listener, 3000);
      const stop = watchMedia(['(forced-colors: active)'], listener);
      return () => {
        clearInterval(timer);
        stop();
      };
    },
  };
}

function pageEnvironment(): PaneEnvironment {
  return {
    mode: 'playground',
    displayLanguage: navigator.language || null,
    theme: () =>
      themeKindFromColors(
        window.matchMedia('(prefers-color-scheme: dark)').matches ? '#000000' : '#ffffff',
        forcedColors(),
      ),
    onThemeChange: (listener) =>
      watchMedia(['(prefers-color-scheme: dark)', '(forced-colors: active)'], listener),
  };
}

async function officeHost(): Promise<Office.HostType | null> {
  if (typeof Office === 'undefined') return null;
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => {
      resolve(null);
    }, officeReadyTimeoutMs),
  );
  const ready = Office.onReady().then((info) => info.host);
  return Promise.race([ready, timeout]);
}

async function start(): Promise<void> {
  const element = document.getElementById('root');
  if (element === null) return;
  const root = createRoot(element);
  const computeFactory = typeof Worker === 'undefined' ? undefined : createWorkerCompute(workerUrl);
  const host = await officeHost();
  let props: AppProps;
  if (host !== null && host === Office.HostType.Excel) {
    const { createExcelPaneHost } = await import('./createExcelPaneHost');
    props = { environment: excelEnvironment(), host: createExcelPaneHost(), computeFactory };
  } else {
    // Files are parsed and written in a worker so the page never freezes; without workers, on this thread.
    const files =
      typeof Worker === 'undefined'
        ? await Promise.all([import('./openPlaygroundFile'), import('./openPlaygroundSample')]).then(
            ([{ openPlaygroundFile }, { openPlaygroundSample }]) => ({
              openFile: openPlaygroundFile,
              sampleFile: openPlaygroundSample,
            }),
          )
        : (await import('./worker/createFileWorkerOpener')).createFileWorkerOpener(fileWorkerUrl);
    props = {
      environment: pageEnvironment(),
      openFile: files.openFile,
      sampleFile: files.sampleFile,
      computeFactory,
    };
  }
  root.render(<App {...props} />);
}

void start();
