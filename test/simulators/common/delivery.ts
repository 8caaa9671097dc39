/** The outbound side: POSTs a webhook delivery to a receiver, as both services' webhook senders do. */
import { request as httpRequest } from 'node:http';
import { readBody } from './request';

/** POSTs a webhook delivery; a target that cannot be reached is status 0, as a failed delivery. */
export function postTo(
	url: string,
	rawBody: string,
	headers: Record<string, string>,
	timeoutMs = 10000,
): Promise<{ status: number; body: string }> {
	return new Promise((resolve) => {
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			resolve({ status: 0, body: 'invalid URL' });
			return;
		}
		const request = httpRequest(
			target,
			{
				method: 'POST',
				headers: { ...headers, 'Content-Length': String(Buffer.byteLength(rawBody)) },
				timeout: timeoutMs,
			},
			(response) => {
				readBody(response).then(
					(body) => resolve({ status: response.statusCode ?? 0, body }),
					() => resolve({ status: 0, body: 'response error' }),
				);
			},
		);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (error) => resolve({ status: 0, body: error.message }));
		request.end(rawBody);
	});
}

/** What one delivery attempt sent and what came back; both services' delivery records end with these. */
export interface DeliveryExchange {
	/** 0 when the target could not be reached. */
	status: number;
	responseBody: string;
	rawBody: string;
	headers: Record<string, string>;
}

export async function sendDelivery(
	url: string,
	rawBody: string,
	headers: Record<string, string>,
): Promise<DeliveryExchange> {
	const answer = await postTo(url, rawBody, headers);
	return { status: answer.status, responseBody: answer.body, rawBody, headers };
}
