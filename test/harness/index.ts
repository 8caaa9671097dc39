export { createHarness, shutdownHarness } from './harness';
export type {
	Harness,
	HarnessOptions,
	ListSearchOptions,
	LoadOptionsOptions,
	RunNodeOptions,
	RunNodeResult,
} from './harness';
export { HarnessCredentialsHelper } from './credentials-helper';
