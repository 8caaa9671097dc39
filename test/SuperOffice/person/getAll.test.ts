import { NodeOperationError } from 'n8n-workflow';
import { useSimulators } from '../../support/package';
import { addPersons, person, runSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Person › Get Many', () => {
	const sims = useSimulators();
	const getAll = (extra = {}) => person('getAll', extra);
	const personIds = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.personId);

	it('finds the person with an email address, whatever its case, with one OData query', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			getAll({ filters: { email: ' Kari.Nordmann@NordicBikes.example ' } }),
		);

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
					phone: '+47 22 33 44 55',
					mobilePhone: '',
					updatedDate: '2026-03-01T09:00:00Z',
					createdDate: '2025-06-01T09:00:00Z',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sims.so.requests).toHaveLength(1);
		expect(sims.so.requests[0].query).toMatchObject({
			$filter: "email/emailAddress eq 'kari.nordmann@nordicbikes.example'",
			$orderBy: 'personId',
			$top: '50',
			$skip: '0',
		});
		expect(sims.so.requests[0].query.$select).toContain('email/emailAddress');
	});

	it('combines filters with "and": company, name and last change', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			getAll({ filters: { contactId: 139, name: "ing'", updatedSince: '2026-01-01T00:00:00.000Z' } }),
		);

		expect(sims.so.requests[0].query.$filter).toBe(
			"fullName contains 'ing''' and contactId eq 139 and personUpdatedDate after '2026-01-01T00:00:00'",
		);
		expect(items).toEqual([]);

		const { items: found } = await runSuperOffice(
			sims.so,
			getAll({ filters: { contactId: 139, updatedSince: '2026-01-01T00:00:00Z' } }),
		);
		expect(personIds(found)).toEqual([301]);
	});

	it('returns all persons with Return All, paging past one page of 200', async () => {
		addPersons(sims.so, 450);
		const { items } = await runSuperOffice(sims.so, getAll({ returnAll: true, filters: { contactId: 141 } }));

		expect(items).toHaveLength(451);
		expect(new Set(personIds(items)).size).toBe(451);
		expect(sims.so.requests.map((r) => [r.query.$top, r.query.$skip])).toEqual([
			['200', '0'],
			['200', '200'],
			['200', '400'],
		]);
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('returns no more than Limit, asking for no more', async () => {
		const { items } = await runSuperOffice(sims.so, getAll({ limit: 3 }));

		expect(personIds(items)).toEqual([266, 267, 301]);
		expect(sims.so.requests.map((r) => r.query.$top)).toEqual(['3']);
	});

	it('outputs nothing for an item that finds nobody, and the others still pair with their items', async () => {
		const { items } = await runSuperOffice(sims.so, getAll({ filters: { email: '={{ $json.email }}' } }), [
			{ email: 'nobody@example.com' },
			{ email: 'ola.hansen@nordicbikes.example' },
		]);

		expect(items.map((item) => [item.pairedItem, item.json.personId])).toEqual([[{ item: 1 }, 267]]);
	});

	it('returns the rows as SuperOffice sends them with Simplify off', async () => {
		const { items } = await runSuperOffice(sims.so, getAll({ simplify: false, limit: 1 }));

		expect(sims.so.requests[0].query.$select).toBeUndefined();
		expect(items[0].json).toMatchObject({
			PrimaryKey: 266,
			EntityName: 'person',
			'email/emailAddress': expect.any(String),
		});
	});

	it('refuses an Email filter that is not an address, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, getAll({ filters: { email: '={{ $json.email }}' } }), [
			{ email: 'ola.hansen@nordicbikes.example' },
			{ email: 'ola.hansen' },
		]);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Filters › Email contains "ola.hansen", which is not an email address [item 1]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it('with On Error: Continue, fails only the item whose query SuperOffice refused', async () => {
		sims.so.injectFault({ match: { path: '/v1/Person' }, status: 500, body: { ErrorMessage: 'Archive failed' } });
		const { items } = await runSuperOffice(
			sims.so,
			getAll({ filters: { contactId: '={{ $json.contactId }}' }, options: { maxTries: 1 } }),
			[{ contactId: 138 }, { contactId: 139 }],
			'continueRegularOutput',
		);

		// One item's query got the fault: that item has its error, the other its persons, in input order.
		const pairs = items.map((item) => [
			(item.pairedItem as { item: number }).item,
			'error' in item.json ? 'error' : item.json.contactId,
		]);
		expect([
			[
				[0, 'error'],
				[1, 139],
				[1, 139],
			],
			[
				[0, 138],
				[0, 138],
				[1, 'error'],
			],
		]).toContainEqual(pairs);
		expect(items.find((item) => 'error' in item.json)?.json.error).toContain('Archive failed');
	});
});
