/**
 * The workflows superoffice-records.e2e.ts imports: every Person and Company (Contact) operation against the
 * SuperOffice simulator, chained the way a user would (create a person, find them by email, update, read,
 * set and withdraw consent, register a bounce, delete twice; the same for a company), plus a Return All
 * that pages past one page.
 */
import { CREDENTIAL_IDS } from './support/simulators';
import { byId, superOffice, trigger, TRIGGER, workflow, type WorkflowFile, type WorkflowNode } from './workflows';

export const PERSONS = {
	workflowId: 'E2ePersons000001',
	create: { firstName: 'Erik', lastName: 'Lund', contactId: 139, email: 'Erik.Lund@FjordConsulting.example' },
	/** Persons the e2e file adds to Baltic Timber (141, which has one person), so Return All pages. */
	bulkCompany: 141,
	bulk: 250,
};

export const COMPANIES = {
	workflowId: 'E2eCompanies0001',
	name: 'e2e Polar Freight AS',
	orgNr: 'NO555000111',
};

const credentialId = CREDENTIAL_IDS.superOfficeBasic;

/** A straight line of nodes after the manual trigger. */
const line = (id: string, name: string, nodes: WorkflowNode[]): WorkflowFile =>
	workflow(
		id,
		name,
		[trigger, ...nodes],
		nodes.map((node, index): [string, string] => [index === 0 ? TRIGGER : nodes[index - 1].name, node.name]),
	);

const createdPerson = byId("={{ $('Create person').first().json.personId }}");
const createdCompany = byId("={{ $('Create company').first().json.contactId }}");
const person = (name: string, parameters: Record<string, unknown>) =>
	superOffice(name, credentialId, { resource: 'person', ...parameters });
const company = (name: string, parameters: Record<string, unknown>) =>
	superOffice(name, credentialId, { resource: 'company', ...parameters });

export function personsWorkflow(): WorkflowFile {
	const { firstName, lastName, contactId, email } = PERSONS.create;
	return line(PERSONS.workflowId, 'e2e: Person operations', [
		person('Create person', {
			operation: 'create',
			firstName,
			lastName,
			contactId: byId(contactId),
			additionalFields: {
				email,
				title: 'Analyst',
				customFields: { field: [{ fieldName: 'SuperOffice:1', value: 'Gold' }] },
			},
		}),
		person('Find by email', { operation: 'getAll', filters: { email: '={{ $json.email.toUpperCase() }}' } }),
		person('Update person', {
			operation: 'update',
			personId: byId('={{ $json.personId }}'),
			updateFields: { title: 'Lead Analyst', customFieldsJson: '{"x_person_source": "e2e"}' },
		}),
		person('Get person', { operation: 'get', personId: createdPerson, simplify: false }),
		person('Set consent', { operation: 'setConsent', personId: createdPerson, purpose: 'EMARKETING', comment: 'e2e' }),
		person('Remove consent', { operation: 'removeConsent', personId: createdPerson, purpose: 'EMARKETING' }),
		person('Remove consent again', { operation: 'removeConsent', personId: createdPerson, purpose: 'EMARKETING' }),
		person('Register bounce', {
			operation: 'registerBounce',
			email: "={{ $('Create person').first().json.email }}",
			additionalFields: { code: 550, reason: 'Mailbox unknown' },
		}),
		person('Delete person', { operation: 'delete', personId: createdPerson }),
		person('Delete person again', { operation: 'delete', personId: createdPerson }),
		person('All persons of the company', {
			operation: 'getAll',
			returnAll: true,
			filters: { contactId: PERSONS.bulkCompany },
		}),
	]);
}

export function companiesWorkflow(): WorkflowFile {
	return line(COMPANIES.workflowId, 'e2e: Company (Contact) operations', [
		company('Create company', {
			operation: 'create',
			name: COMPANIES.name,
			additionalFields: {
				orgNr: COMPANIES.orgNr,
				phone: '+47 77 00 00 00',
				customFieldsJson: '{"x_contact_tier": "A"}',
			},
		}),
		company('Find by organization number', { operation: 'getAll', filters: { orgNr: '={{ $json.orgNr }}' } }),
		company('Update company', {
			operation: 'update',
			contactId: byId('={{ $json.contactId }}'),
			updateFields: { department: 'Tromsø' },
		}),
		company('Get company', { operation: 'get', contactId: createdCompany }),
		company('Delete company', { operation: 'delete', contactId: createdCompany }),
		company('Delete company again', { operation: 'delete', contactId: createdCompany }),
		company('Companies named Nordic', { operation: 'getAll', returnAll: true, filters: { name: 'Nordic' } }),
	]);
}
