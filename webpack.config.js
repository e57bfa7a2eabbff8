// Builds the task pane (Excel add-in and the playground page: the same files) into dist/web.
// `webpack --mode production` for the release; `webpack serve` for the add-in on https://localhost:3000.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');

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
      path: path.resolve(__dirname, 'dist/web'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
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
        officeJs: true,
      }),
      // The playground page: the same pane without Office.js, which outside Office only tries to reach
      // Microsoft's telemetry.
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        officeJs: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          ...officeJsFiles.map((pattern) => ({
            from: pattern,
            context: officeJsDist,
            to: 'office-js/',
            globOptions: { ignore: ['**/*.debug.js'] },
            noErrorOnMissing: true,
          })),
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          { from: 'src/taskpane/help.html', to: 'help.html' },
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

// The add-in must be served over https; office-addin-dev-certs creates and trusts a localhost certificate.
async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch {
    return 'https';
  }
}
