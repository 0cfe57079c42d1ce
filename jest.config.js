// Two runs: `unit` (engine, doors, CLI, pane logic; plain Node) and `browser` (the demo driven in
// Chrome, Chromium or Edge). `npm test` runs both; `npm run test:unit` / `npm run test:browser` one.
// Type checking is `npm run typecheck` (tsc); tests only transpile, which keeps them fast.
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
  // A global setting: jest ignores it inside a project.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
    },
    { ...shared, displayName: 'browser', roots: ['<rootDir>/test/browser'], testMatch: ['**/*.test.ts'] },
  ],
};
