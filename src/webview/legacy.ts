// First in every legacy (ES5) bundle, for Internet Explorer 11, the webview of volume-licensed
// Office 2016 and 2019. Babel adds the core-js polyfills the code uses; this adds what core-js does
// not have: String.prototype.normalize, which the engine needs for NFKC (full-width digits, （万元）).
// unorm installs it only where it is missing.
import 'unorm';
