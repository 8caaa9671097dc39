import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { byId, person, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Person › Create', () => {
	const sims = useFreshSuperOffice();
	const create = (extra = {}) =>
		person('create', { firstName: 'Jane', lastName: 'Doe', contactId: byId(139), ...extra });

	it('creates a person from the default template, then returns the new person simplified', async () => {
		const { items, error } = await runSuperOffice(
			sims.so,
			create({
				additionalFields: { email: 'Jane.Doe@FjordConsulting.example', phone: '+47 900 00 000', title: 'CTO' },
			}),
		);

		expect(error).toBeUndefined();
		expect(sent(sims.so)).toEqual(['GET /v1/Person/default', 'POST /v1/Person']);
		const body = sims.so.requests[1].body as Record<string, unknown>;
		expect(body).toMatchObject({
			PersonId: 0,
			Firstname: 'Jane',
			Lastname: 'Doe',
			Title: 'CTO',
			Contact: { ContactId: 139 },
			Emails: [{ Value: 'jane.doe@fjordconsulting.example' }],
			OfficePhones: [{ Value: '+47 900 00 000' }],
		});
		// The deprecated copies are left out; CustomFields is where custom field values go.
		expect(body).not.toHaveProperty('UserDefinedFields');
		expect(body).not.toHaveProperty('ExtraFields');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			personId: 321,
			contactId: 139,
			fullName: 'Jane Doe',
			companyName: 'Fjord Consulting',
			email: 'jane.doe@fjordconsulting.example',
			title: 'CTO',
		});
		expect(sims.so.state.persons.get(321)).toMatchObject({ email: 'jane.doe@fjordconsulting.example', contactId: 139 });
	});

	it('sets custom fields picked from the list and given as JSON, in CustomFields', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			create({
				additionalFields: {
					customFields: { field: [{ fieldName: 'SuperOffice:1', value: 'Gold' }] },
					customFieldsJson: '{"SuperOffice:2": 42, "x_person_source": "webinar"}',
				},
			}),
		);

		expect((sims.so.requests[1].body as { CustomFields: unknown }).CustomFields).toEqual({
			'SuperOffice:1': 'Gold',
			'SuperOffice:2': '42',
			x_person_source: 'webinar',
		});
		expect(items[0].json.customFields).toEqual({
			'SuperOffice:1': 'Gold',
			'SuperOffice:2': '42',
			x_person_source: 'webinar',
		});
	});

	it('does not send a create again when its outcome is unknown, and says it may have happened', async () => {
		sims.so.injectFault({ match: { method: 'POST', path: '/v1/Person' }, kind: 'appliedThenHang' });
		const { error } = await runSuperOffice(sims.so, create({ options: { timeout: 300, maxTries: 3 } }));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toContain('SuperOffice did not confirm whether it could create person');
		expect(error?.description).toContain('it was not sent again');
		expect(sent(sims.so).filter((line) => line === 'POST /v1/Person')).toHaveLength(1);
	});

	it.each([
		['an item without any name', { firstName: '', lastName: ' ' }, 'First Name and Last Name are both empty [item 0]'],
		[
			'an email that is not an address',
			{ additionalFields: { email: 'jane@' } },
			'Additional Fields › Email contains "jane@", which is not an email address',
		],
		[
			'custom fields JSON that is not JSON',
			{ additionalFields: { customFieldsJson: '{"SuperOffice:1":' } },
			'Custom Fields (JSON) is not valid JSON',
		],
		[
			'a custom field value that is an object',
			{ additionalFields: { customFieldsJson: '{"SuperOffice:1": {"a": 1}}' } },
			'Custom field "SuperOffice:1" must be text',
		],
		[
			'a company ID that is not a number',
			{ contactId: byId('={{ "none" }}') },
			'Company (Contact) must be a whole number',
		],
	])('refuses %s before calling SuperOffice', async (_name, extra, message) => {
		const { error } = await runSuperOffice(sims.so, create(extra));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toContain(message);
		expect(sims.so.requests).toHaveLength(0);
	});

	it("reports a custom field SuperOffice does not know with SuperOffice's message", async () => {
		const { error } = await runSuperOffice(
			sims.so,
			create({ additionalFields: { customFieldsJson: '{"x_nope": "1"}' } }),
		);

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toContain(
			"SuperOffice could not create person: CustomFields has unknown custom field 'x_nope'",
		);
	});

	it('with On Error: Continue, creates the good persons and pairs the failure with its item', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			create({ contactId: byId('={{ $json.contactId }}') }),
			[{ contactId: 138 }, { contactId: 999 }, { contactId: 141 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => [item.pairedItem, item.json.contactId ?? item.json.error])).toEqual([
			[{ item: 0 }, 138],
			[{ item: 1 }, expect.stringContaining('Contact id 999 not found')],
			[{ item: 2 }, 141],
		]);
		expect([...sims.so.state.persons.values()].filter((p) => p.fullName === 'Jane Doe')).toHaveLength(2);
	});
});
