import type { INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { byId, company, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Company (Contact) › Update', () => {
	const sims = useFreshSuperOffice();
	const update = (updateFields: INodeParameters, contactId: unknown = 139) =>
		company('update', { contactId: byId(contactId as string), updateFields });

	it('sends only the fields the item sets, as one JSON Patch, and returns the changed company', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			update({ name: 'Fjord Consulting AS', orgNr: 'NO923456780', customFieldsJson: { 'SuperOffice:2': true } }),
		);

		expect(sent(sims.so)).toEqual(['PATCH /v1/Contact/139']);
		expect(sims.so.requests[0].body).toEqual([
			{ op: 'replace', path: '/Name', value: 'Fjord Consulting AS' },
			{ op: 'replace', path: '/OrgNr', value: 'NO923456780' },
			{ op: 'replace', path: '/CustomFields', value: { 'SuperOffice:2': '1' } },
		]);
		expect(items[0].json).toMatchObject({
			contactId: 139,
			name: 'Fjord Consulting AS',
			orgNr: 'NO923456780',
			customFields: { 'SuperOffice:1': '', 'SuperOffice:2': '1', x_contact_tier: '' },
		});
	});

	it('refuses an item that sets nothing, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, update({}));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Update Fields sets nothing, so there is nothing to change [item 0]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it("reports a company that does not exist with SuperOffice's message", async () => {
		const { error } = await runSuperOffice(sims.so, update({ department: 'Bergen' }, 999));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('SuperOffice could not update company 999: Contact id 999 not found [item 0]');
	});

	it('with On Error: Continue, updates the others and pairs the failure with its item', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			update({ department: 'Bergen' }, '={{ $json.contactId }}'),
			[{ contactId: 999 }, { contactId: 140 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => [item.pairedItem, item.json.department ?? item.json.error])).toEqual([
			[{ item: 0 }, expect.stringContaining('Contact id 999 not found')],
			[{ item: 1 }, 'Bergen'],
		]);
	});
});
