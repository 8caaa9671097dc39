/**
 * Workflows the e2e suite imports next to examples/*.json: the cases the examples do not show
 * (every SuperOffice authentication scheme, large batches, a wrong API key), and the trigger workflows
 * `npm run bench:storm` floods with events. Same JSON shape as a workflow exported from the editor.
 */
import { createHash } from 'node:crypto';

import { CREDENTIAL_IDS } from './support/simulators';

const PKG = 'n8n-nodes-superoffice-autosend';
export const TRIGGER = 'When clicking ‘Execute workflow’';

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
	/** Trigger nodes: the id in n8n's production webhook URL, /webhook/<webhookId>/webhook. */
	webhookId?: string;
}

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: Array<WorkflowNode & { id: string; position: [number, number] }>;
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: { executionOrder: 'v1' };
	pinData: Record<string, never>;
	active: false;
}

function stableUuid(seed: string): string {
	const hex = createHash('sha1').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Builds a workflow: `edges` are [from, to] pairs; nodes are laid out left to right. */
export function workflow(
	id: string,
	name: string,
	nodes: WorkflowNode[],
	edges: Array<[string, string]>,
): WorkflowFile {
	const connections: WorkflowFile['connections'] = {};
	for (const [from, to] of edges) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id,
		name,
		nodes: nodes.map((node, index) => ({
			...node,
			id: stableUuid(`${id}/${node.name}`),
			position: [index * 240, (index % 4) * 120],
		})),
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

export const trigger: WorkflowNode = {
	name: TRIGGER,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
};

export const code = (name: string, jsCode: string): WorkflowNode => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode },
});

export const superOffice = (name: string, credentialId: string, parameters: Record<string, unknown>): WorkflowNode => ({
	name,
	type: `${PKG}.superOffice`,
	typeVersion: 1,
	parameters,
	credentials: { superOfficeApi: { id: credentialId, name } },
});

export const autoSend = (name: string, credentialId: string, parameters: Record<string, unknown>): WorkflowNode => ({
	name,
	type: `${PKG}.autoSend`,
	typeVersion: 1,
	parameters,
	credentials: { autoSendApi: { id: credentialId, name } },
});

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

export const SCHEMES = [
	{ scheme: 'basic', credentialId: CREDENTIAL_IDS.superOfficeBasic },
	{ scheme: 'soTicket', credentialId: CREDENTIAL_IDS.superOfficeTicket },
	{ scheme: 'bearer', credentialId: CREDENTIAL_IDS.superOfficeBearer },
] as const;

/** Selection 939's members and three relations the e2e seed adds, one per authentication scheme. */
export const SCHEME_TARGETS = {
	basic: { member: { contactId: 139, personId: 302 }, relationId: 601 },
	soTicket: { member: { contactId: 141, personId: 315 }, relationId: 602 },
	bearer: { member: { contactId: 142, personId: 320 }, relationId: 603 },
} as const;

export const EVENT_SELECTION = 939;
export const CUSTOMERS_LIST = '60d5ec49f1b2c72d9c8b4568';
/** John Smith and Lukas Meyer on the Customers list, by AutoSend contact ID. */
export const CUSTOMER_IDS = ['60d5ec49f1b2c72d9c8b2222', '60d5ec49f1b2c72d9c8b7777'];

/** Every operation once per SuperOffice scheme, each node straight off the trigger with literal values. */
export function operationsWorkflow(): WorkflowFile {
	const nodes: WorkflowNode[] = [trigger];
	for (const { scheme, credentialId } of SCHEMES) {
		const target = SCHEME_TARGETS[scheme];
		nodes.push(
			superOffice(`Remove member (${scheme})`, credentialId, {
				resource: 'selection',
				operation: 'removeMembers',
				selectionId: byId(EVENT_SELECTION),
				contactId: target.member.contactId,
				personId: target.member.personId,
				options: {},
			}),
			superOffice(`Delete relation (${scheme})`, credentialId, {
				resource: 'relation',
				operation: 'delete',
				relationId: target.relationId,
				options: {},
			}),
		);
	}
	nodes.push(
		autoSend('Remove contacts by ID', CREDENTIAL_IDS.autoSend, {
			resource: 'contactList',
			operation: 'removeContacts',
			contactListId: byId(CUSTOMERS_LIST),
			removeBy: 'contactId',
			contactIds: CUSTOMER_IDS.join(', '),
		}),
	);
	return workflow(
		'E2eOperations001',
		'e2e: every operation with every SuperOffice authentication',
		nodes,
		nodes.slice(1).map((node) => [TRIGGER, node.name]),
	);
}

export const BULK = { selectionId: 950, listName: 'Bulk list', items: 150 };

/** 150 items into one SuperOffice request and two AutoSend requests (100 + 50). */
export function batchWorkflow(bulkListId: string): WorkflowFile {
	const items = code(
		'Bulk leavers',
		`return Array.from({ length: ${BULK.items} }, (_, i) => ({ json: { contactId: 10000 + i, personId: 20000 + i, email: 'contact' + (i + 1) + '@bulk.example.com' } }));`,
	);
	const removeMembers = superOffice('Remove members (bulk)', CREDENTIAL_IDS.superOfficeTicket, {
		resource: 'selection',
		operation: 'removeMembers',
		selectionId: byId(BULK.selectionId),
		contactId: '={{ $json.contactId }}',
		personId: '={{ $json.personId }}',
		options: {},
	});
	const removeContacts = autoSend('Remove contacts (bulk)', CREDENTIAL_IDS.autoSend, {
		resource: 'contactList',
		operation: 'removeContacts',
		contactListId: byId(bulkListId),
		removeBy: 'email',
		emails: "={{ $('Bulk leavers').item.json.email }}",
	});
	return workflow(
		'E2eBatching00001',
		'e2e: many items combined into few requests',
		[trigger, items, removeMembers, removeContacts],
		[
			[TRIGGER, items.name],
			[items.name, removeMembers.name],
			[removeMembers.name, removeContacts.name],
		],
	);
}

export const WRONG_KEY = { credentialId: 'AutoSendWrongKey', apiKey: 'AS_wrong_key_5ecr3t_987654' };

/** A credential with a wrong API key: the execution must fail, explain it, and not print the key. */
export function wrongKeyWorkflow(): WorkflowFile {
	const node = autoSend('Remove with wrong key', WRONG_KEY.credentialId, {
		resource: 'contactList',
		operation: 'removeContacts',
		contactListId: byId('60d5ec49f1b2c72d9c8b4569'),
		removeBy: 'email',
		emails: 'jane@example.com',
	});
	return workflow('E2eWrongApiKey01', 'e2e: wrong AutoSend API key', [trigger, node], [[TRIGGER, node.name]]);
}

/** The webhook ids in n8n's production URLs of the trigger workflows below. */
export const TRIGGER_WEBHOOKS = {
	superOffice: '5f0c7a52-2b0e-4e8f-9d0a-3c1e5a7b9d11',
	autoSend: '8a6d3e14-7c2f-4b9a-8e5d-1f3b6c9a2e77',
};
export const PERSON_CHANGED_WORKFLOW = 'E2eSoTrigger0001';

/** SuperOffice Trigger on person.changed, with or without the full record fetched. */
function personChangedTrigger(webhookId: string, fetchFullRecord: boolean): WorkflowNode {
	return {
		name: 'SuperOffice Trigger',
		type: `${PKG}.superOfficeTrigger`,
		typeVersion: 1,
		webhookId,
		parameters: { authentication: 'superOfficeApi', events: ['person.changed'], fetchFullRecord },
		credentials: { superOfficeApi: { id: CREDENTIAL_IDS.superOfficeTicket, name: 'SuperOffice account' } },
	};
}

/**
 * SuperOffice Trigger on person.changed with the full record fetched, then the person's email (from
 * the record, not the event) removed from the AutoSend newsletter list.
 */
export function personChangedWorkflow(newsletterListId: string): WorkflowFile {
	const soTrigger = personChangedTrigger(TRIGGER_WEBHOOKS.superOffice, true);
	const remove = autoSend('Remove from newsletter', CREDENTIAL_IDS.autoSend, {
		resource: 'contactList',
		operation: 'removeContacts',
		contactListId: byId(newsletterListId),
		removeBy: 'email',
		emails: '={{ $json.record.Emails[0].Value }}',
	});
	return workflow(
		PERSON_CHANGED_WORKFLOW,
		'e2e: person changed in SuperOffice → remove from the AutoSend newsletter',
		[soTrigger, remove],
		[[soTrigger.name, remove.name]],
	);
}

/** The storm bench's trigger workflows: ids, and the webhook ids in their production URLs. */
export const STORM = {
	bounce: { workflowId: 'StormBounce00001', webhookId: '3c8f0a61-5d2e-4f7b-9a14-6e0b2d8c7f35' },
	person: { workflowId: 'StormPerson00001', webhookId: '9d4e2b73-1a6c-4e8f-b5d0-7c3f1e9a2b46' },
};

/** AutoSend Trigger (email.bounced) → Contact List › Remove Contacts of the bounced address, node defaults. */
export function stormBounceWorkflow(listId: string): WorkflowFile {
	const trigger: WorkflowNode = {
		name: 'AutoSend Trigger',
		type: `${PKG}.autoSendTrigger`,
		typeVersion: 1,
		webhookId: STORM.bounce.webhookId,
		parameters: { events: ['email.bounced'] },
		credentials: { autoSendApi: { id: CREDENTIAL_IDS.autoSend, name: 'AutoSend account' } },
	};
	const remove = autoSend('Remove bounced address', CREDENTIAL_IDS.autoSend, {
		resource: 'contactList',
		operation: 'removeContacts',
		contactListId: byId(listId),
		removeBy: 'email',
		emails: '={{ $json.data.to.email }}',
	});
	return workflow(
		STORM.bounce.workflowId,
		'storm: bounced → remove from list',
		[trigger, remove],
		[[trigger.name, remove.name]],
	);
}

/**
 * SuperOffice Trigger (person.changed, no record fetch) → Selection › Remove Members of that person, node
 * defaults. A person event carries the person's company as FieldValues.contact_id and the person as PrimaryKey.
 */
export function stormPersonWorkflow(selectionId: number): WorkflowFile {
	const trigger = personChangedTrigger(STORM.person.webhookId, false);
	const remove = superOffice('Remove changed person', CREDENTIAL_IDS.superOfficeTicket, {
		resource: 'selection',
		operation: 'removeMembers',
		selectionId: byId(selectionId),
		contactId: '={{ $json.FieldValues.contact_id }}',
		personId: '={{ $json.PrimaryKey }}',
		options: {},
	});
	return workflow(
		STORM.person.workflowId,
		'storm: person changed → remove from selection',
		[trigger, remove],
		[[trigger.name, remove.name]],
	);
}
