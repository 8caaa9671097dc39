/**
 * End-to-end suites, run by scripts/e2e/run.ts (`npm run test:e2e`, `npm run test:ui`), not by `npm test`:
 * test/e2e/*.e2e.ts run workflows in a real n8n (*.queue.e2e.ts: the same suites in queue mode, with main,
 * two workers, Redis and PostgreSQL); test/e2e/ui/*.ui.ts drive its editor in Chromium.
 * One file at a time (--runInBand): every n8n command starts a task broker and opens the same SQLite file,
 * and on 2 cores a queue-mode stack (three n8n processes) beside another file's would slow both.
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
