// Builds the add-in into dist/: taskpane.html, commands.html and help.html, their scripts, the
// icons under assets/ and a copy of manifest.xml. Modelled on Office-Addin-TaskPane's config
// (Babel with preset-env and core-js), in two bundles a page loads side by side:
// - modern (`<script type="module">`, [name].js): WebView2, WKWebView, browsers, and the old Edge
//   webview (EdgeHTML 16–18, which runs modules but no ES2018), so compiled for ES modules' browsers;
// - legacy (`<script nomodule>`, [name].es5.js): Internet Explorer 11 (Trident), which volume-
//   licensed Office 2016 and 2019 use: ES5, with core-js and a String.prototype.normalize.
// Each webview runs exactly one of them. `webpack serve` adds https://localhost:3000 with
// office-addin-dev-certs; a build needs neither the certificates nor the network.
// ADDIN_URL=https://host/path/ rewrites the manifest's URLs (and its AppDomain) for a production copy.
const path = require('path');
const { URL } = require('url');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;
const CORE_JS = require('core-js/package.json').version;

/** The two bundles: what they are compiled for and what they are called. */
const TARGETS = {
  modern: { babel: ['edge 18', 'chrome 87', 'safari 14', 'firefox 78'], webpack: ['web', 'es2015'], suffix: '' },
  legacy: { babel: 'ie 11', webpack: ['web', 'es5'], suffix: '.es5' },
};

/** The pages and the entry each loads; the legacy bundle puts the polyfills IE11 needs first. */
const PAGES = {
  taskpane: { template: './src/taskpane/taskpane.html', entry: './src/taskpane/taskpane.ts' },
  commands: { template: './src/commands/commands.html', entry: './src/commands/commands.ts' },
  help: { template: './src/help/help.html', entry: null },
};
const LEGACY_FIRST = './src/webview/legacy.ts';

async function httpsOptions() {
  // Required here only: a plain build must not create or read certificates.
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/** The manifest for `url`: every localhost URL, and the localhost origin of AppDomains, pointed there. */
function rewriteManifest(xml, url) {
  const origin = new URL(url).origin;
  return xml.split(DEV_URL).join(url).split(new URL(DEV_URL).origin).join(origin);
}

/**
 * core-js polyfills for what came after ES2022. TypeScript's lib (ES2022, tsconfig.json) does not
 * declare them, so typed code cannot call them; core-js adds them for any `.map` or `.find`, which
 * might be an iterator's, and they were a third of the modern bundle.
 */
const AFTER_ES2022 = [
  /^es\.iterator\./,
  /^es\.set\./,
  /^esnext\./,
  /^es\.(weak-)?map\.get-or-insert/,
  'es.json.parse',
  // ES2024's ArrayBuffer transfer and ES2026's Uint8Array base64, offered for any `.transfer` or
  // `.subarray`; they reach for Node's modules through `Function(…)`.
  /^es\.array-buffer\.(detached|transfer)/,
  /^es\.uint8-array\./,
];
/**
 * Web APIs every webview the add-in meets already has (atob/btoa since IE10, and the DOMException
 * they throw). core-js's versions look for Node's modules through `Function('return require(…)')`,
 * which the pages' CSP refuses.
 */
const IN_EVERY_WEBVIEW = ['web.atob', 'web.btoa', /^web\.dom-exception\./];

function babelOptions(target) {
  return {
    babelrc: false,
    configFile: false,
    presets: [
      [
        '@babel/preset-env',
        {
          targets: TARGETS[target].babel,
          useBuiltIns: 'usage',
          corejs: CORE_JS,
          bugfixes: true,
          exclude: [...AFTER_ES2022, ...IN_EVERY_WEBVIEW],
        },
      ],
    ],
  };
}

/** Adds the other bundle's script beside this one's: `<script nomodule>` for IE11. */
class LegacyScriptPlugin {
  constructor(names) {
    this.names = names;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('LegacyScriptPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('LegacyScriptPlugin', (data) => {
        const names = this.names[data.outputName] ?? [];
        for (const name of names) {
          data.headTags.push({
            tagName: 'script',
            voidTag: false,
            meta: { plugin: 'LegacyScriptPlugin' },
            attributes: { nomodule: true, defer: true, src: `${name}${TARGETS.legacy.suffix}.js` },
          });
        }
        return data;
      });
    });
  }
}

/** The pages and what they need beside their scripts: the stylesheets, the icons and the manifest. */
function pagePlugins(pages, { production, addinUrl }) {
  const scripted = pages.filter((p) => PAGES[p].entry !== null);
  const copies = [
    ...(pages.includes('taskpane') ? [{ from: 'src/taskpane/taskpane.css', to: 'taskpane.css' }] : []),
    ...(pages.includes('help') ? [{ from: 'src/help/help.css', to: 'help.css' }] : []),
    { from: 'assets/icons/*.png', to: 'assets/[name][ext]' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform(content) {
        return production && addinUrl !== DEV_URL ? rewriteManifest(content.toString(), addinUrl) : content;
      },
    },
  ];
  return [
    ...pages.map(
      (p) =>
        new HtmlWebpackPlugin({
          filename: `${p}.html`,
          template: PAGES[p].template,
          chunks: PAGES[p].entry === null ? [] : [p],
          scriptLoading: 'module',
          // Unminified, so the office.js <script> tag stays as written (the demo swaps it).
          minify: false,
        }),
    ),
    new LegacyScriptPlugin(Object.fromEntries(scripted.map((p) => [`${p}.html`, [p]]))),
    new CopyWebpackPlugin({ patterns: copies }),
  ];
}

/**
 * One bundle of the add-in. `pages` names the pages to build (all by default), `outputPath` where
 * (dist/ by default); the demo builds the task pane alone into its own folder with these. The
 * modern bundle also writes the pages, which load both.
 */
function bundle(
  target,
  { production, pages = Object.keys(PAGES), outputPath = path.resolve(__dirname, 'dist'), addinUrl = DEV_URL, clean = true },
) {
  const { suffix } = TARGETS[target];
  const modern = target === 'modern';
  const scripted = pages.filter((p) => PAGES[p].entry !== null);
  return {
    name: target,
    mode: production ? 'production' : 'development',
    target: TARGETS[target].webpack,
    // Never an eval-based source map: the pages' Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: Object.fromEntries(scripted.map((p) => [p, modern ? PAGES[p].entry : [LEGACY_FIRST, PAGES[p].entry]])),
    output: {
      path: outputPath,
      filename: `[name]${suffix}.js`,
      chunkFilename: `[name]${suffix}.js`,
      // dist/node (the command), dist/demo and dist/wps are other builds' output; the modern bundle
      // is written after the legacy one, which cleans.
      clean: clean && !modern ? { keep: /^(node|demo|wps)\// } : false,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [
            { loader: 'babel-loader', options: babelOptions(target) },
            // Type checking is `npm run typecheck`; ts-loader only strips the types. ES modules for
            // webpack, so that `import()` becomes a chunk loaded on demand (the report renderer).
            { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext' } } },
          ],
        },
        // Libraries are taken as they are: decimal.js is ES5, docx and fflate (the .docx renderer) ES2017.
      ],
    },
    plugins: [
      ...(modern ? pagePlugins(pages, { production, addinUrl }) : []),
      // IE11 cannot save a file from the pane, so it never asks for the .docx renderer (src/webview/no-docx.ts).
      ...(modern
        ? []
        : [new webpack.NormalModuleReplacementPlugin(/[\\/]report[\\/]docx$/, path.resolve(__dirname, 'src/webview/no-docx.ts'))]),
      new webpack.NormalModuleReplacementPlugin(
        /core-js[\\/]internals[\\/]global-this(\.js)?$/,
        path.resolve(__dirname, 'src/webview/global-this.js'),
      ),
    ],
    // No `global` shim from webpack: its fallback is `new Function`, which the pages' CSP refuses.
    node: { global: false },
    // The legacy bundle first: it cleans the folder the modern one then writes into.
    dependencies: modern ? ['legacy'] : [],
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const options = { production, addinUrl: process.env.ADDIN_URL || DEV_URL };
  const configs = [bundle('legacy', options), bundle('modern', options)];
  if (env.WEBPACK_SERVE) {
    configs[1].devServer = {
      // Icons must not carry Cache-Control, or Office shows a default icon (manifest resources docs).
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions() },
      port: PORT,
      static: false,
      hot: false,
    };
  }
  return configs;
};

module.exports.bundle = bundle;
module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
