/**
 * In-memory simulator of the AutoSend contact-list API (reference sections 0-3 and the
 * remove-contacts page in /work/shared/api). Where the docs are silent it picks the strict reading
 * (no unknown keys, exactly one of emails/contactIds) so the node has to send exactly what is documented.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { findRoute, HttpSimulator, isPlainObject, type Route, type SimRequest, type SimResponse } from './common';
import { postTo } from './superoffice';

export interface AutoSendSimulatorOptions {
	apiKey?: string;
	latencyMs?: number;
	seed?: boolean;
	/** Requests per API key per 1-second window; undefined means unlimited. */
	rateLimitPerSecond?: number;
	/** Cap on emails/contactIds per remove request; the docs give none. */
	maxValuesPerRequest?: number;
	/** Whether DELETE /webhooks/{id} exists (unverified in AutoSend's docs); without it the route is unknown (404). */
	supportsWebhookDelete?: boolean;
}

/** The webhook event types AutoSend documents (reference §4). */
export const AUTOSEND_WEBHOOK_EVENTS = [
	'email.sent',
	'email.delivered',
	'email.deferred',
	'email.bounced',
	'email.opened',
	'email.clicked',
	'email.spam_reported',
	'email.unsubscribed',
	'email.group_unsubscribed',
	'email.group_resubscribed',
	'email.received',
	'contact.created',
	'contact.updated',
	'contact.deleted',
];

export interface AsWebhook {
	id: string;
	organizationId: string;
	projectId: string;
	url: string;
	secret: string;
	events: string[];
	isActive: boolean;
	createdAt: string;
	updatedAt: string;
	failureCount: number;
}

/** One POST the simulator sent to a webhook URL, and what came back. */
export interface AsDelivery {
	webhookId: string;
	deliveryId: string;
	type: string;
	attempt: number;
	/** 0 when the target could not be reached. */
	status: number;
	responseBody: string;
	rawBody: string;
	headers: Record<string, string>;
}

/** Hex HMAC-SHA256 of the raw body with the webhook's secret, as AutoSend signs a delivery. */
export function signAutoSendPayload(secret: string, rawBody: string): string {
	return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

export interface AsContact {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	userId: string | null;
	customFields: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
}

export type AsListType = 'list' | 'segment';

export interface AsList {
	id: string;
	name: string;
	description: string;
	type: AsListType;
	/** Insertion-ordered member ids; a Set keeps removal O(1) for bulk benchmarks. */
	contactIds: Set<string>;
	createdAt: string;
	updatedAt: string;
}

export interface AutoSendState {
	contacts: Map<string, AsContact>;
	/** Lower-case email to contact id. */
	contactIdsByEmail: Map<string, string>;
	lists: Map<string, AsList>;
}

export interface AutoSendStats {
	rateLimited: number;
}

export interface ContactInput {
	email: string;
	id?: string;
	firstName?: string;
	lastName?: string;
	userId?: string | null;
}

export const GLOBAL_CONTACT_LIST = 'GLOBAL_CONTACT_LIST';

const PROJECT_ID = '60d5ec49f1b2c72d9c8b0001';
const SEED_TIME = '2026-01-15T09:30:00.000Z';
const OBJECT_ID = /^[0-9a-f]{24}$/i;
// Deliberately simple: one @, no whitespace, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface FieldError {
	field: string;
	message: string;
}

function failure(status: number, code: string, message: string, details?: FieldError[]): SimResponse {
	const error: Record<string, unknown> = { message, code };
	if (details) error.details = details;
	return { status, body: { success: false, error } };
}

function validationFailed(details: FieldError[]): SimResponse {
	return failure(400, 'VALIDATION_FAILED', 'Validation failed', details);
}

function listNotFound(): SimResponse {
	return failure(404, 'CONTACT_LIST_NOT_FOUND', 'Contact list not found');
}

function ok(data: unknown): SimResponse {
	return { status: 200, body: { success: true, data } };
}

function unknownKeyErrors(body: Record<string, unknown>, allowed: string[]): FieldError[] {
	return Object.keys(body)
		.filter((key) => !allowed.includes(key))
		.map((key) => ({ field: key, message: `Unknown field '${key}'` }));
}

export class AutoSendSimulator extends HttpSimulator {
	readonly state: AutoSendState = { contacts: new Map(), contactIdsByEmail: new Map(), lists: new Map() };
	readonly stats: AutoSendStats = { rateLimited: 0 };
	private readonly apiKey: string;
	private readonly rateLimitPerSecond?: number;
	private readonly maxValuesPerRequest?: number;
	private readonly windows = new Map<string, { second: number; count: number }>();
	private idCounter = 0;
	private bulkCounter = 0;
	readonly webhooks = new Map<string, AsWebhook>();
	readonly deliveries: AsDelivery[] = [];
	private readonly routes: Route[] = [
		{ method: 'POST', pattern: /^\/webhooks$/, run: (req) => this.createWebhook(req) },
		{ method: 'GET', pattern: /^\/webhooks$/, run: (req) => this.listWebhooks(req) },
		{ method: 'GET', pattern: /^\/webhooks\/([^/]+)$/, run: (_req, [id]) => this.getWebhook(id) },
		{ method: 'PUT', pattern: /^\/webhooks\/([^/]+)$/, run: (req, [id]) => this.updateWebhook(req, id) },
		{ method: 'DELETE', pattern: /^\/webhooks\/([^/]+)$/, run: (_req, [id]) => this.deleteWebhook(id) },
		{ method: 'GET', pattern: /^\/contact-lists$/, run: (req) => this.getLists(req) },
		{ method: 'POST', pattern: /^\/contact-lists\/contacts\/search$/, run: (req) => this.searchContacts(req) },
		{ method: 'GET', pattern: /^\/contact-lists\/([^/]+)$/, run: (_req, [id]) => this.getList(id) },
		{
			method: 'POST',
			pattern: /^\/contact-lists\/([^/]+)\/contacts\/remove$/,
			run: (req, [id]) => this.removeContacts(req, id),
		},
	];

	constructor(options: AutoSendSimulatorOptions = {}) {
		super('/v1', options.latencyMs);
		this.apiKey = options.apiKey ?? 'AS_test_key_123';
		this.rateLimitPerSecond = options.rateLimitPerSecond;
		this.maxValuesPerRequest = options.maxValuesPerRequest;
		this.supportsWebhookDelete = options.supportsWebhookDelete ?? true;
		if (options.seed !== false) this.seed();
	}

	private readonly supportsWebhookDelete: boolean;

	/**
	 * Sends an event to every active webhook subscribed to it: signed, with one X-Webhook-Delivery-Id
	 * kept across retries; a non-2xx answer is retried up to 3 times (4 attempts), as AutoSend does.
	 */
	async fireEvent(type: string, data: Record<string, unknown>): Promise<AsDelivery[]> {
		const sent: AsDelivery[] = [];
		for (const webhook of this.webhooks.values()) {
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
		const webhook = this.webhooks.get(delivery.webhookId);
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
		const answer = await postTo(webhook.url, rawBody, headers);
		const delivery: AsDelivery = {
			webhookId: webhook.id,
			deliveryId,
			type,
			attempt,
			status: answer.status,
			responseBody: answer.body,
			rawBody,
			headers,
		};
		this.deliveries.push(delivery);
		return delivery;
	}

	private webhookView(webhook: AsWebhook, revealSecret = false) {
		return { ...webhook, secret: revealSecret ? webhook.secret : '***hidden***' };
	}

	private webhookBodyErrors(body: Record<string, unknown>, partial: boolean): FieldError[] {
		const details = unknownKeyErrors(body, ['url', 'events', 'metadata', ...(partial ? ['isActive', 'secret'] : [])]);
		if (partial && body.secret !== undefined) {
			details.push({ field: 'secret', message: 'Webhook secrets cannot be changed; create a new webhook' });
		}
		if (!partial || body.url !== undefined) {
			if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) {
				details.push({ field: 'url', message: 'url must be a valid URL' });
			}
		}
		if (!partial || body.events !== undefined) {
			const events = body.events;
			if (!Array.isArray(events) || events.length === 0) {
				details.push({ field: 'events', message: 'events must contain at least 1 item' });
			} else {
				for (const [index, event] of events.entries()) {
					if (typeof event !== 'string' || !AUTOSEND_WEBHOOK_EVENTS.includes(event)) {
						details.push({ field: `events[${index}]`, message: `Unknown event '${String(event)}'` });
					}
				}
			}
		}
		if (body.isActive !== undefined && typeof body.isActive !== 'boolean') {
			details.push({ field: 'isActive', message: 'isActive must be a boolean' });
		}
		return details;
	}

	private createWebhook(req: SimRequest): SimResponse {
		const body = req.body as Record<string, unknown>;
		const details = this.webhookBodyErrors(body, false);
		if (details.length > 0) return validationFailed(details);
		const now = new Date().toISOString();
		const webhook: AsWebhook = {
			id: this.newId(),
			organizationId: '60d5ec49f1b2c72d9c8b0000',
			projectId: PROJECT_ID,
			url: body.url as string,
			secret: `whsec_${randomBytes(24).toString('hex')}`,
			events: body.events as string[],
			isActive: true,
			createdAt: now,
			updatedAt: now,
			failureCount: 0,
		};
		this.webhooks.set(webhook.id, webhook);
		return { status: 201, body: { success: true, data: { webhook: this.webhookView(webhook, true) } } };
	}

	private listWebhooks(req: SimRequest): SimResponse {
		const { isActive } = req.query;
		const page = Number(req.query.page ?? 1);
		const limit = Number(req.query.limit ?? 50);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
			return validationFailed([{ field: 'limit', message: 'limit must be an integer between 1 and 100' }]);
		}
		const all = [...this.webhooks.values()].filter((w) => isActive === undefined || String(w.isActive) === isActive);
		return ok({
			webhooks: all.slice((page - 1) * limit, page * limit).map((w) => this.webhookView(w)),
			total: all.length,
			page,
			limit,
			totalPages: Math.ceil(all.length / limit),
		});
	}

	private getWebhook(id: string): SimResponse {
		const webhook = this.webhooks.get(id);
		return webhook
			? ok({ webhook: this.webhookView(webhook) })
			: failure(404, 'WEBHOOK_NOT_FOUND', 'Webhook not found');
	}

	private updateWebhook(req: SimRequest, id: string): SimResponse {
		const webhook = this.webhooks.get(id);
		if (!webhook) return failure(404, 'WEBHOOK_NOT_FOUND', 'Webhook not found');
		const body = req.body as Record<string, unknown>;
		const details = this.webhookBodyErrors(body, true);
		if (details.length > 0) return validationFailed(details);
		if (body.url !== undefined) webhook.url = body.url as string;
		if (body.events !== undefined) webhook.events = body.events as string[];
		if (body.isActive !== undefined) webhook.isActive = body.isActive as boolean;
		webhook.updatedAt = new Date().toISOString();
		return ok({ webhook: this.webhookView(webhook) });
	}

	private deleteWebhook(id: string): SimResponse {
		if (!this.supportsWebhookDelete) return failure(404, 'NOT_FOUND', `Route DELETE /webhooks/${id} not found`);
		if (!this.webhooks.delete(id)) return failure(404, 'WEBHOOK_NOT_FOUND', 'Webhook not found');
		return { status: 200, body: { success: true, message: 'Webhook deleted successfully' } };
	}

	get baseUrl(): string {
		return `${this.origin}/v1`;
	}

	/** Creates contacts (or reuses them by email) and optionally puts them into a list. O(n). */
	addContacts(input: number | ContactInput[], options: { listId?: string } = {}): AsContact[] {
		const inputs: ContactInput[] =
			typeof input === 'number'
				? Array.from({ length: input }, () => {
						this.bulkCounter += 1;
						const n = this.bulkCounter;
						return { email: `contact${n}@bulk.example.com`, firstName: 'Bulk', lastName: `Contact ${n}` };
					})
				: input;
		const list = options.listId === undefined ? undefined : this.state.lists.get(options.listId);
		if (options.listId !== undefined && !list) throw new Error(`No list ${options.listId}`);
		return inputs.map((contactInput) => {
			const contact = this.upsertContact(contactInput);
			list?.contactIds.add(contact.id);
			return contact;
		});
	}

	addList(input: {
		id?: string;
		name: string;
		description?: string;
		type?: AsListType;
		contactIds?: string[];
		emails?: string[];
	}): AsList {
		const now = new Date().toISOString();
		const list: AsList = {
			id: input.id ?? this.newId(),
			name: input.name,
			description: input.description ?? '',
			type: input.type ?? 'list',
			contactIds: new Set(input.contactIds),
			createdAt: now,
			updatedAt: now,
		};
		this.state.lists.set(list.id, list);
		for (const email of input.emails ?? []) list.contactIds.add(this.upsertContact({ email }).id);
		return list;
	}

	/** Member emails in insertion order; GLOBAL_CONTACT_LIST gives every contact. */
	listMembers(listId: string): string[] {
		if (listId === GLOBAL_CONTACT_LIST) return [...this.state.contacts.values()].map((c) => c.email);
		const list = this.state.lists.get(listId);
		if (!list) throw new Error(`No list ${listId}`);
		return [...list.contactIds].map((id) => this.state.contacts.get(id)?.email ?? '');
	}

	protected async handle(req: SimRequest): Promise<SimResponse> {
		if (!this.isAuthorized(req.headers)) return failure(401, 'UNAUTHORIZED', 'Unauthorized');
		const rate = this.rateLimit(req.receivedAt);
		const response = await this.route(req, rate.limited);
		return { ...response, headers: { ...response.headers, ...rate.headers } };
	}

	private route(req: SimRequest, limited: boolean): SimResponse | Promise<SimResponse> {
		if (limited) {
			this.stats.rateLimited += 1;
			return {
				status: 429,
				body: {
					success: false,
					error: { message: 'Too many requests, please retry after 1 second', code: 'RATE_LIMIT_EXCEEDED' },
					retryAfter: 1,
				},
			};
		}
		const match = req.withinPrefix ? findRoute(this.routes, req.method, req.path) : ({ kind: 'none' } as const);
		// Express-style: an unknown verb on a known path is just another unknown route.
		if (match.kind !== 'found') return failure(404, 'NOT_FOUND', `Route ${req.method} ${req.path} not found`);
		if (req.method === 'POST' || req.method === 'PUT') {
			if (req.mediaType !== 'application/json') {
				return validationFailed([{ field: 'Content-Type', message: 'Content-Type must be application/json' }]);
			}
			if (req.jsonError) return validationFailed([{ field: 'body', message: `Invalid JSON: ${req.jsonError}` }]);
			if (!isPlainObject(req.body)) {
				return validationFailed([{ field: 'body', message: 'Request body must be a JSON object' }]);
			}
		}
		return match.route.run(req, match.params);
	}

	private isAuthorized(headers: Record<string, string>): boolean {
		const bearer = /^bearer\s+(.+)$/i.exec(headers.authorization ?? '');
		return bearer?.[1].trim() === this.apiKey || headers['x-api-key'] === this.apiKey;
	}

	/** Fixed 1-second windows per key (the simulator only knows one key); 429s do not count. */
	private rateLimit(now: number): { limited: boolean; headers: Record<string, string> } {
		const limit = this.rateLimitPerSecond;
		if (limit === undefined) return { limited: false, headers: {} };
		const second = Math.floor(now / 1000);
		let window = this.windows.get(this.apiKey);
		if (!window || window.second !== second) {
			window = { second, count: 0 };
			this.windows.set(this.apiKey, window);
		}
		const limited = window.count >= limit;
		if (!limited) window.count += 1;
		return {
			limited,
			headers: {
				'x-ratelimit-limit': String(limit),
				'x-ratelimit-remaining': String(Math.max(0, limit - window.count)),
				'x-ratelimit-reset': String(second + 1),
			},
		};
	}

	private getLists(req: SimRequest): SimResponse {
		const type = req.query.type;
		if (type !== undefined && type !== 'list' && type !== 'segment') {
			return validationFailed([{ field: 'type', message: "type must be one of 'list', 'segment'" }]);
		}
		const lists = [this.globalList(), ...[...this.state.lists.values()].map((list) => this.listView(list))];
		return ok({ lists: type === undefined ? lists : lists.filter((list) => list.type === type) });
	}

	private getList(id: string): SimResponse {
		if (id === GLOBAL_CONTACT_LIST) return ok(this.globalList());
		const list = this.state.lists.get(id);
		return list ? ok(this.listView(list)) : listNotFound();
	}

	private removeContacts(req: SimRequest, listId: string): SimResponse {
		const body = req.body as Record<string, unknown>;
		const details = this.removeBodyErrors(body);
		if (details.length > 0) return validationFailed(details);
		if (listId === GLOBAL_CONTACT_LIST) {
			return failure(
				400,
				'CANNOT_MODIFY_GLOBAL_LIST',
				'Cannot remove contacts from GLOBAL_CONTACT_LIST. Use the Delete Contact API instead.',
			);
		}
		const list = this.state.lists.get(listId);
		if (!list) return listNotFound();

		const byEmail = body.emails !== undefined;
		const values = (byEmail ? body.emails : body.contactIds) as string[];
		const errors: Array<Record<string, string>> = [];
		let removed = 0;
		let notInList = 0;
		// Duplicates within one request are counted once, keyed on the normalised value.
		const seen = new Set<string>();
		for (const value of values) {
			const key = value.toLowerCase();
			if (seen.has(key)) continue;
			seen.add(key);
			let contactId: string | undefined;
			if (byEmail) {
				if (!EMAIL.test(value)) {
					errors.push({ email: value, message: 'Invalid email format' });
					continue;
				}
				contactId = this.state.contactIdsByEmail.get(key);
			} else {
				if (!OBJECT_ID.test(value)) {
					errors.push({ contactId: value, message: 'Invalid contact ID' });
					continue;
				}
				contactId = key;
			}
			if (contactId !== undefined && list.contactIds.delete(contactId)) removed += 1;
			else notInList += 1;
		}
		if (removed > 0) list.updatedAt = new Date().toISOString();
		return ok({ removed, notInList, errors });
	}

	private removeBodyErrors(body: Record<string, unknown>): FieldError[] {
		const details = unknownKeyErrors(body, ['emails', 'contactIds']);
		const given = (['emails', 'contactIds'] as const).filter((field) => body[field] !== undefined);
		if (given.length === 0) details.push({ field: 'emails', message: 'Either emails or contactIds is required' });
		if (given.length === 2)
			details.push({ field: 'contactIds', message: 'Provide either emails or contactIds, not both' });
		for (const field of given) details.push(...this.stringArrayErrors(field, body[field]));
		return details;
	}

	private stringArrayErrors(field: string, value: unknown): FieldError[] {
		if (!Array.isArray(value)) return [{ field, message: `${field} must be an array of strings` }];
		if (value.length === 0) return [{ field, message: `${field} must contain at least 1 item` }];
		const max = this.maxValuesPerRequest;
		if (max !== undefined && value.length > max) {
			return [{ field, message: `${field} must contain at most ${max} items` }];
		}
		return value.flatMap((entry, index) =>
			typeof entry === 'string' ? [] : [{ field: `${field}[${index}]`, message: 'Must be a string' }],
		);
	}

	private searchContacts(req: SimRequest): SimResponse {
		const body = req.body as Record<string, unknown>;
		const details = unknownKeyErrors(body, ['contactListId', 'page', 'limit', 'email']);
		const { contactListId, email } = body;
		const page = body.page ?? 1;
		const limit = body.limit ?? 20;
		if (typeof contactListId !== 'string' || contactListId === '') {
			details.push({ field: 'contactListId', message: 'contactListId is required' });
		}
		if (typeof page !== 'number' || !Number.isInteger(page) || page < 1) {
			details.push({ field: 'page', message: 'page must be an integer >= 1' });
		}
		if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
			details.push({ field: 'limit', message: 'limit must be an integer between 1 and 100' });
		}
		if (email !== undefined && typeof email !== 'string')
			details.push({ field: 'email', message: 'email must be a string' });
		if (details.length > 0) return validationFailed(details);

		let ids: Iterable<string>;
		if (contactListId === GLOBAL_CONTACT_LIST) ids = this.state.contacts.keys();
		else {
			const list = this.state.lists.get(contactListId as string);
			if (!list) return listNotFound();
			ids = list.contactIds;
		}
		const needle = (email as string | undefined)?.toLowerCase();
		const contacts: AsContact[] = [];
		for (const id of ids) {
			const contact = this.state.contacts.get(id);
			if (contact && (needle === undefined || contact.email.includes(needle))) contacts.push(contact);
		}
		const pageNumber = page as number;
		const pageSize = limit as number;
		return ok({
			contacts: contacts
				.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
				.map((contact) => ({ ...contact, projectId: PROJECT_ID })),
			pagination: {
				page: pageNumber,
				limit: pageSize,
				total: contacts.length,
				pages: Math.ceil(contacts.length / pageSize),
			},
		});
	}

	private globalList() {
		return {
			id: GLOBAL_CONTACT_LIST,
			name: 'All Contacts',
			description: 'All contacts in the project',
			type: 'list' as AsListType,
			contactCount: this.state.contacts.size,
			createdAt: SEED_TIME,
			updatedAt: SEED_TIME,
		};
	}

	private listView(list: AsList) {
		return {
			id: list.id,
			name: list.name,
			description: list.description,
			type: list.type,
			contactCount: list.contactIds.size,
			createdAt: list.createdAt,
			updatedAt: list.updatedAt,
		};
	}

	private upsertContact(input: ContactInput): AsContact {
		const email = input.email.toLowerCase();
		const existingId = this.state.contactIdsByEmail.get(email);
		if (existingId !== undefined) return this.state.contacts.get(existingId)!;
		const now = new Date().toISOString();
		const contact: AsContact = {
			id: input.id?.toLowerCase() ?? this.newId(),
			email,
			firstName: input.firstName ?? '',
			lastName: input.lastName ?? '',
			userId: input.userId ?? null,
			customFields: {},
			createdAt: now,
			updatedAt: now,
		};
		this.state.contacts.set(contact.id, contact);
		this.state.contactIdsByEmail.set(email, contact.id);
		return contact;
	}

	/** Deterministic 24-hex ids shaped like MongoDB ObjectIds. */
	private newId(): string {
		this.idCounter += 1;
		return `6a1b2c3d4e5f6071${this.idCounter.toString(16).padStart(8, '0')}`;
	}

	private seed(): void {
		const people: Array<[string, string, string, string]> = [
			['60d5ec49f1b2c72d9c8b1111', 'jane@example.com', 'Jane', 'Doe'],
			['60d5ec49f1b2c72d9c8b2222', 'john@example.com', 'John', 'Smith'],
			['60d5ec49f1b2c72d9c8b3333', 'maria.garcia@example.com', 'Maria', 'Garcia'],
			['60d5ec49f1b2c72d9c8b4444', 'li.wei@example.com', 'Li', 'Wei'],
			['60d5ec49f1b2c72d9c8b5555', 'ahmed.khan@example.com', 'Ahmed', 'Khan'],
			['60d5ec49f1b2c72d9c8b6666', 'sofia.rossi@example.com', 'Sofia', 'Rossi'],
			['60d5ec49f1b2c72d9c8b7777', 'lukas.meyer@example.com', 'Lukas', 'Meyer'],
			['60d5ec49f1b2c72d9c8b8888', 'emma.wilson@example.com', 'Emma', 'Wilson'],
		];
		for (const [id, email, firstName, lastName] of people) {
			const contact = this.upsertContact({ id, email, firstName, lastName });
			contact.createdAt = contact.updatedAt = SEED_TIME;
		}
		const lists: Array<{ id: string; name: string; description: string; type: AsListType; members: string[] }> = [
			{
				id: '60d5ec49f1b2c72d9c8b4567',
				name: 'Newsletter',
				description: 'Monthly newsletter subscribers',
				type: 'list',
				members: ['1111', '2222', '3333', '4444', '5555'],
			},
			{
				id: '60d5ec49f1b2c72d9c8b4568',
				name: 'Customers',
				description: 'Paying customers',
				type: 'list',
				members: ['2222', '6666', '7777'],
			},
			{
				id: '60d5ec49f1b2c72d9c8b4569',
				name: 'Webinar attendees',
				description: 'Signed up for the spring webinar',
				type: 'list',
				members: ['1111', '8888'],
			},
			{
				id: '60d5ec49f1b2c72d9c8b4570',
				name: 'Engaged last 30 days',
				description: 'Opened an email in the last 30 days',
				type: 'segment',
				members: ['1111', '3333'],
			},
		];
		for (const { members, ...list } of lists) {
			const created = this.addList({ ...list, contactIds: members.map((suffix) => `60d5ec49f1b2c72d9c8b${suffix}`) });
			created.createdAt = created.updatedAt = SEED_TIME;
		}
	}
}

export async function startAutoSendSimulator(options?: AutoSendSimulatorOptions): Promise<AutoSendSimulator> {
	const simulator = new AutoSendSimulator(options);
	await simulator.listen();
	return simulator;
}
