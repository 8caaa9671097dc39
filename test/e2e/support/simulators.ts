/**
 * The bundled SuperOffice and AutoSend simulators, seeded for a real n8n: the simulators' own seed data
 * plus the links between the two systems that the example workflows rely on (the SuperOffice persons
 * are also AutoSend contacts on the Newsletter list). Used by `npm run dev`, the e2e and UI tests and
 * `npm run bench:storm`.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { postTo, startAutoSendSimulator, startSuperOfficeSimulator, type SoDelivery } from '../../simulators';
import type {
	AutoSendSimulator,
	AutoSendSimulatorOptions,
	SuperOfficeSimulator,
	SuperOfficeSimulatorOptions,
} from '../../simulators';

export const NEWSLETTER_SELECTION = 938;
export const NEWSLETTER_LIST = '60d5ec49f1b2c72d9c8b4567';
export const CUSTOMERS_LIST = '60d5ec49f1b2c72d9c8b4568';

/** The simulators' default secrets (test/simulators), one set per SuperOffice authentication scheme. */
export const SECRETS = {
	superOffice: {
		username: 'so-user',
		password: 'so-password',
		ticket: '7T:c28tdGlja2V0',
		accessToken: '8A:Cust12345.access-token',
		appToken: 'so-app-token',
	},
	autoSendApiKey: 'AS_test_key_123',
};

/** Credential ids the example workflows reference, so they run as imported. */
export const CREDENTIAL_IDS = {
	superOfficeTicket: 'SuperOfficeDemo1',
	superOfficeBasic: 'SuperOfficeBasic',
	superOfficeBearer: 'SuperOfficeBear1',
	autoSend: 'AutoSendDemo0001',
};

export interface Simulators {
	so: SuperOfficeSimulator;
	as: AutoSendSimulator;
	close(): Promise<void>;
}

/** Options for each simulator, e.g. the rate limits the storm bench enforces. */
export interface SimulatorOptions {
	superOffice?: SuperOfficeSimulatorOptions;
	autoSend?: AutoSendSimulatorOptions;
}

export async function startSimulators(options: SimulatorOptions = {}): Promise<Simulators> {
	const [so, as] = await Promise.all([
		startSuperOfficeSimulator(options.superOffice),
		startAutoSendSimulator(options.autoSend),
	]);
	// Everyone on the SuperOffice newsletter selection also gets the AutoSend newsletter.
	const newsletter = so.state.selections.get(NEWSLETTER_SELECTION);
	const subscribers = (newsletter?.members ?? [])
		.map((member) => so.state.persons.get(member.personId))
		.filter((person) => person !== undefined)
		.map((person) => {
			const [firstName, ...rest] = person.fullName.split(' ');
			return { email: person.email, firstName, lastName: rest.join(' ') };
		});
	as.addContacts(subscribers, { listId: NEWSLETTER_LIST });
	return { so, as, close: async () => void (await Promise.all([so.close(), as.close()])) };
}

export interface CredentialExport {
	id: string;
	name: string;
	type: string;
	/** Plain data: `n8n import:credentials` encrypts a data object with the instance's key. */
	data: ICredentialDataDecryptedObject;
}

/** The credentials for the simulators, in the format `n8n import:credentials` reads. */
export function simulatorCredentials({ so, as }: Pick<Simulators, 'so' | 'as'>): CredentialExport[] {
	const s = SECRETS.superOffice;
	return [
		{
			id: CREDENTIAL_IDS.superOfficeTicket,
			name: 'SuperOffice account',
			type: 'superOfficeApi',
			data: { webApiUrl: so.webApiUrl, authentication: 'soTicket', ticket: s.ticket, appToken: s.appToken },
		},
		{
			id: CREDENTIAL_IDS.superOfficeBasic,
			name: 'SuperOffice onsite (Basic)',
			type: 'superOfficeApi',
			data: { webApiUrl: so.webApiUrl, authentication: 'basic', username: s.username, password: s.password },
		},
		{
			id: CREDENTIAL_IDS.superOfficeBearer,
			name: 'SuperOffice Online (Bearer)',
			type: 'superOfficeApi',
			data: { webApiUrl: so.webApiUrl, authentication: 'bearer', accessToken: s.accessToken },
		},
		{
			id: CREDENTIAL_IDS.autoSend,
			name: 'AutoSend account',
			type: 'autoSendApi',
			data: { apiKey: SECRETS.autoSendApiKey, baseUrl: as.baseUrl },
		},
	];
}

/**
 * SuperOffice's retry of a delivery: the same bytes and headers (so the same EventId and signature) to
 * the webhook's URL. Returns n8n's status.
 */
export async function resendSuperOfficeDelivery(so: SuperOfficeSimulator, delivery: SoDelivery): Promise<number> {
	const webhook = so.webhooks.get(delivery.webhookId);
	if (!webhook) throw new Error(`SuperOffice webhook ${delivery.webhookId} is gone`);
	return (await postTo(webhook.TargetUrl, delivery.rawBody, delivery.headers)).status;
}
