// `npm run demo`: starts the bundled simulators and runs the package's compiled nodes through n8n's
// execution engine, printing what each operation changed. Needs no account and only 127.0.0.1.
import '../test/harness/setup-env';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { createHarness, shutdownHarness } from '../test/harness';
import { startAutoSendSimulator, startSuperOfficeSimulator } from '../test/simulators';
import type { AutoSendSimulator, SuperOfficeSimulator } from '../test/simulators';

// The shipped build, not the TypeScript sources: what n8n would load.
/* eslint-disable @typescript-eslint/no-require-imports */
const { SuperOffice } = require('../dist/nodes/SuperOffice/SuperOffice.node');
const { AutoSend } = require('../dist/nodes/AutoSend/AutoSend.node');
const { SuperOfficeApi } = require('../dist/credentials/SuperOfficeApi.credentials');
const { AutoSendApi } = require('../dist/credentials/AutoSendApi.credentials');
/* eslint-enable @typescript-eslint/no-require-imports */

const NEWSLETTER_SELECTION = 938;
const NEWSLETTER_LIST = '60d5ec49f1b2c72d9c8b4567';

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

function selectionMembers(so: SuperOfficeSimulator, selectionId: number): string[] {
	const selection = so.state.selections.get(selectionId);
	return (selection?.members ?? []).map((member) =>
		member.personId
			? `${so.state.persons.get(member.personId)?.fullName ?? member.personId} (person ${member.personId})`
			: `${so.state.contacts.get(member.contactId)?.name ?? member.contactId} (company ${member.contactId})`,
	);
}

function relations(so: SuperOfficeSimulator): string[] {
	return [...so.state.relations.values()].map(
		(r) =>
			`${r.relationId}: ${so.state.contacts.get(r.sourceContactId)?.name} ${r.activeText} ${so.state.contacts.get(r.destinationContactId)?.name}`,
	);
}

function show(title: string, before: string[], after: string[]) {
	console.log(`  ${title}`);
	console.log(`    before (${before.length}): ${before.join(', ') || '—'}`);
	console.log(`    after  (${after.length}): ${after.join(', ') || '—'}`);
}

function showRun(sim: SuperOfficeSimulator | AutoSendSimulator, items: INodeExecutionData[]) {
	console.log(`    requests sent: ${sim.requests.map((r) => `${r.method} ${r.path} → ${r.status}`).join('; ')}`);
	items.forEach((item, index) => console.log(`    output item ${index}: ${JSON.stringify(item.json)}`));
}

async function main() {
	const [so, as] = await Promise.all([startSuperOfficeSimulator(), startAutoSendSimulator()]);
	const harness = createHarness({
		nodeTypes: { superOffice: new SuperOffice(), autoSend: new AutoSend() },
		credentialTypes: [new SuperOfficeApi(), new AutoSendApi()],
	});
	const soCredential = {
		superOfficeApi: {
			webApiUrl: so.webApiUrl,
			authentication: 'soTicket',
			ticket: '7T:c28tdGlja2V0',
			appToken: 'so-app-token',
		},
	};
	const asCredential = { autoSendApi: { apiKey: 'AS_test_key_123', baseUrl: as.baseUrl } };
	// Three people who left their companies, as a CRM trigger would deliver them.
	const leavers: IDataObject[] = [
		{ contactId: 138, personId: 266, email: 'jane@example.com', relationId: 413 },
		{ contactId: 138, personId: 267, email: 'JOHN@example.com', relationId: 414 },
		{ contactId: 139, personId: 301, email: 'not-subscribed@example.com', relationId: 415 },
	];

	console.log(bold('SuperOffice and AutoSend simulators'));
	console.log(`  SuperOffice WebAPI: ${so.webApiUrl}  (SOTicket + SO-AppToken)`);
	console.log(`  AutoSend API:       ${as.baseUrl}  (Bearer API key)\n`);
	console.log(bold(`Workflow input: ${leavers.length} people who left their company`));
	leavers.forEach((item, index) => console.log(`  item ${index}: ${JSON.stringify(item)}`));

	console.log(bold('\n1. SuperOffice › Selection › Remove Members (all items, one request)'));
	let before = selectionMembers(so, NEWSLETTER_SELECTION);
	let result = await harness.runNode({
		nodeType: 'superOffice',
		parameters: {
			resource: 'selection',
			operation: 'removeMembers',
			selectionId: {
				__rl: true,
				mode: 'list',
				value: String(NEWSLETTER_SELECTION),
				cachedResultName: 'Newsletter subscribers',
			},
			contactId: '={{ $json.contactId }}',
			personId: '={{ $json.personId }}',
		},
		credentials: soCredential,
		items: leavers,
	});
	show(
		`selection ${NEWSLETTER_SELECTION} "Newsletter subscribers"`,
		before,
		selectionMembers(so, NEWSLETTER_SELECTION),
	);
	showRun(so, result.items);

	console.log(bold('\n2. SuperOffice › Relation › Delete'));
	so.resetRequests();
	before = relations(so);
	result = await harness.runNode({
		nodeType: 'superOffice',
		parameters: { resource: 'relation', operation: 'delete', relationId: '={{ $json.relationId }}' },
		credentials: soCredential,
		items: leavers.slice(0, 2),
	});
	show('relations', before, relations(so));
	showRun(so, result.items);

	console.log(bold('\n3. AutoSend › Contact List › Remove Contacts (by email, one request)'));
	before = as.listMembers(NEWSLETTER_LIST);
	result = await harness.runNode({
		nodeType: 'autoSend',
		parameters: {
			resource: 'contactList',
			operation: 'removeContacts',
			contactListId: { __rl: true, mode: 'id', value: NEWSLETTER_LIST },
			removeBy: 'email',
			emails: '={{ $json.email }}',
		},
		credentials: asCredential,
		items: leavers,
	});
	show('list "Newsletter"', before, as.listMembers(NEWSLETTER_LIST));
	showRun(as, result.items);

	console.log(bold('\n4. A mistake, caught before anything is sent (On Error: Continue)'));
	as.resetRequests();
	result = await harness.runNode({
		nodeType: 'autoSend',
		parameters: {
			resource: 'contactList',
			operation: 'removeContacts',
			contactListId: { __rl: true, mode: 'id', value: 'GLOBAL_CONTACT_LIST' },
			removeBy: 'email',
			emails: '={{ $json.email }}',
		},
		credentials: asCredential,
		items: leavers.slice(0, 1),
		onError: 'continueRegularOutput',
	});
	console.log(`    requests sent: ${as.requests.length}`);
	console.log(`    output item 0: ${JSON.stringify(result.items[0].json)}`);

	console.log(bold('\n5. A bounce written back to the CRM: Person › Get Many by email, then Register Bounce'));
	so.resetRequests();
	const bounced = 'ingrid.berg@fjordconsulting.example';
	result = await harness.runNode({
		nodeType: 'superOffice',
		parameters: { resource: 'person', operation: 'getAll', limit: 1, filters: { email: '={{ $json.email }}' } },
		credentials: soCredential,
		items: [{ email: bounced.toUpperCase() }],
	});
	showRun(so, result.items);
	so.resetRequests();
	result = await harness.runNode({
		nodeType: 'superOffice',
		parameters: {
			resource: 'person',
			operation: 'registerBounce',
			email: '={{ $json.email }}',
			additionalFields: { code: 550, reason: 'Mailbox does not exist' },
		},
		credentials: soCredential,
		items: [{ email: bounced }],
	});
	show(`bounces on ${bounced}`, [], [JSON.stringify(so.state.bounces.get(bounced) ?? null)]);
	showRun(so, result.items);

	console.log(bold('\n6. An event storm: 30 runs at the same moment (one per webhook event), one request'));
	so.resetRequests();
	const storm = Array.from({ length: 30 }, (_, i) => ({ contactId: 140, personId: 900 + i }));
	const selectionId = so.addSelection({ name: 'Storm demo', members: storm }).selectionId;
	const runs = await Promise.all(
		storm.map(
			async (member) =>
				await harness.runNode({
					nodeType: 'superOffice',
					parameters: {
						resource: 'selection',
						operation: 'removeMembers',
						selectionId: { __rl: true, mode: 'id', value: String(selectionId) },
						contactId: '={{ $json.contactId }}',
						personId: '={{ $json.personId }}',
					},
					credentials: soCredential,
					items: [member],
				}),
		),
	);
	console.log(`    runs: ${runs.length}, each with its own output item: ${runs.every((run) => run.items.length === 1)}`);
	console.log(
		`    requests sent: ${so.requests.map((r) => `${r.method} ${r.path} with ${(r.body as { ContactPersonIds: unknown[] }).ContactPersonIds.length} members → ${r.status}`).join('; ')}`,
	);
	console.log(`    members left in "Storm demo": ${so.memberCount(selectionId)}`);

	await Promise.all([so.close(), as.close()]);
	await shutdownHarness();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
