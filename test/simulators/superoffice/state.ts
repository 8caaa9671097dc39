/**
 * What the SuperOffice simulator remembers: companies (SuperOffice calls them contacts), persons,
 * selections, relations, registered webhooks and the login host's OAuth2 grants. A new resource
 * adds its record type and its map here, and its seed rows in seed.ts.
 */

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

/** What the login host remembers between the authorize call, the token calls and the API calls. */
export interface OAuthState {
	readonly app: { clientId: string; clientSecret: string };
	/** Lifetime of issued access tokens, seconds (expires_in). */
	readonly accessTokenLifetime: number;
	readonly authorizationCodes: Map<string, { redirectUri: string; used: boolean }>;
	readonly issuedAccessTokens: Set<string>;
	readonly refreshTokens: Set<string>;
	/** Grant types asked of the token endpoint, in order. */
	readonly tokenGrants: string[];
}

export function emptyState(): SuperOfficeState {
	return { contacts: new Map(), persons: new Map(), selections: new Map(), relations: new Map() };
}

export function nextId(map: Map<number, unknown>): number {
	let max = 0;
	for (const id of map.keys()) if (id > max) max = id;
	return max + 1;
}

export interface SelectionInput {
	selectionId?: number;
	name: string;
	kind?: SoSelectionKind;
	description?: string;
	members?: SoMember[];
}

export function addSelection(state: SuperOfficeState, input: SelectionInput): SoSelection {
	const selection: SoSelection = {
		selectionId: input.selectionId ?? nextId(state.selections),
		name: input.name,
		kind: input.kind ?? 'static',
		description: input.description ?? '',
		members: input.members ? input.members.map((m) => ({ personId: m.personId, contactId: m.contactId })) : [],
	};
	state.selections.set(selection.selectionId, selection);
	return selection;
}

export type RelationInput = Omit<
	SoRelation,
	'relationId' | 'sourcePersonId' | 'destinationPersonId' | 'activeText' | 'passiveText'
> &
	Partial<SoRelation>;

export function addRelation(state: SuperOfficeState, input: RelationInput): SoRelation {
	const relation: SoRelation = {
		relationId: input.relationId ?? nextId(state.relations),
		sourceContactId: input.sourceContactId,
		sourcePersonId: input.sourcePersonId ?? 0,
		destinationContactId: input.destinationContactId,
		destinationPersonId: input.destinationPersonId ?? 0,
		relationDefinitionId: input.relationDefinitionId,
		activeText: input.activeText ?? 'Related to',
		passiveText: input.passiveText ?? 'Related to',
	};
	state.relations.set(relation.relationId, relation);
	return relation;
}
