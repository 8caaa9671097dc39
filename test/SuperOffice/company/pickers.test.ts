// The Company (Contact) pickers: companies From List and the tenant's company custom fields.
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { addCompanies } from '../../support/superoffice-records';

describe('SuperOffice › Company (Contact) pickers', () => {
	const sims = useSimulators();
	const search = (filter?: string, paginationToken?: string) =>
		harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchCompanies',
			credentials: superOfficeCredential(sims.so, 'bearer'),
			filter,
			paginationToken,
		});

	it('lists companies whose name contains the filter', async () => {
		const result = await search('nordic');

		expect(result.results).toEqual([
			{ name: 'Nordic Bikes AS', value: '138' },
			{ name: 'Nordic Bikes Retail AS', value: '142' },
		]);
		expect(sims.so.requests[0].query).toMatchObject({ $filter: "name contains 'nordic'", $orderBy: 'name' });
	});

	it('pages through companies with the pagination token', async () => {
		addCompanies(sims.so, 55);
		const first = await search('Bulk Company');
		const second = await search('Bulk Company', first.paginationToken as string);

		expect([first.results.length, first.paginationToken, second.results.length, second.paginationToken]).toEqual([
			50,
			'50',
			5,
			undefined,
		]);
	});

	it("offers the tenant's company custom fields by name, valued by their field name", async () => {
		const fields = await harness.loadOptions({
			nodeType: 'superOffice',
			method: 'getCompanyCustomFields',
			credentials: superOfficeCredential(sims.so),
		});

		expect(fields.map((field) => field.value)).toEqual(['SuperOffice:1', 'SuperOffice:2', 'x_contact_tier']);
		expect(sims.so.requests.map((r) => r.path)).toEqual(['/v1/Contact/CustomField']);
	});
});
