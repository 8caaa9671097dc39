/**
 * End-to-end suites, run by scripts/e2e/run.ts (`npm run test:e2e`, `npm run test:ui`), not by `npm test`:
 * test/e2e/*.e2e.ts run workflows in a real n8n; test/e2e/ui/*.ui.ts drive its editor in Chromium.
 * One file at a time (--runInBand): every n8n command starts a task broker and opens the same SQLite file.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts', '**/*.ui.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	testTimeout: 300000,
	maxWorkers: 1,
	verbose: true,
};
