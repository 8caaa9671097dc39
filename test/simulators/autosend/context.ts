/** What an AutoSend routes module is handed: the project's state and the options that change how strict it is. */
import type { AutoSendState, NewId } from './state';
import type { WebhookSender } from './webhookDelivery';

export interface AutoSendContext {
	readonly state: AutoSendState;
	readonly newId: NewId;
	readonly webhooks: WebhookSender;
	/** Cap on emails/contactIds per list, contact-search and suppress request; the docs give none. */
	readonly maxValuesPerRequest?: number;
	/** The array GET /contact-lists answers with: `lists` or `contacts` (the docs show both). */
	readonly listsKey: 'lists' | 'contacts';
	/** Whether DELETE /webhooks/{id} exists (unverified in AutoSend's docs). */
	readonly supportsWebhookDelete: boolean;
}
