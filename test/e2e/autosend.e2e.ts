// The AutoSend operations of issue 13 in a real n8n (regular mode, `n8n execute`): each workflow of
// autosend.workflows.ts runs once against the simulators, and every test checks what the simulator received
// and holds, besides what the nodes output.
import type { RecordedRequest } from '../simulators';
import { CONTACTS, contactsWorkflow, LISTS, listsWorkflow, MESSAGING, messagingWorkflow } from './autosend.workflows';
import { nodeItems, nodeOutput, type ExecuteResult } from './support/cli';
import { useOperationWorkflows } from './support/operationWorkflows';
import { SECRETS } from './support/simulators';

describe('AutoSend operations in a real n8n', () => {
	const workflows = useOperationWorkflows('autosend', 'as', () => [
		listsWorkflow(),
		contactsWorkflow(),
		messagingWorkflow(),
	]);
	const execute = workflows.execute.bind(workflows);
	const calls = (requests: RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path} ${r.status}`);

	describe('Contact List: create, add contacts, get contacts, get many, delete', () => {
		let result: ExecuteResult;
		let requests: RecordedRequest[];
		let listId: string;

		beforeAll(async () => {
			({ result, requests } = await execute(LISTS.workflowId));
			listId = nodeOutput(result.run, 'Create list')[0].id as string;
		}, 300_000);

		it('sends each operation once, signed with the API key', () => {
			expect(calls(requests)).toEqual([
				'POST /contact-lists 201',
				'POST /contact-lists/contacts/bulk-add 200',
				'POST /contact-lists/contacts/search 200',
				'GET /contact-lists 200',
				`DELETE /contact-lists/${listId} 200`,
			]);
			expect(requests.every((r) => r.headers.authorization === `Bearer ${SECRETS.autoSendApiKey}`)).toBe(true);
		});

		it('creates the list and adds the three addresses in one request, each output paired to its item', () => {
			expect(requests[0].body).toEqual({ name: LISTS.name, description: 'Created by the e2e suite' });
			expect(requests[1].body).toEqual({ contactListId: listId, emails: LISTS.emails });
			expect(nodeItems(result.run, 'Add contacts')).toEqual(
				LISTS.emails.map((email, item) => ({
					json: { success: true, contactListId: listId, emails: [email], results: [{ email, status: 'inList' }] },
					pairedItem: { item },
				})),
			);
			expect(workflows.ctx.as.state.contactIdsByEmail.has('new1@e2e.example.com')).toBe(true);
		});

		it('reads the contacts back and finds the list among the lists', () => {
			expect(nodeOutput(result.run, 'Get contacts').map((c) => c.email)).toEqual(LISTS.emails);
			expect(nodeOutput(result.run, 'Get many lists').map((l) => l.name)).toContain(LISTS.name);
		});

		it('deletes the list', () => {
			expect(nodeOutput(result.run, 'Delete list')).toEqual([
				{ success: true, contactListId: listId, alreadyDeleted: false },
			]);
			expect(workflows.ctx.as.state.lists.has(listId)).toBe(false);
		});
	});

	describe('Contact: create or update in bulk, get by email, delete by ID and by email', () => {
		let result: ExecuteResult;
		let requests: RecordedRequest[];

		beforeAll(async () => {
			({ result, requests } = await execute(CONTACTS.workflowId));
		}, 300_000);

		it('creates the three contacts in one bulk-update with their custom field', () => {
			const bulk = requests.filter((r) => r.path === '/contacts/bulk-update');
			expect(bulk.map((r) => r.body)).toEqual([
				{
					contacts: CONTACTS.people.map(({ email, firstName, seats }) => ({
						email,
						firstName,
						customFields: { seats },
					})),
					runWorkflow: false,
				},
			]);
			expect(nodeOutput(result.run, 'Create or update').map((c) => c.email)).toEqual(
				CONTACTS.people.map((p) => p.email),
			);
		});

		it('looks them up by email in one search and deletes each by ID', () => {
			const found = nodeOutput(result.run, 'Get by email');
			expect(found.map((c) => [c.email, (c.customFields as { seats: number }).seats])).toEqual(
				CONTACTS.people.map((p) => [p.email, p.seats]),
			);
			expect(requests.filter((r) => r.path === '/contacts/search/emails')[0].body).toEqual({
				emails: CONTACTS.people.map((p) => p.email),
			});
			expect(nodeOutput(result.run, 'Delete by ID')).toEqual(
				found.map((c) => ({ success: true, contactId: c.id, alreadyDeleted: false })),
			);
			for (const person of CONTACTS.people)
				expect(workflows.ctx.as.state.contactIdsByEmail.has(person.email)).toBe(false);
		});

		it('creates a contact in a list by itself, then deletes it by email, flagging the address that had none', () => {
			expect(requests.find((r) => r.path === '/contacts/email')?.body).toEqual({
				email: CONTACTS.solo,
				listIds: [CONTACTS.customersList],
			});
			expect(nodeOutput(result.run, 'Create in a list')[0]).toMatchObject({ listIds: [CONTACTS.customersList] });
			expect(requests.find((r) => r.path === '/contacts/remove')?.body).toEqual({ emails: [CONTACTS.solo] });
			expect(nodeOutput(result.run, 'Delete by email')).toEqual([
				{
					success: true,
					emails: [CONTACTS.solo, 'gone@e2e.example.com'],
					results: [
						{ email: CONTACTS.solo, contactId: expect.any(String), alreadyDeleted: false },
						{ email: 'gone@e2e.example.com', alreadyDeleted: true },
					],
				},
			]);
		});
	});

	describe('Email, Event and Suppression', () => {
		let result: ExecuteResult;
		let requests: RecordedRequest[];

		beforeAll(async () => {
			({ result, requests } = await execute(MESSAGING.workflowId));
		}, 300_000);

		it('sends the three recipients one bulk email with their own data, each output paired', () => {
			const bulk = requests.filter((r) => r.path === '/mails/bulk');
			expect(bulk).toHaveLength(1);
			expect(bulk[0].body).toMatchObject({
				from: { email: MESSAGING.sender, name: 'e2e' },
				recipients: MESSAGING.recipients.map(({ email, name }) => ({ email, name, dynamicData: { name } })),
			});
			const items = nodeItems(result.run, 'Send to many');
			expect(items.map((item) => [item.json.toEmail, item.pairedItem])).toEqual(
				MESSAGING.recipients.map(({ email }, item) => [email, { item }]),
			);
		});

		it('suppresses the three addresses in the group in one request', () => {
			expect(requests.filter((r) => r.path === '/suppression-groups/emails/suppress').map((r) => r.body)).toEqual([
				{ emails: MESSAGING.recipients.map((r) => r.email), groupId: MESSAGING.group, reason: 'e2e' },
			]);
			expect(nodeOutput(result.run, 'Suppress').map((o) => o.results)).toEqual(
				MESSAGING.recipients.map(({ email }) => [{ email, status: 'suppressed' }]),
			);
		});

		it('sends one templated email with CC and reply-to', () => {
			expect(requests.find((r) => r.path === '/mails/send')?.body).toEqual({
				from: { email: MESSAGING.sender },
				to: { email: MESSAGING.contact.email },
				templateId: 'A-welcome01',
				dynamicData: { firstName: 'Jane' },
				cc: [{ email: 'team@e2e.example.com' }],
				replyTo: { email: 'support@example.com' },
			});
			expect(nodeOutput(result.run, 'Send one')[0]).toMatchObject({ success: true, totalRecipients: 2 });
			expect(workflows.ctx.as.state.mails.filter((mail) => mail.templateId === 'A-welcome01')).toHaveLength(1);
		});

		it('sends the event for the contact, and reports an unknown contact as an error item under On Error: Continue', () => {
			expect(nodeOutput(result.run, 'Send event')[0]).toMatchObject({
				success: true,
				eventName: 'order_completed',
				contactId: MESSAGING.contact.id,
				properties: { order_total: 42.5 },
			});
			const [failed] = nodeItems(result.run, 'Event for unknown contact');
			expect(failed.pairedItem).toEqual({ item: 0 });
			expect(String(failed.json.error)).toContain('Contact not found');
			expect(workflows.ctx.as.state.eventLogs).toHaveLength(1);
		});
	});
});
