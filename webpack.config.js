// Builds the task pane (Excel add-in and the playground page: the same files).
// - `webpack --mode production` is the release, into dist/web: the add-in page loads Office.js from
//   Microsoft's CDN, as the Office store requires (validation policy 1120.1).
// - `webpack --mode production --env officeJs=packaged` is the same pane with Office.js from the
//   @microsoft/office-js package, into dist/web-local: the offline playground and the tests use it.
// - `webpack serve --mode development` serves the add-in on https://localhost:3000 with the packaged copy.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const { sideloadTool, installHint } = require('./scripts/sideloadTools.cjs');

/** Office.js on Microsoft's CDN: the one address the store accepts for it. */
const officeJsCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const officeJsDist = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');

// Office.js loads its host-specific script and locale strings from the folder office.js came from, so we
// ship the files a task pane in Excel can ask for (release builds only, never the .debug.js twins).
const officeJsFiles = [
  'office.js',
  'excel-*.js',
  'excelwebapp-*.js',
  'excelios-*.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  '*/office_strings.js',
  'telemetry/oteljs_agave.js',
];

/** @returns {Promise<import('webpack').Configuration>} */
module.exports = async (env, argv) => {
  const production = argv.mode !== 'development';
  const officeJs = env.officeJs ?? (production ? 'cdn' : 'packaged');
  if (officeJs !== 'cdn' && officeJs !== 'packaged')
    throw new Error(`--env officeJs=${officeJs}: cdn or packaged`);
  const officeJsSrc = officeJs === 'cdn' ? officeJsCdn : 'office-js/office.js';
  return {
    mode: production ? 'production' : 'development',
    target: 'web',
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      analysisWorker: './src/taskpane/worker/analysisWorker.ts',
      fileWorker: './src/taskpane/worker/fileWorker.ts',
    },
    output: {
      path: path.resolve(__dirname, production && officeJs === 'packaged' ? 'dist/web-local' : 'dist/web'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
      // Write every file on every build, changed or not: the tests tell a current build by its files' times.
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // exceljs's "browser" field points at its self-contained browser build; keep Node-only modules out.
      mainFields: ['browser', 'module', 'main'],
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false, zlib: false },
    },
    module: {
      // exceljs and jszip ship self-contained, already minified browser builds: neither parse nor minify them
      // again (it is most of the build time on a small machine).
      noParse: /(exceljs[\\/]dist[\\/]exceljs|jszip[\\/]dist[\\/]jszip)\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        officeJsSrc,
        officeJsOrigin: officeJs === 'cdn' ? new URL(officeJsCdn).origin : undefined,
      }),
      // The playground page: the same pane without Office.js, which outside Office only tries to reach
      // Microsoft's telemetry.
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          ...(officeJs === 'cdn' ? [] : officeJsFiles).map((pattern) => ({
            from: pattern,
            context: officeJsDist,
            to: 'office-js/',
            globOptions: { ignore: ['**/*.debug.js'] },
            noErrorOnMissing: true,
            // Microsoft's files as published: already minified, not minified again (and faster to build).
            info: { minimized: true },
          })),
          { from: 'assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/*.mjs'] } },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          // The manifest to submit to the store: every https://localhost:3000 address replaced by where
          // dist/web is hosted (`--env addinUrl=https://…`). Only the release, and only when it is given.
          ...(production && officeJs === 'cdn' && env.addinUrl !== undefined
            ? [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: (content) => releaseManifest(content, env.addinUrl),
                },
              ]
            : []),
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: {
            test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            enforce: true,
          },
        },
      },
      minimizer: [new MinimizerPlugin({ exclude: /^exceljs\./ })],
    },
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist/web') },
      port: 3000,
      // Certificates only when serving the add-in in development: a build must not touch the trust store.
      server: env.WEBPACK_SERVE && !production ? await httpsOptions() : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: false },
    },
  };
};

/** manifest.xml with the development server's address replaced by the add-in's https home. */
function releaseManifest(content, addinUrl) {
  const home = String(addinUrl).replace(/\/+$/u, '');
  if (!/^https:\/\/[^/\s"<>]+(\/[^\s"<>]*)?$/u.test(home)) {
    throw new Error(`--env addinUrl=${addinUrl}: an https:// address where dist/web is served`);
  }
  return content
    .toString()
    .replaceAll(
      '<AppDomain>https://localhost:3000</AppDomain>',
      `<AppDomain>${new URL(home).origin}</AppDomain>`,
    )
    .replaceAll('https://localhost:3000', home);
}

// The add-in must be served over https; office-addin-dev-certs (from tools/sideload) creates and trusts a
// localhost certificate. Without it webpack-dev-server's own certificate is used, which Excel does not trust.
async function httpsOptions() {
  const tool = sideloadTool('office-addin-dev-certs');
  if (tool === undefined) {
    console.warn(installHint('office-addin-dev-certs', 'A trusted localhost certificate'));
    return 'https';
  }
  try {
    const devCerts = require(tool);
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    console.warn(`office-addin-dev-certs could not make a certificate: ${String(error)}`);
    return 'https';
  }
}
