import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { company, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Company (Contact) › Create', () => {
	const sims = useFreshSuperOffice();
	const create = (extra = {}) => company('create', { name: 'Polar Freight AS', ...extra });

	it('creates a company from the default template, then returns it simplified', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			create({
				additionalFields: {
					department: 'Oslo',
					orgNr: 'NO998877665',
					email: 'Post@PolarFreight.example',
					phone: '+47 22 11 00 00',
					customFields: { field: [{ fieldName: 'x_contact_tier', value: 'A' }] },
				},
			}),
		);

		expect(sent(sims.so)).toEqual(['GET /v1/Contact/default', 'POST /v1/Contact']);
		expect(sims.so.requests[1].body).toMatchObject({
			ContactId: 0,
			Name: 'Polar Freight AS',
			Department: 'Oslo',
			OrgNr: 'NO998877665',
			Emails: [{ Value: 'post@polarfreight.example' }],
			Phones: [{ Value: '+47 22 11 00 00' }],
			CustomFields: { 'SuperOffice:1': '', 'SuperOffice:2': '', x_contact_tier: 'A' },
		});
		expect(items[0].json).toMatchObject({
			contactId: 143,
			name: 'Polar Freight AS',
			email: 'post@polarfreight.example',
			customFields: expect.objectContaining({ x_contact_tier: 'A' }),
		});
		expect(sims.so.state.contacts.get(143)?.orgNr).toBe('NO998877665');
	});

	it('does not send a create again when its outcome is unknown, and says it may have happened', async () => {
		sims.so.injectFault({ match: { method: 'POST' }, kind: 'appliedThenHang' });
		const { error } = await runSuperOffice(sims.so, create({ options: { timeout: 300, maxTries: 3 } }));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.description).toContain('it was not sent again');
		expect(sent(sims.so).filter((line) => line === 'POST /v1/Contact')).toHaveLength(1);
	});

	it('refuses an empty name, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, create({ name: '={{ $json.name }}' }), [
			{ name: 'A' },
			{ name: ' ' },
		]);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Name is empty [item 1]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it('with On Error: Continue, creates the others and pairs the failure with its item', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			create({ additionalFields: { customFieldsJson: '={{ JSON.stringify($json.custom) }}' } }),
			[{ custom: { x_contact_tier: 'B' } }, { custom: { x_unknown: 'C' } }],
			'continueRegularOutput',
		);

		expect(items.map((item) => [item.pairedItem, item.json.name ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Polar Freight AS'],
			[{ item: 1 }, expect.stringContaining("unknown custom field 'x_unknown'")],
		]);
	});
});
