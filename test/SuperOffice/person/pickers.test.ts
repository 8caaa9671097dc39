// The Person pickers: persons From List, the tenant's person custom fields and its consent lists.
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { addPersons } from '../../support/superoffice-records';

describe('SuperOffice › Person pickers', () => {
	const sims = useSimulators();
	const search = (filter?: string, paginationToken?: string) =>
		harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchPersons',
			credentials: superOfficeCredential(sims.so),
			filter,
			paginationToken,
		});
	const options = (method: string) =>
		harness.loadOptions({ nodeType: 'superOffice', method, credentials: superOfficeCredential(sims.so) });

	it('lists persons whose name contains the filter, with company and email to tell them apart', async () => {
		const result = await search("kari'");
		expect(sims.so.requests[0].query.$filter).toBe("fullName contains 'kari'''");

		const kari = await search('kari');
		expect(kari.results).toEqual([
			{ name: 'Kari Nordmann (Nordic Bikes AS, kari.nordmann@nordicbikes.example)', value: '266' },
		]);
		expect(result.results).toEqual([]);
	});

	it('pages through persons with the pagination token', async () => {
		addPersons(sims.so, 60);
		const first = await search('Bulk');
		const second = await search('Bulk', first.paginationToken as string);

		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
	});

	it("offers the tenant's person custom fields by name, valued by their field name", async () => {
		expect(await options('getPersonCustomFields')).toEqual([
			{ name: 'Newsletter segment (SuperOffice:1)', value: 'SuperOffice:1', description: 'ShortText' },
			{ name: 'Customer number (SuperOffice:2)', value: 'SuperOffice:2', description: 'Integer' },
			{ name: 'Lead source (x_person_source)', value: 'x_person_source', description: 'ShortText' },
		]);
	});

	it('offers the consent purposes, sources and legal bases by their keys', async () => {
		expect((await options('getConsentPurposes')).map((o) => o.value)).toEqual(['STORE', 'EMARKETING']);
		expect((await options('getConsentSources')).map((o) => o.value)).toEqual(['USER', 'WEBFORM', 'API', 'IMPORT']);
		expect((await options('getLegalBases')).map((o) => o.value)).toEqual(['61A', '61B', '61F', 'WITHDRAWN']);
		expect(sims.so.requests.map((r) => r.path)).toEqual([
			'/v1/List/ConsentPurpose/Items',
			'/v1/List/ConsentSource/Items',
			'/v1/List/LegalBase/Items',
		]);
	});
});
