// The browser demo: the real task pane (built by the add-in's own webpack.config.js, with
// office.js swapped for a stub that connects it to the page's in-memory workbook) next to a
// sheet grid. Everything lands in dist/demo and runs offline.
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

const root = __dirname;
const out = path.join(root, 'dist', 'demo');
const OFFICE_JS = /<script\b[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/[^>]*>\s*<\/script>/gi;
const CSP_META = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi;

// The same policy src/demo/server/serve.ts sends as a header.
const CSP = require('./src/demo/csp.json').join('; ');

/** Rewrites the pane's HTML once html-webpack-plugin has emitted it: office.js → the stub, our CSP. */
class PaneForDemoPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PaneForDemoPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PaneForDemoPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith('.html')) continue;
            const html = assets[name].source().toString();
            const replaced = html
              .replace(CSP_META, '')
              .replace(OFFICE_JS, '<script src="../office-stub.js"></script>')
              .replace(/<meta\s+charset=[^>]*>/i, (charset) => `${charset}<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
            compilation.updateAsset(name, new webpack.sources.RawSource(replaced));
          }
        },
      );
    });
  }
}

const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: { configFile: path.join(root, 'tsconfig.json'), onlyCompileBundledFiles: true, transpileOnly: true },
  },
};

function demoConfig(mode) {
  return {
    name: 'demo',
    mode,
    target: 'web',
    devtool: 'source-map',
    context: root,
    entry: { demo: './src/demo/main.ts', 'office-stub': './src/demo/office-stub.ts' },
    output: { path: out, filename: '[name].js', clean: { keep: /^pane\// } },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule] },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/demo/index.html',
        filename: 'index.html',
        chunks: ['demo'],
        scriptLoading: 'defer',
        templateParameters: { csp: CSP },
      }),
      new CopyPlugin({
        patterns: [
          { from: 'src/demo/demo.css', to: 'demo.css' },
          { from: 'assets/samples/*.xlsx', to: 'samples/[name][ext]', noErrorOnMissing: true },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

/**
 * The add-in's own two bundles (webpack.config.js), reduced to the task pane, pointed at
 * dist/demo/pane, office.js swapped: the demo's pane is the one Excel loads.
 */
function paneConfigs(mode) {
  const { bundle } = require(path.join(root, 'webpack.config.js'));
  const options = { production: mode === 'production', pages: ['taskpane'], outputPath: path.join(out, 'pane') };
  const modern = bundle('modern', options);
  return [bundle('legacy', options), { ...modern, plugins: [...modern.plugins, new PaneForDemoPlugin()] }];
}

module.exports = async (_env = {}, argv = {}) => {
  const mode = argv.mode ?? 'production';
  return [demoConfig(mode), ...paneConfigs(mode)];
};

// The WPS build swaps the same tags in the same page (webpack.wps.js).
module.exports.OFFICE_JS = OFFICE_JS;
module.exports.CSP_META = CSP_META;
