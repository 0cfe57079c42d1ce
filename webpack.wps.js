// Builds the WPS 表格 add-in into dist/wps/ (docs/wps.md):
//   index.html, main.js (the ribbon's callbacks), ribbon.xml, manifest.xml, images/  — the add-in
//   taskpane.html, taskpane.js, taskpane.css — the task pane, from the pane's own entry: the page
//                      finds WPS's object model and opens the WPS door (src/taskpane/door-choice.ts)
//   publish.html       — installs it through WPS's local add-in service (online mode)
//   jsplugins.xml      — the same add-in for an enterprise jsplugins.xml (online mode)
//   offline/           — jixiao-ziping_<version>/ to copy into jsaddons, with its entry for that
//                        folder's publish.xml (as wpsjs's offline package writes it) or jsplugins.xml
// WPS_ADDIN_URL=https://host/path/ is where dist/wps/ will be served (default: a local server).
// Scripts are ES2018: WPS runs add-ins in an embedded Chromium of its own, older than current ones
// (docs/wps.md).
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { version } = require('./package.json');
const { OFFICE_JS, CSP_META } = require('./webpack.demo.js');

const NAME = 'jixiao-ziping';
const OFFLINE = `${NAME}_${version}`;
const SERVED_ONLY = new Set(['publish.html', 'jsplugins.xml', 'offline']);

/**
 * The pane's policy in WPS: nothing from elsewhere, no eval. `file:` beside 'self' for the offline copy,
 * which WPS opens from the jsaddons folder, where 'self' may not match other files.
 */
const CSP = [
  "default-src 'self' file:",
  "script-src 'self' file:",
  "style-src 'self' file:",
  "img-src 'self' file: data: blob:",
  "font-src 'self' file: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function addinUrl() {
  const url = process.env.WPS_ADDIN_URL || 'http://127.0.0.1:3889/';
  return url.endsWith('/') ? url : `${url}/`;
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The pane's page for WPS: no office.js (WPS does not run it, and offices may not reach Microsoft), WPS's policy. */
function paneHtml() {
  const html = fs.readFileSync(path.resolve(__dirname, 'src/taskpane/taskpane.html'), 'utf8');
  return html.replace(OFFICE_JS, '').replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
}

/** After the build: publish.html and jsplugins.xml for this address, and the offline copy. */
class WpsPackage {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap('WpsPackage', () => {
      const out = compiler.outputPath;
      const addin = { name: NAME, addonType: 'et', online: 'true', url: this.url, version };
      const publish = fs.readFileSync(path.resolve(__dirname, 'src/wps/addin/publish.html'), 'utf8');
      fs.writeFileSync(path.join(out, 'publish.html'), publish.replace('__ADDIN__', JSON.stringify(addin).replace(/</g, '\\u003c')));
      fs.writeFileSync(
        path.join(out, 'jsplugins.xml'),
        `<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${escapeXml(this.url)}"/>\n</jsplugins>\n`,
      );
      const offline = path.join(out, 'offline');
      fs.rmSync(offline, { recursive: true, force: true });
      fs.mkdirSync(path.join(offline, OFFLINE), { recursive: true });
      for (const file of fs.readdirSync(out)) {
        if (!SERVED_ONLY.has(file)) fs.cpSync(path.join(out, file), path.join(offline, OFFLINE, file), { recursive: true });
      }
      fs.writeFileSync(
        path.join(offline, 'jsplugins.xml'),
        `<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${OFFLINE}" version="${version}"/>\n</jsplugins>\n`,
      );
      // The entry wpsjs 2.2.3's offline package adds to jsaddons/publish.xml (src/lib/build.js, CreatePublishXml).
      fs.writeFileSync(
        path.join(offline, 'publish.xml'),
        `<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${OFFLINE}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`,
      );
    });
  }
}

/** The WPS add-in, built into `outputPath` (dist/wps by default) for the address `url`. */
function wpsConfig({ production = true, outputPath = path.resolve(__dirname, 'dist', 'wps'), url = addinUrl() } = {}) {
  return {
    mode: production ? 'production' : 'development',
    devtool: false,
    target: ['web', 'es2018'],
    entry: { main: './src/wps/ribbon.ts', taskpane: './src/taskpane/taskpane.ts' },
    output: { path: outputPath, filename: '[name].js', chunkFilename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // ES modules for webpack, so that `import()` becomes a chunk loaded on demand (the report renderer).
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { target: 'es2018', module: 'esnext' } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', templateContent: paneHtml(), chunks: ['taskpane'], minify: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/addin/index.html', to: 'index.html' },
          { from: 'src/wps/addin/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/wps/addin/manifest.xml', to: 'manifest.xml' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'assets/icons/*-32.png', to: 'images/[name][ext]' },
        ],
      }),
      new WpsPackage(url),
    ],
    performance: { hints: false },
  };
}

module.exports = (_env = {}, argv = {}) => wpsConfig({ production: (argv.mode || 'production') === 'production' });
module.exports.wpsConfig = wpsConfig;
