import type { INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { byId, person, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Person › Update', () => {
	const sims = useFreshSuperOffice();
	const update = (updateFields: INodeParameters, extra = {}) =>
		person('update', { personId: byId(267), updateFields, ...extra });

	it('sends only the fields the item sets, as one JSON Patch, and returns the changed person', async () => {
		const { items, error } = await runSuperOffice(
			sims.so,
			update({ title: 'Head of Sales', email: 'Ola@NordicBikes.example', lastName: 'Hansen-Berg' }),
		);

		expect(error).toBeUndefined();
		expect(sent(sims.so)).toEqual(['PATCH /v1/Person/267']);
		expect(sims.so.requests[0].body).toEqual([
			{ op: 'replace', path: '/Lastname', value: 'Hansen-Berg' },
			{ op: 'replace', path: '/Title', value: 'Head of Sales' },
			{ op: 'replace', path: '/Emails', value: [{ Value: 'ola@nordicbikes.example' }] },
		]);
		expect(items[0].json).toMatchObject({
			personId: 267,
			firstName: 'Ola',
			lastName: 'Hansen-Berg',
			fullName: 'Ola Hansen-Berg',
			title: 'Head of Sales',
			email: 'ola@nordicbikes.example',
		});
	});

	it('changes the custom fields given and keeps the others', async () => {
		sims.so.state.persons.get(267)!.customFields = {
			'SuperOffice:1': 'Silver',
			'SuperOffice:2': '7',
			x_person_source: 'fair',
		};
		const { items } = await runSuperOffice(
			sims.so,
			update({ customFields: { field: [{ fieldName: 'SuperOffice:1', value: 'Gold' }] } }),
		);

		expect(sims.so.requests[0].body).toEqual([
			{ op: 'replace', path: '/CustomFields', value: { 'SuperOffice:1': 'Gold' } },
		]);
		expect(items[0].json.customFields).toEqual({
			'SuperOffice:1': 'Gold',
			'SuperOffice:2': '7',
			x_person_source: 'fair',
		});
	});

	it('does not send a field whose value is empty, so an empty expression wipes nothing', async () => {
		await runSuperOffice(sims.so, update({ firstName: '={{ $json.missing }}', title: 'CFO' }));

		expect(sims.so.requests[0].body).toEqual([{ op: 'replace', path: '/Title', value: 'CFO' }]);
		expect(sims.so.state.persons.get(267)?.firstName).toBe('Ola');
	});

	it('refuses an item that sets nothing, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, update({ firstName: '' }));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Update Fields sets nothing, so there is nothing to change [item 0]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it("reports a person that does not exist with SuperOffice's message", async () => {
		const { error } = await runSuperOffice(
			sims.so,
			person('update', { personId: byId(999), updateFields: { title: 'CFO' } }),
		);

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('SuperOffice could not update person 999: Person id 999 not found [item 0]');
	});

	it('with On Error: Continue, updates the others and pairs the failure with its item', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			person('update', { personId: byId('={{ $json.personId }}'), updateFields: { title: 'Buyer' } }),
			[{ personId: 266 }, { personId: 999 }, { personId: 301 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => [item.pairedItem, item.json.title ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Buyer'],
			[{ item: 1 }, expect.stringContaining('Person id 999 not found')],
			[{ item: 2 }, 'Buyer'],
		]);
	});
});
