/**
 * AutoSend's side of a webhook: the registered webhooks, and the signed POSTs it sends them, one
 * X-Webhook-Delivery-Id kept across retries (reference §4).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sendDelivery, type DeliveryExchange } from '../common/delivery';
import type { AsWebhook } from './state';

/** One POST the simulator sent to a webhook URL, and what came back. */
export interface AsDelivery extends DeliveryExchange {
	webhookId: string;
	deliveryId: string;
	type: string;
	attempt: number;
}

/** Hex HMAC-SHA256 of the raw body with the webhook's secret, as AutoSend signs a delivery. */
export function signAutoSendPayload(secret: string, rawBody: string): string {
	return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

export class WebhookSender {
	readonly registered = new Map<string, AsWebhook>();
	readonly deliveries: AsDelivery[] = [];

	/** A non-2xx answer is retried up to 3 times (4 attempts), as AutoSend does. */
	async fire(type: string, data: Record<string, unknown>): Promise<AsDelivery[]> {
		const sent: AsDelivery[] = [];
		for (const webhook of this.registered.values()) {
			if (!webhook.isActive || !webhook.events.includes(type)) continue;
			const rawBody = JSON.stringify({ type, createdAt: new Date().toISOString(), data });
			const deliveryId = `dlv_${randomBytes(12).toString('hex')}`;
			for (let attempt = 0; attempt < 4; attempt++) {
				const delivery = await this.deliver(webhook, type, deliveryId, rawBody, attempt);
				sent.push(delivery);
				if (delivery.status >= 200 && delivery.status < 300) break;
				webhook.failureCount += 1;
			}
		}
		return sent;
	}

	/** Sends a delivery again, byte for byte (a retry after AutoSend missed n8n's answer). */
	async redeliver(delivery: AsDelivery): Promise<AsDelivery> {
		const webhook = this.registered.get(delivery.webhookId);
		if (!webhook) throw new Error(`No webhook ${delivery.webhookId}`);
		return await this.deliver(webhook, delivery.type, delivery.deliveryId, delivery.rawBody, delivery.attempt + 1);
	}

	private async deliver(
		webhook: AsWebhook,
		type: string,
		deliveryId: string,
		rawBody: string,
		attempt: number,
	): Promise<AsDelivery> {
		const headers: Record<string, string> = {
			'Content-Type': 'application/json',
			'User-Agent': 'AutoSend-Webhooks/1.0',
			'X-Webhook-Event': type,
			'X-Webhook-Delivery-Id': deliveryId,
			'X-Webhook-Timestamp': String(Date.now()),
			'X-Webhook-Signature': signAutoSendPayload(webhook.secret, rawBody),
		};
		const delivery: AsDelivery = {
			webhookId: webhook.id,
			deliveryId,
			type,
			attempt,
			...(await sendDelivery(webhook.url, rawBody, headers)),
		};
		this.deliveries.push(delivery);
		return delivery;
	}
}
