// Builds the WPS 表格 add-in into dist/wps/ (docs/wps.md):
//   index.html, main.js (the ribbon's callbacks), ribbon.xml, manifest.xml, images/  — the add-in
//   publish.html       — installs it through WPS's local add-in service (online mode)
//   jsplugins.xml      — the same add-in for an enterprise jsplugins.xml (online mode)
//   offline/           — jixiao-ziping_<version>/ and its jsplugins.xml, to copy into jsaddons
// WPS_ADDIN_URL=https://host/path/ is where dist/wps/ will be served (default: a local server).
// Scripts are ES2018 (the engine's regular expressions use lookbehind): WPS runs add-ins in an
// embedded Chromium of its own, older than current ones (docs/wps.md).
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');

const NAME = 'jixiao-ziping';
const OUT = path.resolve(__dirname, 'dist', 'wps');
const OFFLINE = `${NAME}_${version}`;

function addinUrl() {
  const url = process.env.WPS_ADDIN_URL || 'http://127.0.0.1:3889/';
  return url.endsWith('/') ? url : `${url}/`;
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** After the build: publish.html and jsplugins.xml for this address, and the offline copy. */
class WpsPackage {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('WpsPackage', () => {
      const url = addinUrl();
      const addin = { name: NAME, addonType: 'et', online: 'true', url, version };
      const publish = fs.readFileSync(path.resolve(__dirname, 'src/wps/addin/publish.html'), 'utf8');
      fs.writeFileSync(path.join(OUT, 'publish.html'), publish.replace('__ADDIN__', JSON.stringify(addin).replace(/</g, '\\u003c')));
      fs.writeFileSync(
        path.join(OUT, 'jsplugins.xml'),
        `<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${escapeXml(url)}"/>\n</jsplugins>\n`,
      );
      const offline = path.join(OUT, 'offline');
      fs.rmSync(offline, { recursive: true, force: true });
      fs.mkdirSync(path.join(offline, OFFLINE), { recursive: true });
      for (const file of ['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'images']) {
        fs.cpSync(path.join(OUT, file), path.join(offline, OFFLINE, file), { recursive: true });
      }
      fs.writeFileSync(
        path.join(offline, 'jsplugins.xml'),
        `<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${OFFLINE}" version="${version}"/>\n</jsplugins>\n`,
      );
    });
  }
}

module.exports = (_env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  devtool: false,
  target: ['web', 'es2018'],
  entry: { main: './src/wps/ribbon.ts' },
  output: { path: OUT, filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { target: 'es2018' } } },
      },
    ],
  },
  plugins: [
    new CopyWebpackPlugin({
      patterns: [
        { from: 'src/wps/addin/index.html', to: 'index.html' },
        { from: 'src/wps/addin/ribbon.xml', to: 'ribbon.xml' },
        { from: 'src/wps/addin/manifest.xml', to: 'manifest.xml' },
        { from: 'assets/icons/*-32.png', to: 'images/[name][ext]' },
      ],
    }),
    new WpsPackage(),
  ],
  performance: { hints: false },
});
