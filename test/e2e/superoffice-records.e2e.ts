// The SuperOffice Person and Company (Contact) operations in a real n8n (regular mode, `n8n execute`): each
// workflow of superoffice-records.workflows.ts runs once against the simulators, and every test checks what
// the simulator received and holds, besides what the nodes output.
import type { RecordedRequest } from '../simulators';
import { addPersons } from '../support/superoffice-records';
import { nodeItems, nodeOutput, type ExecuteResult } from './support/cli';
import { useOperationWorkflows } from './support/operationWorkflows';
import { COMPANIES, companiesWorkflow, PERSONS, personsWorkflow } from './superoffice-records.workflows';

describe('SuperOffice Person and Company (Contact) operations in a real n8n', () => {
	const workflows = useOperationWorkflows(
		'superoffice-records',
		'so',
		() => [personsWorkflow(), companiesWorkflow()],
		(ctx) => addPersons(ctx.so, PERSONS.bulk, PERSONS.bulkCompany),
	);
	const execute = workflows.execute.bind(workflows);
	const lines = (requests: RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path} ${r.status}`);

	describe('Person: create, find by email, update, get, consent, bounce, delete', () => {
		let result: ExecuteResult;
		let requests: RecordedRequest[];
		let personId: number;

		beforeAll(async () => {
			({ result, requests } = await execute(PERSONS.workflowId));
			personId = nodeOutput(result.run, 'Create person')[0].personId as number;
		}, 300_000);

		it('sends each operation what it documents, in order', () => {
			expect(lines(requests)).toEqual([
				'GET /v1/Person/default 200',
				'POST /v1/Person 200',
				'GET /v1/Person 200',
				`PATCH /v1/Person/${personId} 200`,
				`GET /v1/Person/${personId} 200`,
				`GET /v1/Person/${personId}/Consent 200`,
				'POST /v1/Agents/Person/SetConsent 204',
				`GET /v1/Person/${personId}/Consent 200`,
				'POST /v1/Agents/Person/RemoveConsent 204',
				`GET /v1/Person/${personId}/Consent 200`,
				'POST /v1/Agents/Person/RemoveConsent 204',
				'POST /v1/Agents/Person/AddBounceWithDetails 204',
				`DELETE /v1/Person/${personId} 204`,
				`DELETE /v1/Person/${personId} 404`,
				`GET /v1/Person/${personId} 404`,
				'GET /v1/Person 200',
				'GET /v1/Person 200',
			]);
		});

		it('creates the person from the template, with email, title and a custom field', () => {
			expect(requests[1].body).toMatchObject({
				PersonId: 0,
				Firstname: 'Erik',
				Lastname: 'Lund',
				Contact: { ContactId: 139 },
				Emails: [{ Value: 'erik.lund@fjordconsulting.example' }],
				Title: 'Analyst',
				CustomFields: { 'SuperOffice:1': 'Gold' },
			});
			expect(nodeOutput(result.run, 'Create person')).toEqual([
				expect.objectContaining({
					personId,
					companyName: 'Fjord Consulting',
					email: 'erik.lund@fjordconsulting.example',
				}),
			]);
		});

		it('finds the person by email address, written in another case', () => {
			expect(requests[2].query.$filter).toBe("email/emailAddress eq 'erik.lund@fjordconsulting.example'");
			expect(nodeOutput(result.run, 'Find by email')).toEqual([
				expect.objectContaining({ personId, fullName: 'Erik Lund' }),
			]);
		});

		it('updates only the title and one custom field, as JSON Patch', () => {
			expect(requests[3].body).toEqual([
				{ op: 'replace', path: '/Title', value: 'Lead Analyst' },
				{ op: 'replace', path: '/CustomFields', value: { x_person_source: 'e2e' } },
			]);
			expect(nodeOutput(result.run, 'Update person')[0]).toMatchObject({
				title: 'Lead Analyst',
				customFields: { 'SuperOffice:1': 'Gold', x_person_source: 'e2e' },
			});
			expect(nodeOutput(result.run, 'Get person')[0]).toMatchObject({ PersonId: personId, Title: 'Lead Analyst' });
		});

		it('sets the e-marketing consent, withdraws it, and calls a second withdrawal already done', () => {
			expect(requests[6].body).toEqual({
				PersonId: personId,
				Purpose: 'EMARKETING',
				Source: 'API',
				LegalBase: '61A',
				Comment: 'e2e',
			});
			expect(nodeOutput(result.run, 'Set consent')).toEqual([
				{ success: true, personId, purpose: 'EMARKETING', source: 'API', legalBase: '61A', alreadyConsented: false },
			]);
			expect(nodeOutput(result.run, 'Remove consent')).toEqual([
				{ success: true, personId, purpose: 'EMARKETING', alreadyRemoved: false },
			]);
			expect(nodeOutput(result.run, 'Remove consent again')).toEqual([
				{ success: true, personId, purpose: 'EMARKETING', alreadyRemoved: true },
			]);
		});

		it('writes the bounce back to SuperOffice with its details', () => {
			expect(requests[11].body).toEqual({
				EmailAddress: 'erik.lund@fjordconsulting.example',
				Counts: 1,
				Code: 550,
				Reason: 'Mailbox unknown',
			});
			expect(workflows.ctx.so.state.bounces.get('erik.lund@fjordconsulting.example')).toMatchObject({
				count: 1,
				code: 550,
			});
		});

		it('deletes the person, and calls the second delete already done', () => {
			expect(workflows.ctx.so.state.persons.has(personId)).toBe(false);
			expect(nodeOutput(result.run, 'Delete person')).toEqual([{ success: true, personId, alreadyDeleted: false }]);
			expect(nodeOutput(result.run, 'Delete person again')).toEqual([
				{ success: true, personId, alreadyDeleted: true },
			]);
		});

		it('returns all persons of a company with Return All, paging past one page, paired to the one input', () => {
			expect(requests.slice(-2).map((r) => [r.query.$filter, r.query.$top, r.query.$skip])).toEqual([
				['contactId eq 141', '200', '0'],
				['contactId eq 141', '200', '200'],
			]);
			const items = nodeItems(result.run, 'All persons of the company');
			expect(items).toHaveLength(PERSONS.bulk + 1);
			expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		});
	});

	describe('Company (Contact): create, find by organization number, update, get, delete, list', () => {
		let result: ExecuteResult;
		let requests: RecordedRequest[];
		let contactId: number;

		beforeAll(async () => {
			({ result, requests } = await execute(COMPANIES.workflowId));
			contactId = nodeOutput(result.run, 'Create company')[0].contactId as number;
		}, 300_000);

		it('sends each operation what it documents, in order', () => {
			expect(lines(requests)).toEqual([
				'GET /v1/Contact/default 200',
				'POST /v1/Contact 200',
				'GET /v1/Contact 200',
				`PATCH /v1/Contact/${contactId} 200`,
				`GET /v1/Contact/${contactId} 200`,
				`DELETE /v1/Contact/${contactId} 204`,
				`DELETE /v1/Contact/${contactId} 404`,
				`GET /v1/Contact/${contactId} 404`,
				'GET /v1/Contact 200',
			]);
		});

		it('creates the company with its organization number and a custom field, and finds it by that number', () => {
			expect(requests[1].body).toMatchObject({
				ContactId: 0,
				Name: COMPANIES.name,
				OrgNr: COMPANIES.orgNr,
				Phones: [{ Value: '+47 77 00 00 00' }],
				CustomFields: { x_contact_tier: 'A' },
			});
			expect(requests[2].query.$filter).toBe(`orgnr eq '${COMPANIES.orgNr}'`);
			expect(nodeOutput(result.run, 'Find by organization number')).toEqual([
				expect.objectContaining({ contactId, name: COMPANIES.name, orgNr: COMPANIES.orgNr }),
			]);
		});

		it('updates the department only and reads the company back', () => {
			expect(requests[3].body).toEqual([{ op: 'replace', path: '/Department', value: 'Tromsø' }]);
			expect(nodeOutput(result.run, 'Get company')).toEqual([
				expect.objectContaining({
					contactId,
					department: 'Tromsø',
					customFields: expect.objectContaining({ x_contact_tier: 'A' }),
				}),
			]);
		});

		it('deletes the company, and calls the second delete already done', () => {
			expect(workflows.ctx.so.state.contacts.has(contactId)).toBe(false);
			expect(nodeOutput(result.run, 'Delete company')).toEqual([{ success: true, contactId, alreadyDeleted: false }]);
			expect(nodeOutput(result.run, 'Delete company again')).toEqual([
				{ success: true, contactId, alreadyDeleted: true },
			]);
		});

		it('lists the companies whose name contains Nordic', () => {
			expect(nodeOutput(result.run, 'Companies named Nordic').map((company) => company.name)).toEqual([
				'Nordic Bikes AS',
				'Nordic Bikes Retail AS',
			]);
		});
	});
});
