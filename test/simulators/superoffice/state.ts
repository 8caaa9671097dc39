/**
 * What the SuperOffice simulator remembers: companies (SuperOffice calls them contacts), persons,
 * selections, relations, registered webhooks and the login host's OAuth2 grants. A new resource
 * adds its record type and its map here, and its seed rows in seed.ts.
 */

export interface SoContact {
	contactId: number;
	name: string;
	/** The rest is what the Company (Contact) operations read and write; unset in the original seed rows. */
	department?: string;
	orgNr?: string;
	email?: string;
	phone?: string;
	customFields?: Record<string, string>;
	/** ISO date-times, UTC */
	updated?: string;
	registered?: string;
}

export interface SoPerson {
	personId: number;
	contactId: number;
	fullName: string;
	email: string;
	/** The rest is what the Person operations read and write; unset in the original seed rows. */
	firstName?: string;
	lastName?: string;
	title?: string;
	otherEmails?: string[];
	phone?: string;
	mobilePhone?: string;
	customFields?: Record<string, string>;
	/** PersonEntity's Retired (no longer works at the company) and NoMailing (left out of mailings); default false */
	retired?: boolean;
	noMailing?: boolean;
	/** ISO date-times, UTC */
	updated?: string;
	registered?: string;
}

/** One consent of a person, as ConsentInfo names its keys (LegalBase 'WITHDRAWN' once removed). */
export interface SoConsent {
	purpose: string;
	source: string;
	legalBase: string;
	comment: string;
	updated: string;
}

/** The bounce counter SuperOffice keeps per e-mail address. */
export interface SoBounce {
	count: number;
	code: number;
	reason: string;
	last: string;
}

/** One published custom field (FieldInfoBase), as GET /v1/{Entity}/CustomField lists it. */
export interface SoCustomFieldInfo {
	FieldName: string;
	DisplayName: string;
	FieldType: string;
	Description: string;
	IsReadOnly: boolean;
	IsMandatory: boolean;
	HideField: boolean;
	Rank: number;
	/** 'cs01' and the like for user-defined fields; null for extra fields */
	TemplateVariableName: string | null;
}

/** An item of the ConsentPurpose, ConsentSource or LegalBase list. */
export interface SoConsentListItem {
	id: number;
	key: string;
	name: string;
	tooltip: string;
	deleted: boolean;
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
	/** What the members are: 'contact' (companies, the default) or 'person'. */
	targetTableName?: SoTargetTable;
}

export type SoTargetTable = 'contact' | 'person';

export interface SoRelation {
	relationId: number;
	sourceContactId: number;
	sourcePersonId: number;
	destinationContactId: number;
	destinationPersonId: number;
	relationDefinitionId: number;
	activeText: string;
	passiveText: string;
	comment?: string;
}

export interface SuperOfficeState {
	contacts: Map<number, SoContact>;
	persons: Map<number, SoPerson>;
	selections: Map<number, SoSelection>;
	relations: Map<number, SoRelation>;
	/** Consents per person id */
	consents: Map<number, SoConsent[]>;
	/** Bounce counters per e-mail address, lower case */
	bounces: Map<string, SoBounce>;
	customFieldInfo: { person: SoCustomFieldInfo[]; contact: SoCustomFieldInfo[] };
	consentLists: { purposes: SoConsentListItem[]; sources: SoConsentListItem[]; legalBases: SoConsentListItem[] };
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
	return {
		contacts: new Map(),
		persons: new Map(),
		selections: new Map(),
		relations: new Map(),
		consents: new Map(),
		bounces: new Map(),
		customFieldInfo: { person: [], contact: [] },
		consentLists: { purposes: [], sources: [], legalBases: [] },
	};
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
	targetTableName?: SoTargetTable;
}

export function addSelection(state: SuperOfficeState, input: SelectionInput): SoSelection {
	const selection: SoSelection = {
		selectionId: input.selectionId ?? nextId(state.selections),
		name: input.name,
		kind: input.kind ?? 'static',
		description: input.description ?? '',
		members: input.members ? input.members.map((m) => ({ personId: m.personId, contactId: m.contactId })) : [],
		...(input.targetTableName ? { targetTableName: input.targetTableName } : {}),
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
		...(input.comment ? { comment: input.comment } : {}),
	};
	state.relations.set(relation.relationId, relation);
	return relation;
}
