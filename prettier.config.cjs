// Formatting, checked in CI (`npm run format:check`); `npm run format` applies it.
module.exports = {
  printWidth: 140,
  singleQuote: true,
  endOfLine: 'lf',
  overrides: [
    // WPS's local publishing page runs its script in whatever browser opens it: ES5, so no trailing
    // commas in calls (test/wps/package.test.ts parses it as ES5).
    { files: 'src/wps/addin/publish.html', options: { trailingComma: 'es5' } },
  ],
};
