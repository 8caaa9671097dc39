/**
 * SuperOffice's side of a webhook: the registered webhooks, and the signed POSTs it sends them,
 * three attempts in one cycle with the same EventId (§5.5, §5.6), with the state changes
 * (Stopped on 410, TooManyErrors after nine failures) a receiver must cope with.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { sendDelivery, type DeliveryExchange } from '../common/delivery';
import { sleep } from '../common/httpSimulator';
import { PRINCIPAL } from './seed';
import type { SoWebhook } from './state';

/** One POST the simulator sent to a webhook's TargetUrl, and what came back. */
export interface SoDelivery extends DeliveryExchange {
	webhookId: number;
	event: string;
	eventId: string;
	attempt: number;
}

export interface SoEventInput {
	primaryKey: number;
	/** Default: the part of the event name before the first dot. */
	entity?: string;
	changes?: string[];
	fieldValues?: Record<string, unknown>;
	/** Delete events carry the removed row's ids here. */
	values?: Record<string, unknown>;
	changedByAssociateId?: number;
}

/** base64 HMAC-SHA256 of the raw body with the webhook's secret, as SuperOffice signs a delivery (§5.5). */
export function signSuperOfficePayload(secret: string, rawBody: string): string {
	return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

export class WebhookSender {
	readonly registered = new Map<number, SoWebhook>();
	readonly deliveries: SoDelivery[] = [];
	/** Waits between the three attempts of a delivery cycle; SuperOffice waits 1 s, then 4 s. */
	retryDelaysMs: number[] = [1000, 4000];

	constructor(private readonly tenant: string) {}

	/** Every Active webhook subscribed to the event gets a signed POST, retried within one cycle. */
	async fire(event: string, input: SoEventInput): Promise<SoDelivery[]> {
		const sent: SoDelivery[] = [];
		for (const webhook of this.registered.values()) {
			if (webhook.State !== 'Active' || !webhook.Events.includes(event)) continue;
			const payload = {
				EventId: randomUUID(),
				Timestamp: new Date().toISOString(),
				Changes: input.changes ?? [],
				Event: event,
				PrimaryKey: input.primaryKey,
				Entity: input.entity ?? event.split('.')[0],
				ContextIdentifier: this.tenant,
				ChangedByAssociateId: input.changedByAssociateId ?? PRINCIPAL.AssociateId,
				WebhookName: webhook.Name,
				...(input.values ? { Values: input.values } : { FieldValues: input.fieldValues ?? {} }),
			};
			sent.push(...(await this.deliverCycle(webhook, payload)));
		}
		return sent;
	}

	/** The event SuperOffice sends while saving a webhook; the save fails unless it gets 200 (§5.2). */
	async sendTest(webhook: SoWebhook): Promise<SoDelivery> {
		const payload = {
			EventId: randomUUID(),
			Timestamp: new Date().toISOString(),
			Changes: [],
			Event: 'test',
			PrimaryKey: 0,
			Entity: 'test',
			ContextIdentifier: 'Default',
			ChangedByAssociateId: 0,
			WebhookName: webhook.Name,
			FieldValues: {},
		};
		return await this.deliver(webhook, payload, 0);
	}

	private async deliverCycle(webhook: SoWebhook, payload: Record<string, unknown>): Promise<SoDelivery[]> {
		const sent: SoDelivery[] = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			const wait = attempt > 0 ? (this.retryDelaysMs[attempt - 1] ?? 0) : 0;
			if (wait > 0) await sleep(wait);
			const delivery = await this.deliver(webhook, payload, attempt);
			sent.push(delivery);
			webhook.TotalCalls += 1;
			if (delivery.status === 200) {
				webhook.ConsecutiveErrors = 0;
				return sent;
			}
			webhook.TotalErrors += 1;
			webhook.LastError = `HTTP ${delivery.status}: ${delivery.responseBody.slice(0, 200)}`;
			if (delivery.status === 410) {
				webhook.State = 'Stopped';
				return sent;
			}
		}
		webhook.ConsecutiveErrors += 3;
		if (webhook.ConsecutiveErrors >= 9) webhook.State = 'TooManyErrors';
		return sent;
	}

	private async deliver(webhook: SoWebhook, payload: Record<string, unknown>, attempt: number): Promise<SoDelivery> {
		const rawBody = JSON.stringify(payload);
		// Header-name casing as in SuperOffice's samples; receivers must read them case-insensitively.
		const headers: Record<string, string> = {
			'Content-Type': 'application/json; charset=utf-8',
			'User-Agent': 'NetServer-Webhook/11.1',
			'X-SuperOffice-Event': String(payload.Event),
			'X-Superoffice-Eventid': String(payload.EventId),
			'X-SuperOffice-Retry': String(attempt),
			...webhook.Headers,
		};
		if (webhook.Secret) headers['X-SuperOffice-Signature'] = signSuperOfficePayload(webhook.Secret, rawBody);
		if (payload.Event === 'test') headers['X-Hook-Test'] = 'true';
		const delivery: SoDelivery = {
			webhookId: webhook.WebhookId,
			event: String(payload.Event),
			eventId: String(payload.EventId),
			attempt,
			...(await sendDelivery(webhook.TargetUrl, rawBody, headers)),
		};
		this.deliveries.push(delivery);
		return delivery;
	}
}
