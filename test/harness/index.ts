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
export { OAuth2ApiStandIn, connectOAuth2, DEFAULT_REDIRECT_URI } from './oauth2';
export type { ConnectedOAuth2 } from './oauth2';
export type { ActiveTrigger, StartTriggerOptions, WebhookCall } from './webhooks';
