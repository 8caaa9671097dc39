/** What a SuperOffice routes module is handed: the tenant's state and the few facts about the simulator it needs. */
import type { OAuthState, SuperOfficeState } from './state';
import type { WebhookSender } from './webhookDelivery';

export interface SuperOfficeContext {
	readonly tenant: string;
	readonly state: SuperOfficeState;
	/** The user name every accepted credential belongs to. */
	readonly username: string;
	readonly oauth: OAuthState;
	readonly webhooks: WebhookSender;
	/** The tenant's WebAPI base URL without the trailing slash; known once the server listens. */
	webApiUrl(): string;
	/** The login host's origin (the OAuth2 issuer); known once the server listens. */
	loginUrl(): string;
}
