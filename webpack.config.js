// Builds the add-in into dist/: taskpane.html + taskpane.js, commands.html + commands.js, the
// icons under assets/ and a copy of manifest.xml. Modelled on Office-Addin-TaskPane's config.
// `webpack serve` adds https://localhost:3000 with office-addin-dev-certs; a build needs neither
// the certificates nor the network. ADDIN_URL=https://host/path/ rewrites the manifest's URLs
// for a production copy.
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;

async function httpsOptions() {
  // Required here only: a plain build must not create or read certificates.
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = process.env.ADDIN_URL || DEV_URL;

  const config = {
    // Never an eval-based source map: the pages' Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // dist/node (the command) and dist/demo are other builds' output.
      clean: { keep: /^(node|demo|wps)\// },
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only needs the JavaScript.
          // ES modules for webpack, so that `import()` becomes a chunk loaded on demand (the report renderer).
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext' } } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // Unminified, so the office.js <script> tag stays as written (the demo swaps it).
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          // The help page (SupportUrl, and the pane's 帮助 link): usage, the colours, reporting a problem.
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'assets/icons/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              return production && addinUrl !== DEV_URL ? content.toString().split(DEV_URL).join(addinUrl) : content;
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
  };

  if (serving) {
    config.devServer = {
      // Icons must not carry Cache-Control, or Office shows a default icon (manifest resources docs).
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions() },
      port: PORT,
      static: false,
      hot: false,
    };
  }

  return config;
};
