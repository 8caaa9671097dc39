/** The simulator's Contact (company) routes: what the Company (Contact) operations may rely on. */
import { startSuperOfficeSimulator, type SuperOfficeSimulator } from '..';
import { call, SO_BASIC, SO_JSON } from '../../specClient';

describe('SuperOffice simulator: companies', () => {
	let so: SuperOfficeSimulator;
	const get = (path: string) => call(`${so.webApiUrl}/v1${path}`, { headers: { authorization: SO_BASIC } });
	const send = (method: string, path: string, body: unknown) =>
		call(`${so.webApiUrl}/v1${path}`, { method, headers: SO_JSON, body: JSON.stringify(body) });

	beforeEach(async () => {
		so = await startSuperOfficeSimulator();
	});
	afterEach(async () => await so.close());

	it('lists companies from the Contact archive, filtered by organization number', async () => {
		const { body } = await get(
			`/Contact?$select=contactId,name,orgnr&$filter=${encodeURIComponent("orgnr eq 'no912345678'")}`,
		);
		expect(body.value).toEqual([
			{ PrimaryKey: 138, EntityName: 'contact', contactId: 138, name: 'Nordic Bikes AS', orgnr: 'NO912345678' },
		]);
	});

	it('creates a company from the template, and refuses one without a name', async () => {
		const template = (await get('/Contact/default')).body;
		expect(template).toMatchObject({ ContactId: 0, Name: '', Persons: [] });

		const created = await send('POST', '/Contact', {
			...template,
			Name: 'Polar Freight AS',
			Phones: [{ Value: '+47 1' }],
		});
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ ContactId: 143, Name: 'Polar Freight AS', Phones: [{ Value: '+47 1' }] });

		const nameless = await send('POST', '/Contact', { ...template, Name: ' ' });
		expect(nameless.status).toBe(400);
		expect(nameless.body.ErrorMessage).toBe('A company needs a Name');
	});

	it('patches a company and answers with the changed company', async () => {
		const { body } = await send('PATCH', '/Contact/139', [{ op: 'replace', path: '/Department', value: 'Bergen' }]);
		expect(body).toMatchObject({ ContactId: 139, Department: 'Bergen' });
	});

	it('deletes a company with its persons, out of selections and relations', async () => {
		const response = await call(`${so.webApiUrl}/v1/Contact/138`, {
			method: 'DELETE',
			headers: { authorization: SO_BASIC },
		});
		expect(response.status).toBe(204);
		expect([266, 267].some((id) => so.state.persons.has(id))).toBe(false);
		expect(so.state.selections.get(938)!.members.some((m) => m.contactId === 138)).toBe(false);
		expect(so.state.relations.has(413)).toBe(false);
		expect((await get('/Contact/138')).status).toBe(404);
	});

	it('lists the published company custom fields', async () => {
		const { body } = await get('/Contact/CustomField');
		expect(body.map((field: { FieldName: string }) => field.FieldName)).toEqual([
			'SuperOffice:1',
			'SuperOffice:2',
			'x_contact_tier',
		]);
	});
});
