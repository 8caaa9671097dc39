/**
 * In-memory simulator of the AutoSend API the AutoSend nodes use (reference sections 0-4, the
 * remove-contacts page in /work/shared/api, and api-additions.md for contacts, lists, mails, events and
 * suppressions). This class does what every request goes through
 * (the API key, the rate limit, routing and body checks); what a resource answers lives in
 * routes/<resource>.ts. Where the docs are silent it picks the strict reading (no unknown keys,
 * exactly one of emails/contactIds) so the node has to send exactly what is documented.
 */
import { HttpSimulator } from '../common/httpSimulator';
import { isPlainObject, jsonBodyProblem, type SimRequest } from '../common/request';
import type { SimResponse } from '../common/response';
import { findRoute, type Route } from '../common/routes';
import type { AutoSendContext } from './context';
import { failure, validationFailed } from './helpers';
import { contactListRoutes } from './routes/contactLists';
import { contactRoutes } from './routes/contacts';
import { customFieldRoutes } from './routes/customFields';
import { eventRoutes } from './routes/events';
import { mailRoutes } from './routes/mails';
import { suppressionRoutes } from './routes/suppressions';
import { webhookRoutes } from './routes/webhooks';
import { seed } from './seed';
import {
	addList,
	emptyState,
	GLOBAL_CONTACT_LIST,
	objectIds,
	upsertContact,
	type AsContact,
	type AsList,
	type AsWebhook,
	type AutoSendState,
	type AutoSendStats,
	type ContactInput,
	type ListInput,
	type NewId,
} from './state';
import { WebhookSender, type AsDelivery } from './webhookDelivery';

export interface AutoSendSimulatorOptions {
	apiKey?: string;
	latencyMs?: number;
	seed?: boolean;
	/** Requests per API key per 1-second window; undefined means unlimited. */
	rateLimitPerSecond?: number;
	/** Cap on emails/contactIds per list, contact-search and suppress request; the docs give none. */
	maxValuesPerRequest?: number;
	/** The array GET /contact-lists answers with (default `lists`; older docs show `contacts`). */
	listsKey?: 'lists' | 'contacts';
	/** Whether DELETE /webhooks/{id} exists (unverified in AutoSend's docs); without it the route is unknown (404). */
	supportsWebhookDelete?: boolean;
}

export class AutoSendSimulator extends HttpSimulator {
	readonly state: AutoSendState = emptyState();
	readonly stats: AutoSendStats = { rateLimited: 0 };
	private readonly apiKey: string;
	private readonly rateLimitPerSecond?: number;
	private readonly windows = new Map<string, { second: number; count: number }>();
	private readonly newId: NewId = objectIds();
	private bulkCounter = 0;
	private readonly sender = new WebhookSender();
	readonly webhooks: Map<string, AsWebhook> = this.sender.registered;
	readonly deliveries: AsDelivery[] = this.sender.deliveries;
	private readonly routes: Route[];

	constructor(options: AutoSendSimulatorOptions = {}) {
		super('/v1', options.latencyMs);
		this.apiKey = options.apiKey ?? 'AS_test_key_123';
		this.rateLimitPerSecond = options.rateLimitPerSecond;
		const context: AutoSendContext = {
			state: this.state,
			newId: this.newId,
			webhooks: this.sender,
			maxValuesPerRequest: options.maxValuesPerRequest,
			listsKey: options.listsKey ?? 'lists',
			supportsWebhookDelete: options.supportsWebhookDelete ?? true,
		};
		// A new resource adds its routes module here.
		this.routes = [
			...contactListRoutes(context),
			...contactRoutes(context),
			...customFieldRoutes(context),
			...mailRoutes(context),
			...eventRoutes(context),
			...suppressionRoutes(context),
			...webhookRoutes(context),
		];
		if (options.seed !== false) seed(this.state, this.newId);
	}

	get baseUrl(): string {
		return `${this.origin}/v1`;
	}

	/**
	 * Sends an event to every active webhook subscribed to it: signed, with one X-Webhook-Delivery-Id
	 * kept across retries; a non-2xx answer is retried up to 3 times (4 attempts), as AutoSend does.
	 */
	fireEvent(type: string, data: Record<string, unknown>): Promise<AsDelivery[]> {
		return this.sender.fire(type, data);
	}

	/** Sends a delivery again, byte for byte (a retry after AutoSend missed n8n's answer). */
	redeliver(delivery: AsDelivery): Promise<AsDelivery> {
		return this.sender.redeliver(delivery);
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
			const contact = upsertContact(this.state, this.newId, contactInput);
			list?.contactIds.add(contact.id);
			return contact;
		});
	}

	addList(input: ListInput): AsList {
		return addList(this.state, this.newId, input);
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
		const problem = jsonBodyProblem(req, ['application/json']);
		if (problem?.kind === 'mediaType') {
			return validationFailed([{ field: 'Content-Type', message: 'Content-Type must be application/json' }]);
		}
		if (problem?.kind === 'syntax') {
			return validationFailed([{ field: 'body', message: `Invalid JSON: ${problem.message}` }]);
		}
		// Routes read the body as an object; anything else never reaches them.
		if ((req.method === 'POST' || req.method === 'PUT') && !isPlainObject(req.body)) {
			return validationFailed([{ field: 'body', message: 'Request body must be a JSON object' }]);
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
}

export async function startAutoSendSimulator(options?: AutoSendSimulatorOptions): Promise<AutoSendSimulator> {
	const simulator = new AutoSendSimulator(options);
	await simulator.listen();
	return simulator;
}
