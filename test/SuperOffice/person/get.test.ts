import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { useSimulators } from '../../support/package';
import { byId, fromList, person, runSuperOffice, sent } from '../../support/superoffice-records';

describe('SuperOffice › Person › Get', () => {
	const sims = useSimulators();
	const get = (personId: unknown, extra = {}) => person('get', { personId: byId(personId as string), ...extra });

	it('returns the fields a workflow needs, simplified', async () => {
		const { items, error } = await runSuperOffice(sims.so, get(266));

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					personId: 266,
					contactId: 138,
					firstName: 'Kari',
					lastName: 'Nordmann',
					fullName: 'Kari Nordmann',
					title: 'Marketing Manager',
					companyName: 'Nordic Bikes AS',
					email: 'kari.nordmann@nordicbikes.example',
					emails: ['kari.nordmann@nordicbikes.example'],
					phone: '+47 22 33 44 55',
					mobilePhone: '',
					updatedDate: '2026-03-01T09:00:00Z',
					createdDate: '2025-06-01T09:00:00Z',
					customFields: { 'SuperOffice:1': '', 'SuperOffice:2': '', x_person_source: '' },
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sent(sims.so)).toEqual(['GET /v1/Person/266']);
	});

	it('returns the person as SuperOffice sends it with Simplify off', async () => {
		const { items } = await runSuperOffice(sims.so, get(266, { simplify: false }));

		expect(items[0].json).toMatchObject({
			PersonId: 266,
			Firstname: 'Kari',
			Contact: { ContactId: 138, Name: 'Nordic Bikes AS' },
			Emails: [{ Value: 'kari.nordmann@nordicbikes.example' }],
			CustomFields: expect.any(Object),
		});
	});

	it('asks SuperOffice for the chosen Fields and returns them as sent', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			get(266, { options: { select: 'PersonId,Firstname', language: 'en' } }),
		);

		expect(sims.so.requests[0].query).toEqual({ $select: 'PersonId,Firstname' });
		expect(sims.so.requests[0].headers['accept-language']).toBe('en');
		expect(items[0].json.PersonId).toBe(266);
	});

	it('takes a person picked From List', async () => {
		const { items } = await runSuperOffice(sims.so, person('get', { personId: fromList(301, 'Ingrid Berg') }));

		expect(items[0].json).toMatchObject({ personId: 301, fullName: 'Ingrid Berg' });
	});

	it('refuses a person ID that is not a number, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, get('={{ $json.personId }}'), [
			{ personId: 266 },
			{ personId: 'x' },
		]);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toMatch(/^Person must be a whole number .*\[item 1\]$/);
		expect(sims.so.requests).toHaveLength(0);
	});

	it("reports a person that does not exist with SuperOffice's message and what to check", async () => {
		const { error } = await runSuperOffice(sims.so, get(999));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('SuperOffice could not get person 999: Person id 999 not found [item 0]');
		expect(error?.description).toContain('SuperOffice has no person 999');
	});

	it('with On Error: Continue, pairs each output with its item and fails only the missing person', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			get('={{ $json.personId }}'),
			[{ personId: 266 }, { personId: 999 }, { personId: 267 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => [item.pairedItem, item.json.personId ?? item.json.error])).toEqual([
			[{ item: 0 }, 266],
			[{ item: 1 }, expect.stringContaining('Person id 999 not found [item 1]')],
			[{ item: 2 }, 267],
		]);
	});
});
