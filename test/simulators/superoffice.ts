/**
 * In-memory simulator of the SuperOffice CRM WebAPI routes the SuperOffice node uses
 * (see the reference sections 1, 2, 3.1-3.4 and 4, and the two agent pages in /work/shared/api).
 * It is deliberately stricter than the real service where the docs leave room (exact keys,
 * exact casing, no string numbers), so a sloppy request fails in tests instead of in production.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { findRoute, HttpSimulator, isPlainObject, type Route, type SimRequest, type SimResponse } from './common';

export interface SuperOfficeSimulatorOptions {
	tenant?: string;
	auth?: {
		username?: string;
		password?: string;
		ticket?: string;
		accessToken?: string;
		appToken?: string;
	};
	latencyMs?: number;
	seed?: boolean;
	/** More than this many requests in a sliding 1 s window answer 429 with Retry-After. */
	rateLimitPerSecond?: number;
	/** The registered app, for the OAuth2 endpoints under /login/common/oauth. */
	oauth?: { clientId?: string; clientSecret?: string };
	/** Lifetime of issued access tokens, seconds (expires_in). */
	accessTokenLifetime?: number;
}

export interface SoContact {
	contactId: number;
	name: string;
}

export interface SoPerson {
	personId: number;
	contactId: number;
	fullName: string;
	email: string;
}

/** A selection member row: personId 0 means a company-only member. */
export interface SoMember {
	personId: number;
	contactId: number;
}

export type SoSelectionKind = 'static' | 'dynamic' | 'combined';

export interface SoSelection {
	selectionId: number;
	name: string;
	kind: SoSelectionKind;
	description: string;
	members: SoMember[];
}

export interface SoRelation {
	relationId: number;
	sourceContactId: number;
	sourcePersonId: number;
	destinationContactId: number;
	destinationPersonId: number;
	relationDefinitionId: number;
	activeText: string;
	passiveText: string;
}

export interface SuperOfficeState {
	contacts: Map<number, SoContact>;
	persons: Map<number, SoPerson>;
	selections: Map<number, SoSelection>;
	relations: Map<number, SoRelation>;
}

export interface SuperOfficeStats {
	rateLimited: number;
}

export type SoWebhookState = 'Active' | 'Stopped' | 'TooManyErrors';

/** A registered webhook, as SuperOffice's Webhook carrier names its fields. */
export interface SoWebhook {
	WebhookId: number;
	Name: string;
	Events: string[];
	TargetUrl: string;
	Secret: string;
	State: SoWebhookState;
	Type: string;
	Headers: Record<string, string>;
	ConsecutiveErrors: number;
	TotalCalls: number;
	TotalErrors: number;
	LastError: string;
	Registered: string;
}

/** One POST the simulator sent to a webhook's TargetUrl, and what came back. */
export interface SoDelivery {
	webhookId: number;
	event: string;
	eventId: string;
	attempt: number;
	/** 0 when the target could not be reached. */
	status: number;
	responseBody: string;
	rawBody: string;
	headers: Record<string, string>;
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

const MAX_INT32 = 2147483647;
const REQUEST_INVALID = 'The request is invalid.';
const TARGET_TABLE_CONTACT = 5;

const DEFAULT_AUTH = {
	username: 'so-user',
	password: 'so-password',
	ticket: '7T:c28tdGlja2V0',
	accessToken: '8A:Cust12345.access-token',
	appToken: 'so-app-token',
};

/** The associate every accepted credential maps to. */
const PRINCIPAL = {
	AssociateId: 5,
	FullName: 'Siri Operator',
	EMailAddress: 'siri.operator@nordicbikes.example',
	PersonId: 266,
	ContactId: 138,
	GroupId: 2,
	UserType: 'InternalAssociate',
	IsPerson: true,
};

function restError(status: number, errorType: string, message: string, source = 'SuperOffice.WebApi'): SimResponse {
	return { status, body: { Error: true, ErrorType: errorType, ErrorMessage: message, ErrorSource: source } };
}

/** Agent-style failure; agents report invalid data with this body, mostly on HTTP 200 (reference §4). */
function agentError(status: number, detail: string): SimResponse {
	return { status, body: { Message: REQUEST_INVALID, MessageDetail: detail } };
}

class InvalidInput extends Error {}

/** Turns invalid input into a value; any other exception is a simulator bug and must surface. */
function tryParse<T>(parse: () => T): T | InvalidInput {
	try {
		return parse();
	} catch (error) {
		if (error instanceof InvalidInput) return error;
		throw error;
	}
}

/** Rejects anything but an object with exactly the given keys (case-sensitive). */
function requireExactKeys(value: unknown, keys: string[], where: string): Record<string, unknown> {
	if (!isPlainObject(value)) throw new InvalidInput(`${where} must be a JSON object`);
	for (const key of Object.keys(value)) {
		if (!keys.includes(key)) throw new InvalidInput(`${where} has unexpected property '${key}'`);
	}
	for (const key of keys) {
		if (!(key in value)) throw new InvalidInput(`${where} is missing required property '${key}'`);
	}
	return value;
}

function requireInt32(obj: Record<string, unknown>, key: string, min: number, field: string): number {
	const value = obj[key];
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_INT32) {
		throw new InvalidInput(`${field} must be an integer between ${min} and ${MAX_INT32}, got ${JSON.stringify(value)}`);
	}
	return value;
}

export class SuperOfficeSimulator extends HttpSimulator {
	readonly tenant: string;
	readonly state: SuperOfficeState;
	readonly stats: SuperOfficeStats = { rateLimited: 0 };
	private readonly auth: typeof DEFAULT_AUTH;
	private readonly rateLimitPerSecond?: number;
	private readonly recentRequests: number[] = [];
	private misdirected = false;
	private readonly routes: Route[];
	readonly webhooks = new Map<number, SoWebhook>();
	// Ids are never reused, also after a delete.
	private lastWebhookId = 0;
	readonly deliveries: SoDelivery[] = [];
	/** Waits between the three attempts of a delivery cycle; SuperOffice waits 1 s, then 4 s. */
	webhookRetryDelaysMs: number[] = [1000, 4000];
	private readonly oauthApp: { clientId: string; clientSecret: string };
	private readonly accessTokenLifetime: number;
	private readonly authorizationCodes = new Map<string, { redirectUri: string; used: boolean }>();
	private readonly issuedAccessTokens = new Set<string>();
	private readonly refreshTokens = new Set<string>();
	/** Grant types asked of the token endpoint, in order. */
	readonly tokenGrants: string[] = [];

	constructor(options: SuperOfficeSimulatorOptions = {}) {
		const tenant = options.tenant ?? 'Cust12345';
		super(`/${tenant}/api`, options.latencyMs);
		this.tenant = tenant;
		this.auth = { ...DEFAULT_AUTH, ...options.auth };
		this.rateLimitPerSecond = options.rateLimitPerSecond;
		this.oauthApp = {
			clientId: options.oauth?.clientId ?? 'so-client-id',
			clientSecret: options.oauth?.clientSecret ?? 'so-app-token',
		};
		this.accessTokenLifetime = options.accessTokenLifetime ?? 3600;
		this.state = options.seed === false ? emptyState() : seededState();
		// SuperOffice routing is case-insensitive (docs mix /Contact and /contact) and tolerates a trailing slash.
		this.routes = [
			{ method: 'GET', pattern: /^\/v1\/User\/currentPrincipal$/i, run: () => this.currentPrincipal() },
			{
				method: 'POST',
				pattern: /^\/v1\/Agents\/Selection\/RemoveContactSelectionMembers$/i,
				run: (req) => this.removeContactSelectionMembers(req),
			},
			{
				method: 'POST',
				pattern: /^\/v1\/Agents\/Relation\/DeleteContactRelation$/i,
				run: (req) => this.deleteContactRelation(req),
			},
			{ method: 'GET', pattern: /^\/v1\/Selection$/i, run: (req) => this.listSelections(req) },
			{ method: 'GET', pattern: /^\/v1\/Selection\/([^/]+)$/i, run: (_req, [id]) => this.getSelection(id) },
			{
				method: 'GET',
				pattern: /^\/v1\/Selection\/([^/]+)\/Members$/i,
				run: (req, [id]) => this.listMembers(req, id),
			},
			{ method: 'GET', pattern: /^\/v1\/Relation\/([^/]+)$/i, run: (_req, [id]) => this.getRelation(id) },
			{ method: 'GET', pattern: /^\/v1\/Person\/(\d+)$/i, run: (_req, [id]) => this.getPerson(id) },
			{ method: 'GET', pattern: /^\/v1\/Contact\/(\d+)$/i, run: (_req, [id]) => this.getContact(id) },
			{ method: 'GET', pattern: /^\/v1\/Webhook$/i, run: (req) => this.listWebhooks(req) },
			{ method: 'POST', pattern: /^\/v1\/Webhook$/i, run: (req) => this.createWebhook(req) },
			{ method: 'GET', pattern: /^\/v1\/Webhook\/(\d+)$/i, run: (_req, [id]) => this.getWebhook(id) },
			{ method: 'PUT', pattern: /^\/v1\/Webhook\/(\d+)$/i, run: (req, [id]) => this.updateWebhook(req, id) },
			{ method: 'DELETE', pattern: /^\/v1\/Webhook\/(\d+)$/i, run: (_req, [id]) => this.deleteWebhook(id) },
		];
	}

	/** Base URL as the id_token claim gives it, without the trailing slash. */
	get webApiUrl(): string {
		return `${this.origin}/${this.tenant}/api`;
	}

	/** Origin of the login host: a credential's Environment set to this reaches the OAuth2 endpoints. */
	get loginUrl(): string {
		return this.origin;
	}

	get oauthClient(): { clientId: string; clientSecret: string } {
		return { ...this.oauthApp };
	}

	/** Every access token issued so far stops working (401), as when it expires. */
	expireAccessTokens(): void {
		this.issuedAccessTokens.clear();
	}

	/** Refresh tokens stop working, as when the tenant revokes the app's authorization. */
	revokeRefreshTokens(): void {
		this.refreshTokens.clear();
	}

	/**
	 * Signals an event the way SuperOffice does: every Active webhook subscribed to it gets a signed
	 * POST, up to three attempts in one cycle with the same EventId (§5.6).
	 */
	async fireEvent(event: string, input: SoEventInput): Promise<SoDelivery[]> {
		const sent: SoDelivery[] = [];
		for (const webhook of this.webhooks.values()) {
			if (webhook.State !== 'Active' || !webhook.Events.includes(event)) continue;
			const payload = {
				EventId: randomUuid(),
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

	private async deliverCycle(webhook: SoWebhook, payload: Record<string, unknown>): Promise<SoDelivery[]> {
		const sent: SoDelivery[] = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			if (attempt > 0) await waitMs(this.webhookRetryDelaysMs[attempt - 1] ?? 0);
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
		const answer = await postTo(webhook.TargetUrl, rawBody, headers);
		const delivery: SoDelivery = {
			webhookId: webhook.WebhookId,
			event: String(payload.Event),
			eventId: String(payload.EventId),
			attempt,
			status: answer.status,
			responseBody: answer.body,
			rawBody,
			headers,
		};
		this.deliveries.push(delivery);
		return delivery;
	}

	/** Simulates the tenant having moved to another numbered host. */
	setMisdirected(on: boolean): void {
		this.misdirected = on;
	}

	memberCount(selectionId: number): number {
		return this.state.selections.get(selectionId)?.members.length ?? 0;
	}

	addSelection(input: {
		selectionId?: number;
		name: string;
		kind?: SoSelectionKind;
		description?: string;
		members?: SoMember[];
	}): SoSelection {
		const selection: SoSelection = {
			selectionId: input.selectionId ?? nextId(this.state.selections),
			name: input.name,
			kind: input.kind ?? 'static',
			description: input.description ?? '',
			members: input.members ? input.members.map((m) => ({ personId: m.personId, contactId: m.contactId })) : [],
		};
		this.state.selections.set(selection.selectionId, selection);
		return selection;
	}

	addRelation(
		input: Omit<SoRelation, 'relationId' | 'sourcePersonId' | 'destinationPersonId' | 'activeText' | 'passiveText'> &
			Partial<SoRelation>,
	): SoRelation {
		const relation: SoRelation = {
			relationId: input.relationId ?? nextId(this.state.relations),
			sourceContactId: input.sourceContactId,
			sourcePersonId: input.sourcePersonId ?? 0,
			destinationContactId: input.destinationContactId,
			destinationPersonId: input.destinationPersonId ?? 0,
			relationDefinitionId: input.relationDefinitionId,
			activeText: input.activeText ?? 'Related to',
			passiveText: input.passiveText ?? 'Related to',
		};
		this.state.relations.set(relation.relationId, relation);
		return relation;
	}

	protected handle(req: SimRequest): SimResponse | Promise<SimResponse> {
		// The login host's OAuth2 endpoints (§2.3); in the simulator they share the tenant host's port.
		if (!req.withinPrefix && /^\/login\/common\/oauth\/authorize$/i.test(req.path) && req.method === 'GET') {
			return this.oauthAuthorize(req);
		}
		if (!req.withinPrefix && /^\/login\/common\/oauth\/tokens$/i.test(req.path) && req.method === 'POST') {
			return this.oauthTokens(req);
		}
		if (this.misdirected || !req.withinPrefix) {
			return restError(421, 'MisdirectedRequest', 'Wrong subdomain used to access tenant');
		}
		const authFailure = this.authenticate(req.headers);
		if (authFailure) return restError(401, 'SoAuthenticationException', authFailure);
		const throttled = this.throttle(req.receivedAt);
		if (throttled) return throttled;

		const path = req.path.length > 1 ? req.path.replace(/\/$/, '') : req.path;
		const match = findRoute(this.routes, req.method, path);
		if (match.kind === 'none') {
			return restError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${path}'`);
		}
		if (match.kind === 'wrongMethod') {
			const response = restError(
				405,
				'MethodNotAllowed',
				`The requested resource does not support http method '${req.method}'`,
			);
			return { ...response, headers: { allow: match.allowed.join(', ') } };
		}
		if (req.method === 'POST' || req.method === 'PUT') {
			if (req.mediaType !== 'application/json' && req.mediaType !== 'text/json') {
				return restError(
					415,
					'UnsupportedMediaType',
					`The request entity's media type '${req.mediaType || '(none)'}' is not supported for this resource`,
				);
			}
			if (req.jsonError) return agentError(400, req.jsonError);
		}
		return match.route.run(req, match.params);
	}

	/** Returns why the credentials are rejected, or undefined when they are fine. Never echoes secrets. */
	private authenticate(headers: Record<string, string>): string | undefined {
		const header = headers.authorization;
		if (!header) return 'Authorization header is required';
		const space = header.indexOf(' ');
		const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
		const credentials = space < 0 ? '' : header.slice(space + 1).trim();
		const appToken = headers['so-apptoken'];
		switch (scheme) {
			case 'basic': {
				const decoded = Buffer.from(credentials, 'base64').toString('utf8');
				return decoded === `${this.auth.username}:${this.auth.password}` ? undefined : 'Invalid username or password';
			}
			case 'soticket':
				if (credentials !== this.auth.ticket) return 'Invalid ticket';
				if (appToken === undefined) return 'SO-AppToken header is required with SOTicket authentication';
				return appToken === this.auth.appToken ? undefined : 'Invalid SO-AppToken';
			case 'bearer':
				if (credentials !== this.auth.accessToken && !this.issuedAccessTokens.has(credentials)) {
					return 'Invalid access token';
				}
				// Optional with Bearer, but a wrong one is still a misconfigured credential.
				return appToken === undefined || appToken === this.auth.appToken ? undefined : 'Invalid SO-AppToken';
			default:
				return 'Unsupported authorization scheme';
		}
	}

	/** Sliding 1 s window; rejected requests do not use up the allowance. */
	private throttle(now: number): SimResponse | undefined {
		const limit = this.rateLimitPerSecond;
		if (limit === undefined) return undefined;
		while (this.recentRequests.length > 0 && this.recentRequests[0] <= now - 1000) this.recentRequests.shift();
		if (this.recentRequests.length < limit) {
			this.recentRequests.push(now);
			return undefined;
		}
		this.stats.rateLimited += 1;
		const retryAfter = Math.max(1, Math.ceil((this.recentRequests[0] + 1000 - now) / 1000));
		const response = restError(429, 'TooManyRequests', `No more than ${limit} API calls per second`);
		return { ...response, headers: { 'retry-after': String(retryAfter) } };
	}

	private currentPrincipal(): SimResponse {
		return {
			status: 200,
			body: { ...PRINCIPAL, UserName: this.auth.username, DatabaseContextIdentifier: this.tenant },
		};
	}

	private removeContactSelectionMembers(req: SimRequest): SimResponse {
		const parsed = tryParse(() => {
			const body = requireExactKeys(req.body, ['SelectionId', 'ContactPersonIds'], 'Request body');
			return {
				selectionId: requireInt32(body, 'SelectionId', 1, 'SelectionId'),
				pairs: parseContactPersonIds(body.ContactPersonIds),
			};
		});
		if (parsed instanceof InvalidInput) return agentError(400, parsed.message);
		const { selectionId, pairs } = parsed;
		const selection = this.state.selections.get(selectionId);
		if (!selection) return agentError(200, `Selection ${selectionId} does not exist`);
		if (selection.kind !== 'static') {
			return agentError(200, 'Members can only be removed from a static selection');
		}
		// A pair with a PersonId matches that person's row whatever ContactId says (the carrier
		// is documented as "either a person id or a contact id"); PersonId 0 means the company row.
		const personIds = new Set<number>();
		const companyIds = new Set<number>();
		for (const pair of pairs) {
			if (pair.personId > 0) personIds.add(pair.personId);
			else companyIds.add(pair.contactId);
		}
		selection.members = selection.members.filter((member) =>
			member.personId > 0 ? !personIds.has(member.personId) : !companyIds.has(member.contactId),
		);
		return { status: 204 };
	}

	private deleteContactRelation(req: SimRequest): SimResponse {
		const relationId = tryParse(() => {
			const body = requireExactKeys(req.body, ['ContactRelationEntityId'], 'Request body');
			return requireInt32(body, 'ContactRelationEntityId', 1, 'ContactRelationEntityId');
		});
		if (relationId instanceof InvalidInput) return agentError(400, relationId.message);
		if (!this.state.relations.delete(relationId)) {
			return agentError(200, `Relation ${relationId} does not exist`);
		}
		return { status: 204 };
	}

	private oauthAuthorize(req: SimRequest): SimResponse {
		const { client_id: clientId, redirect_uri: redirectUri, response_type: responseType, scope, state } = req.query;
		if (clientId !== this.oauthApp.clientId) return { status: 400, body: 'Unknown client_id' };
		if (responseType !== 'code') return { status: 400, body: 'Only response_type=code is supported' };
		if (!(scope ?? '').split(' ').includes('openid')) return { status: 400, body: 'scope must include openid' };
		if (!redirectUri) return { status: 400, body: 'redirect_uri is required' };
		const acr = req.query.acr_values;
		if (acr !== undefined && acr !== `tenant:${this.tenant}`) return { status: 400, body: `Unknown tenant in ${acr}` };
		const code = randomBytes(16).toString('hex');
		this.authorizationCodes.set(code, { redirectUri, used: false });
		const location = new URL(redirectUri);
		location.searchParams.set('code', code);
		if (state !== undefined) location.searchParams.set('state', state);
		return { status: 302, headers: { location: location.toString() } };
	}

	private oauthTokens(req: SimRequest): SimResponse {
		const form = new URLSearchParams(req.rawBody);
		const fail = (status: number, error: string, description: string): SimResponse => ({
			status,
			body: { error, error_description: description },
		});
		if (req.mediaType !== 'application/x-www-form-urlencoded') {
			return fail(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
		}
		// client_secret_post or client_secret_basic
		let clientId = form.get('client_id');
		let clientSecret = form.get('client_secret');
		const basic = /^basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
		if (basic) {
			const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			clientId = decodeURIComponent(id ?? '');
			clientSecret = decodeURIComponent(secret ?? '');
		}
		if (clientId !== this.oauthApp.clientId || clientSecret !== this.oauthApp.clientSecret) {
			return fail(401, 'invalid_client', 'Client authentication failed');
		}
		const grantType = form.get('grant_type') ?? '';
		this.tokenGrants.push(grantType);
		if (grantType === 'authorization_code') {
			const entry = this.authorizationCodes.get(form.get('code') ?? '');
			if (!entry || entry.used) return fail(400, 'invalid_grant', 'The authorization code is invalid or was used');
			if (entry.redirectUri !== form.get('redirect_uri')) {
				return fail(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
			}
			entry.used = true;
			const refreshToken = randomBytes(24).toString('base64url');
			this.refreshTokens.add(refreshToken);
			return { status: 200, body: { ...this.issueAccessToken(), refresh_token: refreshToken } };
		}
		if (grantType === 'refresh_token') {
			if (!this.refreshTokens.has(form.get('refresh_token') ?? '')) {
				return fail(400, 'invalid_grant', 'The refresh token is invalid or was revoked');
			}
			// SuperOffice answers a refresh without a new refresh_token (§2.3).
			return { status: 200, body: this.issueAccessToken() };
		}
		return fail(400, 'unsupported_grant_type', `grant_type ${grantType || '(none)'} is not supported`);
	}

	private issueAccessToken(): Record<string, unknown> {
		const accessToken = `8A:${this.tenant}.${randomBytes(18).toString('base64url')}`;
		this.issuedAccessTokens.add(accessToken);
		const claims = {
			iss: this.loginUrl,
			'http://schemes.superoffice.net/identity/ctx': this.tenant,
			'http://schemes.superoffice.net/identity/webapi_url': `${this.webApiUrl}/`,
		};
		const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
		return {
			token_type: 'Bearer',
			access_token: accessToken,
			expires_in: this.accessTokenLifetime,
			id_token: `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`,
		};
	}

	private getPerson(rawId: string): SimResponse {
		const person = this.state.persons.get(Number(rawId));
		if (!person) return notFound('Person', Number(rawId));
		const [firstname, ...rest] = person.fullName.split(' ');
		const contact = this.state.contacts.get(person.contactId);
		return {
			status: 200,
			body: {
				PersonId: person.personId,
				Firstname: firstname,
				Lastname: rest.join(' '),
				FullName: person.fullName,
				Contact: { ContactId: person.contactId, Name: contact?.name ?? '' },
				Emails: [{ Value: person.email, StrippedValue: person.email, Description: '' }],
			},
		};
	}

	private getContact(rawId: string): SimResponse {
		const contact = this.state.contacts.get(Number(rawId));
		if (!contact) return notFound('Contact', Number(rawId));
		return { status: 200, body: { ContactId: contact.contactId, Name: contact.name, Emails: [] } };
	}

	private webhookView(webhook: SoWebhook): Record<string, unknown> {
		// Whether SuperOffice echoes Secret is unverified; the simulator never does, so nothing relies on it.
		const { Secret: _secret, ...rest } = webhook;
		return { ...rest, Secret: null };
	}

	private listWebhooks(req: SimRequest): SimResponse {
		const { nameFilter, eventFilter, statusFilter } = req.query;
		const rows = [...this.webhooks.values()].filter(
			(w) =>
				(!nameFilter || w.Name.includes(nameFilter)) &&
				(!eventFilter || w.Events.includes(eventFilter)) &&
				(!statusFilter || w.State === statusFilter),
		);
		return { status: 200, body: rows.map((w) => this.webhookView(w)) };
	}

	private getWebhook(rawId: string): SimResponse {
		const webhook = this.webhooks.get(Number(rawId));
		return webhook ? { status: 200, body: this.webhookView(webhook) } : notFound('Webhook', Number(rawId));
	}

	private parseWebhook(
		body: unknown,
	): Omit<SoWebhook, 'WebhookId' | 'ConsecutiveErrors' | 'TotalCalls' | 'TotalErrors' | 'LastError' | 'Registered'> {
		if (!isPlainObject(body)) throw new InvalidInput('Webhook must be a JSON object');
		const allowed = [
			'WebhookId',
			'Name',
			'Events',
			'TargetUrl',
			'Secret',
			'State',
			'Type',
			'Headers',
			'Properties',
			'Description',
		];
		for (const key of Object.keys(body)) {
			if (!allowed.includes(key)) throw new InvalidInput(`Webhook has unexpected property '${key}'`);
		}
		if (typeof body.Name !== 'string' || body.Name.trim() === '') throw new InvalidInput('Name is required');
		const events = body.Events;
		if (
			!Array.isArray(events) ||
			events.length === 0 ||
			!events.every((e) => typeof e === 'string' && /^[a-z0-9_.]+$/i.test(e))
		) {
			throw new InvalidInput('Events must be a non-empty array of event names');
		}
		if (typeof body.TargetUrl !== 'string' || !/^https?:\/\//i.test(body.TargetUrl)) {
			throw new InvalidInput('TargetUrl must be an absolute http(s) URL');
		}
		if (body.Type !== 'webhook') throw new InvalidInput("Type must be 'webhook'");
		if (body.State !== 'Active' && body.State !== 'Stopped')
			throw new InvalidInput("State must be 'Active' or 'Stopped'");
		if (body.Secret !== undefined && typeof body.Secret !== 'string') throw new InvalidInput('Secret must be a string');
		return {
			Name: body.Name,
			Events: events as string[],
			TargetUrl: body.TargetUrl,
			Secret: (body.Secret as string | undefined) ?? '',
			State: body.State,
			Type: body.Type,
			Headers: isPlainObject(body.Headers) ? (body.Headers as Record<string, string>) : {},
		};
	}

	/** SuperOffice tests the TargetUrl while saving: the save fails unless the test event gets 200 (§5.2). */
	private async createWebhook(req: SimRequest): Promise<SimResponse> {
		const input = tryParse(() => this.parseWebhook(req.body));
		if (input instanceof InvalidInput) return restError(400, 'ArgumentException', input.message);
		const webhook: SoWebhook = {
			WebhookId: this.lastWebhookId + 1,
			...input,
			ConsecutiveErrors: 0,
			TotalCalls: 0,
			TotalErrors: 0,
			LastError: '',
			Registered: new Date().toISOString(),
		};
		const test = await this.deliver(webhook, this.testPayload(webhook), 0);
		if (test.status !== 200) {
			return restError(
				400,
				'WebhookException',
				`Webhook test to ${webhook.TargetUrl} failed: expected 200 OK, got ${test.status || 'no answer'}`,
			);
		}
		this.lastWebhookId = webhook.WebhookId;
		this.webhooks.set(webhook.WebhookId, webhook);
		return {
			status: 200,
			body: { ...this.webhookView(webhook), _Links: { Self: `${this.webApiUrl}/v1/Webhook/${webhook.WebhookId}` } },
		};
	}

	private testPayload(webhook: SoWebhook): Record<string, unknown> {
		return {
			EventId: randomUuid(),
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
	}

	private updateWebhook(req: SimRequest, rawId: string): SimResponse {
		const webhook = this.webhooks.get(Number(rawId));
		if (!webhook) return notFound('Webhook', Number(rawId));
		const input = tryParse(() => this.parseWebhook(req.body));
		if (input instanceof InvalidInput) return restError(400, 'ArgumentException', input.message);
		Object.assign(webhook, input, input.Secret === '' ? { Secret: webhook.Secret } : {});
		if (webhook.State === 'Active') webhook.ConsecutiveErrors = 0;
		return { status: 200, body: this.webhookView(webhook) };
	}

	private deleteWebhook(rawId: string): SimResponse {
		return this.webhooks.delete(Number(rawId)) ? { status: 204 } : notFound('Webhook', Number(rawId));
	}

	private listSelections(req: SimRequest): SimResponse {
		const rows = [...this.state.selections.values()].map((s) => ({
			PrimaryKey: s.selectionId,
			EntityName: 'selection',
			selectionId: s.selectionId,
			name: s.name,
			kind: s.kind,
			memberCount: s.members.length,
			targetTableNumber: TARGET_TABLE_CONTACT,
			description: s.description,
		}));
		return this.odataResponse(req, rows, SELECTION_COLUMNS);
	}

	private getSelection(rawId: string): SimResponse {
		const id = parseId(rawId);
		if (id === undefined) return restError(400, 'ArgumentException', `'${rawId}' is not a valid selection id`);
		const selection = this.state.selections.get(id);
		if (!selection) return notFound('Selection', id);
		return {
			status: 200,
			body: {
				SelectionId: selection.selectionId,
				Name: selection.name,
				SelectionType: capitalize(selection.kind),
				TargetTableName: 'contact',
				TargetTableNumber: TARGET_TABLE_CONTACT,
				MemberCount: selection.members.length,
				Description: selection.description,
			},
		};
	}

	private listMembers(req: SimRequest, rawId: string): SimResponse {
		const id = parseId(rawId);
		if (id === undefined) return restError(400, 'ArgumentException', `'${rawId}' is not a valid selection id`);
		const selection = this.state.selections.get(id);
		if (!selection) return notFound('Selection', id);
		const rows = selection.members.map((member) => this.memberRow(member));
		return this.odataResponse(req, rows, MEMBER_COLUMNS);
	}

	private memberRow(member: SoMember): Record<string, unknown> {
		if (member.personId > 0) {
			return {
				PrimaryKey: member.personId,
				EntityName: 'person',
				personId: member.personId,
				contactId: member.contactId,
				fullName: this.state.persons.get(member.personId)?.fullName ?? `Person ${member.personId}`,
			};
		}
		return {
			PrimaryKey: member.contactId,
			EntityName: 'contact',
			personId: 0,
			contactId: member.contactId,
			name: this.state.contacts.get(member.contactId)?.name ?? `Company ${member.contactId}`,
		};
	}

	private getRelation(rawId: string): SimResponse {
		const id = parseId(rawId);
		if (id === undefined) return restError(400, 'ArgumentException', `'${rawId}' is not a valid relation id`);
		const relation = this.state.relations.get(id);
		if (!relation) return notFound('Relation', id);
		return {
			status: 200,
			body: {
				RelationId: relation.relationId,
				SourceContactId: relation.sourceContactId,
				SourcePersonId: relation.sourcePersonId,
				DestinationContactId: relation.destinationContactId,
				DestinationPersonId: relation.destinationPersonId,
				RelationDefinitionId: relation.relationDefinitionId,
				ActiveText: relation.activeText,
				PassiveText: relation.passiveText,
				SourceContactName: this.state.contacts.get(relation.sourceContactId)?.name ?? '',
				DestinationContactName: this.state.contacts.get(relation.destinationContactId)?.name ?? '',
			},
		};
	}

	/** Archive-style list: $filter, $orderBy, $skip, $top, $select, plus odata.nextLink when rows remain. */
	private odataResponse(req: SimRequest, rows: Array<Record<string, unknown>>, columns: string[]): SimResponse {
		const query = tryParse(() => parseODataQuery(req.query, columns));
		if (query instanceof InvalidInput) return restError(400, 'ArgumentException', query.message);
		const { nameFilter } = query;
		const matches = nameFilter ? rows.filter((row) => nameFilter(displayName(row))) : rows;
		if (query.orderBy) {
			const direction = query.orderBy === 'desc' ? -1 : 1;
			matches.sort((a, b) => direction * displayName(a).localeCompare(displayName(b)));
		}
		const end = query.top === undefined ? matches.length : query.skip + query.top;
		const body: Record<string, unknown> = { 'odata.metadata': `${this.webApiUrl}/v1/archive$metadata` };
		if (end < matches.length) {
			const next = new URLSearchParams(req.query);
			next.set('$skip', String(end));
			body['odata.nextLink'] = `${this.webApiUrl}${req.path}?${next.toString()}`;
		}
		body.value = matches.slice(query.skip, end).map((row) => selectColumns(row, query.select));
		return { status: 200, body };
	}
}

const SELECTION_COLUMNS = ['selectionId', 'name', 'kind', 'memberCount', 'targetTableNumber', 'description'];
const MEMBER_COLUMNS = ['personId', 'contactId', 'fullName', 'name'];

interface ODataQuery {
	select?: string[];
	nameFilter?: (name: string) => boolean;
	top?: number;
	skip: number;
	orderBy?: 'asc' | 'desc';
}

function parseODataQuery(query: Record<string, string>, columns: string[]): ODataQuery {
	const result: ODataQuery = { skip: 0, nameFilter: parseNameFilter(query.$filter) };
	if (query.$select !== undefined) {
		const wanted = query.$select
			.split(',')
			.map((c) => c.trim())
			.filter(Boolean);
		for (const column of wanted) {
			if (!columns.some((c) => c.toLowerCase() === column.toLowerCase())) {
				throw new InvalidInput(`Unknown column '${column}' in $select`);
			}
		}
		result.select = wanted.map((w) => columns.find((c) => c.toLowerCase() === w.toLowerCase())!);
	}
	if (query.$top !== undefined) result.top = parseNonNegative(query.$top, '$top');
	if (query.$skip !== undefined) result.skip = parseNonNegative(query.$skip, '$skip');
	if (query.$orderBy !== undefined) {
		const order = /^\s*name(?:\s+(asc|desc))?\s*$/i.exec(query.$orderBy);
		if (!order) throw new InvalidInput(`Unsupported $orderBy '${query.$orderBy}'`);
		result.orderBy = (order[1]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'asc';
	}
	return result;
}

function parseNonNegative(value: string, name: string): number {
	if (!/^\d+$/.test(value)) throw new InvalidInput(`${name} must be a non-negative integer`);
	return Number(value);
}

/** Only the two name filters the node needs; anything else is rejected rather than ignored. */
function parseNameFilter(filter: string | undefined): ((name: string) => boolean) | undefined {
	if (filter === undefined) return undefined;
	const literal = `'((?:[^']|'')*)'`;
	const contains = new RegExp(`^\\s*name\\s+contains\\s+${literal}\\s*$`, 'i').exec(filter);
	const startsWith = new RegExp(`^\\s*startswith\\(\\s*name\\s*,\\s*${literal}\\s*\\)\\s*$`, 'i').exec(filter);
	const text = (contains ?? startsWith)?.[1]?.replace(/''/g, "'").toLowerCase();
	if (text === undefined) throw new InvalidInput(`Unsupported $filter expression '${filter}'`);
	return contains ? (name) => name.toLowerCase().includes(text) : (name) => name.toLowerCase().startsWith(text);
}

/** Selections and companies have a name, persons a fullName; filters and ordering use whichever exists. */
function displayName(row: Record<string, unknown>): string {
	return String(row.name ?? row.fullName ?? '');
}

function selectColumns(row: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
	if (!select) return row;
	const picked: Record<string, unknown> = { PrimaryKey: row.PrimaryKey, EntityName: row.EntityName };
	for (const column of select) if (column in row) picked[column] = row[column];
	return picked;
}

function parseContactPersonIds(value: unknown): SoMember[] {
	if (!Array.isArray(value)) throw new InvalidInput('ContactPersonIds must be an array');
	if (value.length === 0) throw new InvalidInput('ContactPersonIds must contain at least one element');
	return value.map((element, index) => {
		const where = `ContactPersonIds[${index}]`;
		const pair = requireExactKeys(element, ['PersonId', 'ContactId'], where);
		const personId = requireInt32(pair, 'PersonId', 0, `${where}.PersonId`);
		const contactId = requireInt32(pair, 'ContactId', 0, `${where}.ContactId`);
		if (personId === 0 && contactId === 0)
			throw new InvalidInput(`${where} must have a non-zero PersonId or ContactId`);
		return { personId, contactId };
	});
}

function parseId(raw: string): number | undefined {
	if (!/^\d+$/.test(raw)) return undefined;
	const id = Number(raw);
	return id <= MAX_INT32 ? id : undefined;
}

function notFound(entity: string, id: number): SimResponse {
	return restError(404, 'SoNotFoundException', `${entity} id ${id} not found`, 'SuperOffice.Services.Implementation');
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function nextId(map: Map<number, unknown>): number {
	let max = 0;
	for (const id of map.keys()) if (id > max) max = id;
	return max + 1;
}

function emptyState(): SuperOfficeState {
	return { contacts: new Map(), persons: new Map(), selections: new Map(), relations: new Map() };
}

function seededState(): SuperOfficeState {
	const state = emptyState();
	const contacts: SoContact[] = [
		{ contactId: 138, name: 'Nordic Bikes AS' },
		{ contactId: 139, name: 'Fjord Consulting' },
		{ contactId: 140, name: 'Aurora Logistics AB' },
		{ contactId: 141, name: 'Baltic Timber Oy' },
		{ contactId: 142, name: 'Nordic Bikes Retail AS' },
	];
	const persons: SoPerson[] = [
		{ personId: 266, contactId: 138, fullName: 'Kari Nordmann', email: 'kari.nordmann@nordicbikes.example' },
		{ personId: 267, contactId: 138, fullName: 'Ola Hansen', email: 'ola.hansen@nordicbikes.example' },
		{ personId: 301, contactId: 139, fullName: 'Ingrid Berg', email: 'ingrid.berg@fjordconsulting.example' },
		{ personId: 302, contactId: 139, fullName: 'Lars Eriksen', email: 'lars.eriksen@fjordconsulting.example' },
		{ personId: 315, contactId: 141, fullName: 'Mikko Virtanen', email: 'mikko.virtanen@baltictimber.example' },
		{ personId: 320, contactId: 142, fullName: 'Sofie Dahl', email: 'sofie.dahl@nordicbikesretail.example' },
	];
	const selections: SoSelection[] = [
		{
			selectionId: 938,
			name: 'Newsletter subscribers',
			kind: 'static',
			description: 'Monthly product newsletter',
			members: [
				{ personId: 266, contactId: 138 },
				{ personId: 267, contactId: 138 },
				{ personId: 301, contactId: 139 },
				{ personId: 0, contactId: 140 },
			],
		},
		{
			selectionId: 939,
			name: 'Event invitations 2026',
			kind: 'static',
			description: 'Spring partner event',
			members: [
				{ personId: 302, contactId: 139 },
				{ personId: 315, contactId: 141 },
				{ personId: 320, contactId: 142 },
			],
		},
		{
			selectionId: 940,
			name: 'Key accounts (dynamic)',
			kind: 'dynamic',
			description: 'Companies in category A',
			members: [
				{ personId: 0, contactId: 138 },
				{ personId: 0, contactId: 139 },
			],
		},
	];
	const relations: SoRelation[] = [
		{
			relationId: 413,
			sourceContactId: 142,
			sourcePersonId: 0,
			destinationContactId: 138,
			destinationPersonId: 0,
			relationDefinitionId: 1,
			activeText: 'Subsidiary of',
			passiveText: 'Parent of',
		},
		{
			relationId: 414,
			sourceContactId: 139,
			sourcePersonId: 0,
			destinationContactId: 141,
			destinationPersonId: 0,
			relationDefinitionId: 2,
			activeText: 'Supplier to',
			passiveText: 'Customer of',
		},
		{
			relationId: 415,
			sourceContactId: 138,
			sourcePersonId: 266,
			destinationContactId: 139,
			destinationPersonId: 301,
			relationDefinitionId: 3,
			activeText: 'Consultant for',
			passiveText: 'Has consultant',
		},
	];
	for (const c of contacts) state.contacts.set(c.contactId, c);
	for (const p of persons) state.persons.set(p.personId, p);
	for (const s of selections) state.selections.set(s.selectionId, s);
	for (const r of relations) state.relations.set(r.relationId, r);
	return state;
}

function randomUuid(): string {
	const hex = randomBytes(16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function waitMs(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

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
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
				);
				response.on('error', () => resolve({ status: 0, body: 'response error' }));
			},
		);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (error) => resolve({ status: 0, body: error.message }));
		request.end(rawBody);
	});
}

export async function startSuperOfficeSimulator(options?: SuperOfficeSimulatorOptions): Promise<SuperOfficeSimulator> {
	const simulator = new SuperOfficeSimulator(options);
	await simulator.listen();
	return simulator;
}
