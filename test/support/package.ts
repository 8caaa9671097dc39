// The package's real nodes and credentials, wired into the n8n-core harness and the simulators' defaults.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { AutoSendApi } from '../../credentials/AutoSendApi.credentials';
import { SuperOfficeApi } from '../../credentials/SuperOfficeApi.credentials';
import { SuperOfficeOAuth2Api } from '../../credentials/SuperOfficeOAuth2Api.credentials';
import { AutoSend } from '../../nodes/AutoSend/AutoSend.node';
import { AutoSendTrigger } from '../../nodes/AutoSendTrigger/AutoSendTrigger.node';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';
import { SuperOfficeTrigger } from '../../nodes/SuperOfficeTrigger/SuperOfficeTrigger.node';
import { createHarness, OAuth2ApiStandIn, shutdownHarness } from '../harness';
import type {
	AutoSendSimulator,
	AutoSendSimulatorOptions,
	SuperOfficeSimulator,
	SuperOfficeSimulatorOptions,
} from '../simulators';
import { startAutoSendSimulator, startSuperOfficeSimulator } from '../simulators';

export const harness = createHarness({
	nodeTypes: {
		superOffice: new SuperOffice(),
		autoSend: new AutoSend(),
		superOfficeTrigger: new SuperOfficeTrigger(),
		autoSendTrigger: new AutoSendTrigger(),
	},
	credentialTypes: [new SuperOfficeApi(), new AutoSendApi(), new SuperOfficeOAuth2Api(), new OAuth2ApiStandIn()],
});

/** The OAuth2 credential as a user fills it in for the simulator's login host (before signing in). */
export function superOfficeOAuth2Form(
	sim: SuperOfficeSimulator,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		environment: 'custom',
		customLoginHost: sim.loginUrl,
		clientId: sim.oauthClient.clientId,
		clientSecret: sim.oauthClient.clientSecret,
		webApiUrl: sim.webApiUrl,
		...overrides,
	};
}

/** A connected SuperOffice OAuth2 credential: signed in through n8n's OAuth2 flow against the simulator. */
export async function superOfficeOAuth2Credential(
	sim: SuperOfficeSimulator,
	overrides: ICredentialDataDecryptedObject = {},
): Promise<{ superOfficeOAuth2Api: ICredentialDataDecryptedObject }> {
	const { data } = await harness.connectOAuth2('superOfficeOAuth2Api', superOfficeOAuth2Form(sim, overrides));
	return { superOfficeOAuth2Api: data };
}

/** The simulator's default secrets, one set per SuperOffice authentication scheme. */
export const SO_SECRETS = {
	username: 'so-user',
	password: 'so-password',
	ticket: '7T:c28tdGlja2V0',
	accessToken: '8A:Cust12345.access-token',
	appToken: 'so-app-token',
};

export function superOfficeCredential(
	sim: SuperOfficeSimulator,
	authentication: 'basic' | 'soTicket' | 'bearer' = 'basic',
	overrides: ICredentialDataDecryptedObject = {},
): { superOfficeApi: ICredentialDataDecryptedObject } {
	const secrets: ICredentialDataDecryptedObject =
		authentication === 'basic'
			? { username: SO_SECRETS.username, password: SO_SECRETS.password }
			: authentication === 'soTicket'
				? { ticket: SO_SECRETS.ticket, appToken: SO_SECRETS.appToken }
				: { accessToken: SO_SECRETS.accessToken };
	return { superOfficeApi: { webApiUrl: sim.webApiUrl, authentication, ...secrets, ...overrides } };
}

export const AUTOSEND_KEY = 'AS_test_key_123';

export function autoSendCredential(
	sim: AutoSendSimulator,
	overrides: ICredentialDataDecryptedObject = {},
): { autoSendApi: ICredentialDataDecryptedObject } {
	return { autoSendApi: { apiKey: AUTOSEND_KEY, baseUrl: sim.baseUrl, ...overrides } };
}

/** Parameters of Selection › Remove Members; the selection is given By ID unless a locator is passed. */
export function removeMembersParameters(selectionId: unknown, extra: Record<string, unknown> = {}) {
	return {
		resource: 'selection',
		operation: 'removeMembers',
		selectionId: { __rl: true as const, mode: 'id', value: selectionId as string },
		contactId: '={{ $json.contactId }}',
		personId: '={{ $json.personId }}',
		...extra,
	};
}

export function removeContactsParameters(contactListId: unknown, extra: Record<string, unknown> = {}) {
	return {
		resource: 'contactList',
		operation: 'removeContacts',
		contactListId: { __rl: true as const, mode: 'id', value: contactListId as string },
		removeBy: 'email',
		emails: '={{ $json.emails }}',
		...extra,
	};
}

export interface SimulatorUse {
	/** A fresh pair for every test (state a test changes must not reach the next); default: one pair per file. */
	each?: boolean;
	superOffice?: SuperOfficeSimulatorOptions;
	autoSend?: AutoSendSimulatorOptions;
}

/**
 * Both simulators for one test file: started before its tests (or before each, with `each`), recorded
 * requests and pending faults cleared before each test, closed (with the harness) after. Read them inside
 * tests: `sims.so`, `sims.as`.
 */
export function useSimulators(use: SimulatorUse = {}): { so: SuperOfficeSimulator; as: AutoSendSimulator } {
	const sims = {} as { so: SuperOfficeSimulator; as: AutoSendSimulator };
	const start = async () => {
		[sims.so, sims.as] = await Promise.all([
			startSuperOfficeSimulator(use.superOffice),
			startAutoSendSimulator(use.autoSend),
		]);
	};
	const close = async () => await Promise.all([sims.so?.close(), sims.as?.close()]);
	if (use.each) {
		beforeEach(start);
		afterEach(close);
	} else {
		beforeAll(start);
		beforeEach(() => {
			for (const sim of [sims.so, sims.as]) {
				sim.resetRequests();
				sim.clearFaults();
			}
		});
		afterAll(close);
	}
	afterAll(async () => await shutdownHarness());
	return sims;
}
