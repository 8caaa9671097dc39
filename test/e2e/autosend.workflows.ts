/**
 * The workflows autosend.e2e.ts imports: every AutoSend operation of issue 13 against the AutoSend simulator,
 * chained as a user would (create a list, add contacts, read them back, delete it; create or update contacts,
 * look them up, delete them; send to many, suppress, send one email, send an event), plus an event for an
 * unknown contact under On Error: Continue.
 */
import { CREDENTIAL_IDS } from './support/simulators';
import { autoSend, byId, code, trigger, TRIGGER, workflow, type WorkflowFile, type WorkflowNode } from './workflows';

export const LISTS = {
	workflowId: 'E2eAsLists000001',
	name: 'e2e Imported',
	emails: ['jane@example.com', 'new1@e2e.example.com', 'new2@e2e.example.com'],
};

export const CONTACTS = {
	workflowId: 'E2eAsContacts001',
	people: [
		{ email: 'ada@e2e.example.com', firstName: 'Ada', seats: 3 },
		{ email: 'bob@e2e.example.com', firstName: 'Bob', seats: 5 },
		{ email: 'cy@e2e.example.com', firstName: 'Cy', seats: 8 },
	],
	solo: 'solo@e2e.example.com',
	customersList: '60d5ec49f1b2c72d9c8b4568',
};

export const MESSAGING = {
	workflowId: 'E2eAsMessaging01',
	sender: 'hello@example.com',
	recipients: [
		{ email: 'r1@e2e.example.com', name: 'R One' },
		{ email: 'r2@e2e.example.com', name: 'R Two' },
		{ email: 'r3@e2e.example.com', name: 'R Three' },
	],
	group: '20XWO',
	contact: { email: 'jane@example.com', id: '60d5ec49f1b2c72d9c8b1111' },
};

const node = (name: string, parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
	({ ...autoSend(name, CREDENTIAL_IDS.autoSend, parameters), ...settings }) as WorkflowNode;

/** Runs once, for the first input item only (n8n's "Execute Once" setting). */
const EXECUTE_ONCE = { executeOnce: true };

/** The manual trigger, then each node fed by the one before. */
function chain(id: string, name: string, nodes: WorkflowNode[]): WorkflowFile {
	const names = [TRIGGER, ...nodes.map((entry) => entry.name)];
	return workflow(
		id,
		name,
		[trigger, ...nodes],
		names.slice(1).map((to, index): [string, string] => [names[index], to]),
	);
}

const items = (name: string, values: object[]) =>
	code(name, `return ${JSON.stringify(values)}.map((json) => ({ json }));`);

const createdList = byId("={{ $('Create list').first().json.id }}");

export function listsWorkflow(): WorkflowFile {
	return chain(LISTS.workflowId, 'e2e: AutoSend contact lists', [
		node('Create list', {
			resource: 'contactList',
			operation: 'create',
			name: LISTS.name,
			description: 'Created by the e2e suite',
		}),
		items(
			'Addresses',
			LISTS.emails.map((email) => ({ email })),
		),
		node('Add contacts', {
			resource: 'contactList',
			operation: 'addContacts',
			contactListId: createdList,
			addBy: 'email',
			emails: '={{ $json.email }}',
		}),
		node(
			'Get contacts',
			{ resource: 'contactList', operation: 'getContacts', contactListId: createdList, returnAll: true },
			EXECUTE_ONCE,
		),
		node(
			'Get many lists',
			{ resource: 'contactList', operation: 'getAll', returnAll: true, type: 'list' },
			EXECUTE_ONCE,
		),
		node('Delete list', { resource: 'contactList', operation: 'delete', contactListId: createdList }, EXECUTE_ONCE),
	]);
}

export function contactsWorkflow(): WorkflowFile {
	return chain(CONTACTS.workflowId, 'e2e: AutoSend contacts', [
		items('People', CONTACTS.people),
		node('Create or update', {
			resource: 'contact',
			operation: 'upsert',
			email: '={{ $json.email }}',
			firstName: '={{ $json.firstName }}',
			additionalFields: { customFields: { field: [{ name: 'seats', value: '={{ $json.seats }}' }] } },
		}),
		node('Get by email', {
			resource: 'contact',
			operation: 'get',
			by: 'email',
			email: "={{ $('People').item.json.email }}",
		}),
		node('Delete by ID', { resource: 'contact', operation: 'delete', by: 'id', contactId: '={{ $json.id }}' }),
		node(
			'Create in a list',
			{
				resource: 'contact',
				operation: 'upsert',
				email: CONTACTS.solo,
				additionalFields: { listIds: [CONTACTS.customersList] },
			},
			EXECUTE_ONCE,
		),
		node(
			'Delete by email',
			{ resource: 'contact', operation: 'delete', by: 'email', emails: `${CONTACTS.solo}, gone@e2e.example.com` },
			EXECUTE_ONCE,
		),
	]);
}

export function messagingWorkflow(): WorkflowFile {
	return chain(MESSAGING.workflowId, 'e2e: AutoSend email, events and suppressions', [
		items('Recipients', MESSAGING.recipients),
		node('Send to many', {
			resource: 'email',
			operation: 'sendMany',
			fromEmail: MESSAGING.sender,
			fromName: 'e2e',
			toEmail: '={{ $json.email }}',
			toName: '={{ $json.name }}',
			subject: 'Hello {{name}}',
			content: 'html',
			html: '<p>Hello {{name}}</p>',
			dynamicData: '={{ { name: $json.name } }}',
		}),
		node('Suppress', {
			resource: 'suppression',
			operation: 'suppress',
			emails: '={{ $json.toEmail }}',
			additionalFields: { groupId: MESSAGING.group, reason: 'e2e' },
		}),
		node(
			'Send one',
			{
				resource: 'email',
				operation: 'send',
				fromEmail: MESSAGING.sender,
				toEmail: MESSAGING.contact.email,
				content: 'template',
				templateId: 'A-welcome01',
				dynamicData: '{"firstName": "Jane"}',
				additionalFields: { cc: 'team@e2e.example.com', replyTo: 'support@example.com' },
			},
			EXECUTE_ONCE,
		),
		node(
			'Send event',
			{
				resource: 'event',
				operation: 'send',
				eventName: { __rl: true, mode: 'list', value: 'order_completed' },
				identifyBy: 'email',
				email: MESSAGING.contact.email,
				properties: { property: [{ name: 'order_total', value: '42.5' }] },
			},
			EXECUTE_ONCE,
		),
		node(
			'Event for unknown contact',
			{
				resource: 'event',
				operation: 'send',
				eventName: { __rl: true, mode: 'name', value: 'signup_completed' },
				identifyBy: 'contactId',
				contactId: '60d5ec49f1b2c72d9c8b0000',
			},
			{ ...EXECUTE_ONCE, onError: 'continueRegularOutput' },
		),
	]);
}
