/** Jest runs the TypeScript tests in test/ through ts-jest; see test/harness for how nodes are executed. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	setupFiles: ['<rootDir>/test/harness/setup-env.ts'],
	testTimeout: 30000,
};
