import { NodeOperationError } from 'n8n-workflow';
import { useSimulators } from '../../support/package';
import { addCompanies, company, runSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Company (Contact) › Get Many', () => {
	const sims = useSimulators();
	const getAll = (extra = {}) => company('getAll', extra);
	const ids = (items: Array<{ json: Record<string, unknown> }>) => items.map((item) => item.json.contactId);

	it('finds companies whose name contains the text, simplified', async () => {
		const { items } = await runSuperOffice(sims.so, getAll({ filters: { name: 'nordic' } }));

		expect(ids(items)).toEqual([138, 142]);
		expect(items[0].json).toEqual({
			contactId: 138,
			name: 'Nordic Bikes AS',
			department: '',
			orgNr: 'NO912345678',
			email: '',
			phone: '',
			updatedDate: '2026-03-02T09:00:00Z',
			createdDate: '2025-05-01T09:00:00Z',
		});
		expect(sims.so.requests[0].query).toMatchObject({ $filter: "name contains 'nordic'", $orderBy: 'contactId' });
	});

	it('finds a company by organization number and last change', async () => {
		const { items } = await runSuperOffice(
			sims.so,
			getAll({ filters: { orgNr: 'NO912345678', updatedSince: '2026-01-01T00:00:00Z' } }),
		);

		expect(sims.so.requests[0].query.$filter).toBe(
			"orgnr eq 'NO912345678' and updatedDate after '2026-01-01T00:00:00'",
		);
		expect(ids(items)).toEqual([138]);
	});

	it('returns all companies with Return All, paging past one page of 200', async () => {
		addCompanies(sims.so, 300);
		const { items } = await runSuperOffice(sims.so, getAll({ returnAll: true }));

		expect(items).toHaveLength(305);
		expect(sims.so.requests.map((r) => r.query.$skip)).toEqual(['0', '200']);
	});

	it('returns no more than Limit, asking for no more', async () => {
		const { items } = await runSuperOffice(sims.so, getAll({ limit: 2 }));

		expect(ids(items)).toEqual([138, 139]);
		expect(sims.so.requests.map((r) => r.query.$top)).toEqual(['2']);
	});

	it('refuses an Updated Since that is not a date, before calling SuperOffice', async () => {
		const { error } = await runSuperOffice(sims.so, getAll({ filters: { updatedSince: '={{ "last tuesday" }}' } }));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Filters › Updated Since must be a date, but got "last tuesday" [item 0]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it('with On Error: Continue, fails only the item whose query SuperOffice refused', async () => {
		sims.so.injectFault({ match: { path: '/v1/Contact' }, status: 400, body: { ErrorMessage: 'Bad filter' } });
		const { items } = await runSuperOffice(
			sims.so,
			getAll({ filters: { name: '={{ $json.name }}' } }),
			[{ name: 'Fjord' }, { name: 'Aurora' }],
			'continueRegularOutput',
		);

		expect(items).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items.filter((item) => 'error' in item.json)).toHaveLength(1);
	});
});
