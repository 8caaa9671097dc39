import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { useSimulators } from '../../support/package';
import { byId, company, runSuperOffice, sent } from '../../support/superoffice-records';

describe('SuperOffice › Company (Contact) › Get', () => {
	const sims = useSimulators();
	const get = (contactId: unknown, extra = {}) => company('get', { contactId: byId(contactId as string), ...extra });

	it('returns the fields a workflow needs, simplified', async () => {
		const { items } = await runSuperOffice(sims.so, get(138));

		expect(items).toEqual([
			{
				json: {
					contactId: 138,
					name: 'Nordic Bikes AS',
					department: '',
					orgNr: 'NO912345678',
					email: '',
					emails: [],
					phone: '',
					updatedDate: '2026-03-02T09:00:00Z',
					createdDate: '2025-05-01T09:00:00Z',
					customFields: { 'SuperOffice:1': '', 'SuperOffice:2': '0', x_contact_tier: '' },
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sent(sims.so)).toEqual(['GET /v1/Contact/138']);
	});

	it('returns the company as SuperOffice sends it with Simplify off', async () => {
		const { items } = await runSuperOffice(sims.so, get(138, { simplify: false }));

		expect(items[0].json).toMatchObject({
			ContactId: 138,
			Name: 'Nordic Bikes AS',
			OrgNr: 'NO912345678',
			Persons: [expect.objectContaining({ PersonId: 266 }), expect.objectContaining({ PersonId: 267 })],
		});
	});

	it('refuses a company ID that is not a number, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, get('={{ $json.contactId }}'), [
			{ contactId: 138 },
			{ contactId: 1.5 },
		]);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toMatch(/^Company \(Contact\) must be a whole number .*\[item 1\]$/);
		expect(sims.so.requests).toHaveLength(0);
	});

	it("reports a company that does not exist with SuperOffice's message and what to check", async () => {
		const { error } = await runSuperOffice(sims.so, get(999));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('SuperOffice could not get company 999: Contact id 999 not found [item 0]');
		expect(error?.description).toContain('SuperOffice has no company 999');
	});

	it('with On Error: Continue, pairs each output with its item and fails only the missing company', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			get('={{ $json.contactId }}'),
			[{ contactId: 999 }, { contactId: 139 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => [item.pairedItem, item.json.name ?? item.json.error])).toEqual([
			[{ item: 0 }, expect.stringContaining('Contact id 999 not found [item 0]')],
			[{ item: 1 }, 'Fjord Consulting'],
		]);
	});
});
