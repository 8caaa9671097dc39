/**
 * In-memory simulator of the SuperOffice CRM WebAPI routes the SuperOffice nodes use (see the
 * reference sections 1, 2, 3.1-3.4 and 4, and the two agent pages in /work/shared/api). This class
 * does what every request goes through (misdirection, authentication, the rate limit, routing and
 * body checks); what a resource answers lives in routes/<resource>.ts. It is deliberately stricter
 * than the real service where the docs leave room (exact keys, exact casing, no string numbers),
 * so a sloppy request fails in tests instead of in production.
 */
import { HttpSimulator } from '../common/httpSimulator';
import { jsonBodyProblem, type SimRequest } from '../common/request';
import type { SimResponse } from '../common/response';
import { findRoute, type Route } from '../common/routes';
import type { SuperOfficeContext } from './context';
import { agentError, restError } from './helpers';
import { consentListRoutes } from './routes/consentLists';
import { contactRoutes } from './routes/contact';
import { oauthRoutes } from './routes/oauth';
import { personRoutes } from './routes/person';
import { relationRoutes } from './routes/relation';
import { selectionRoutes } from './routes/selection';
import { userRoutes } from './routes/user';
import { webhookRoutes } from './routes/webhook';
import { seededState } from './seed';
import {
	addRelation,
	addSelection,
	emptyState,
	type OAuthState,
	type RelationInput,
	type SelectionInput,
	type SoRelation,
	type SoSelection,
	type SoWebhook,
	type SuperOfficeState,
	type SuperOfficeStats,
} from './state';
import { WebhookSender, type SoDelivery, type SoEventInput } from './webhookDelivery';

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

const DEFAULT_AUTH = {
	username: 'so-user',
	password: 'so-password',
	ticket: '7T:c28tdGlja2V0',
	accessToken: '8A:Cust12345.access-token',
	appToken: 'so-app-token',
};

// SuperOffice accepts the older text/json beside application/json on its POST and PUT routes.
const JSON_MEDIA_TYPES = ['application/json', 'text/json'];

export class SuperOfficeSimulator extends HttpSimulator {
	readonly tenant: string;
	readonly state: SuperOfficeState;
	readonly stats: SuperOfficeStats = { rateLimited: 0 };
	private readonly auth: typeof DEFAULT_AUTH;
	private readonly rateLimitPerSecond?: number;
	private readonly recentRequests: number[] = [];
	private misdirected = false;
	private readonly oauth: OAuthState;
	private readonly sender: WebhookSender;
	/** The login host's routes, outside the tenant's /api prefix. */
	private readonly loginRoutes: Route[];
	private readonly apiRoutes: Route[];
	readonly webhooks: Map<number, SoWebhook>;
	readonly deliveries: SoDelivery[];
	/** Grant types asked of the token endpoint, in order. */
	readonly tokenGrants: string[];

	constructor(options: SuperOfficeSimulatorOptions = {}) {
		const tenant = options.tenant ?? 'Cust12345';
		super(`/${tenant}/api`, options.latencyMs);
		this.tenant = tenant;
		this.auth = { ...DEFAULT_AUTH, ...options.auth };
		this.rateLimitPerSecond = options.rateLimitPerSecond;
		this.oauth = {
			app: {
				clientId: options.oauth?.clientId ?? 'so-client-id',
				clientSecret: options.oauth?.clientSecret ?? 'so-app-token',
			},
			accessTokenLifetime: options.accessTokenLifetime ?? 3600,
			authorizationCodes: new Map(),
			issuedAccessTokens: new Set(),
			refreshTokens: new Set(),
			tokenGrants: [],
		};
		this.tokenGrants = this.oauth.tokenGrants;
		this.state = options.seed === false ? emptyState() : seededState();
		this.sender = new WebhookSender(tenant);
		this.webhooks = this.sender.registered;
		this.deliveries = this.sender.deliveries;

		const context: SuperOfficeContext = {
			tenant,
			state: this.state,
			username: this.auth.username,
			oauth: this.oauth,
			webhooks: this.sender,
			webApiUrl: () => this.webApiUrl,
			loginUrl: () => this.loginUrl,
		};
		this.loginRoutes = oauthRoutes(context);
		// A new resource adds its routes module here.
		this.apiRoutes = [
			...userRoutes(context),
			...selectionRoutes(context),
			...relationRoutes(context),
			...personRoutes(context),
			...contactRoutes(context),
			...consentListRoutes(context),
			...webhookRoutes(context),
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
		return { ...this.oauth.app };
	}

	/** Waits between the three attempts of a delivery cycle; SuperOffice waits 1 s, then 4 s. */
	get webhookRetryDelaysMs(): number[] {
		return this.sender.retryDelaysMs;
	}

	set webhookRetryDelaysMs(delays: number[]) {
		this.sender.retryDelaysMs = delays;
	}

	/** Every access token issued so far stops working (401), as when it expires. */
	expireAccessTokens(): void {
		this.oauth.issuedAccessTokens.clear();
	}

	/** Refresh tokens stop working, as when the tenant revokes the app's authorization. */
	revokeRefreshTokens(): void {
		this.oauth.refreshTokens.clear();
	}

	/**
	 * Signals an event the way SuperOffice does: every Active webhook subscribed to it gets a signed
	 * POST, up to three attempts in one cycle with the same EventId (§5.6).
	 */
	fireEvent(event: string, input: SoEventInput): Promise<SoDelivery[]> {
		return this.sender.fire(event, input);
	}

	/** Simulates the tenant having moved to another numbered host. */
	setMisdirected(on: boolean): void {
		this.misdirected = on;
	}

	memberCount(selectionId: number): number {
		return this.state.selections.get(selectionId)?.members.length ?? 0;
	}

	addSelection(input: SelectionInput): SoSelection {
		return addSelection(this.state, input);
	}

	addRelation(input: RelationInput): SoRelation {
		return addRelation(this.state, input);
	}

	protected handle(req: SimRequest): SimResponse | Promise<SimResponse> {
		// In the simulator the login host shares the tenant host's port.
		if (!req.withinPrefix) {
			const login = findRoute(this.loginRoutes, req.method, req.path);
			if (login.kind === 'found') return login.route.run(req, login.params);
		}
		if (this.misdirected || !req.withinPrefix) {
			return restError(421, 'MisdirectedRequest', 'Wrong subdomain used to access tenant');
		}
		const authFailure = this.authenticate(req.headers);
		if (authFailure) return restError(401, 'SoAuthenticationException', authFailure);
		const throttled = this.throttle(req.receivedAt);
		if (throttled) return throttled;

		// SuperOffice routing is case-insensitive (docs mix /Contact and /contact) and tolerates a trailing slash.
		const path = req.path.length > 1 ? req.path.replace(/\/$/, '') : req.path;
		const match = findRoute(this.apiRoutes, req.method, path);
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
		const problem = jsonBodyProblem(req, JSON_MEDIA_TYPES);
		if (problem?.kind === 'mediaType') {
			return restError(
				415,
				'UnsupportedMediaType',
				`The request entity's media type '${req.mediaType || '(none)'}' is not supported for this resource`,
			);
		}
		if (problem?.kind === 'syntax') return agentError(400, problem.message);
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
				if (credentials !== this.auth.accessToken && !this.oauth.issuedAccessTokens.has(credentials)) {
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
}

export async function startSuperOfficeSimulator(options?: SuperOfficeSimulatorOptions): Promise<SuperOfficeSimulator> {
	const simulator = new SuperOfficeSimulator(options);
	await simulator.listen();
	return simulator;
}
