/* global self */
'use strict';
// core-js's way to the global object, without its last resort Function('return this'): the pages'
// Content-Security-Policy refuses that, and every webview the add-in runs in has `self`.
module.exports = typeof globalThis === 'object' && globalThis && globalThis.Math === Math ? globalThis : self;
