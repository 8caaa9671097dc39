/** The simulator's Person routes, consent lists and PersonAgent methods: what the Person operations may rely on. */
import { startSuperOfficeSimulator, type SuperOfficeSimulator } from '..';
import { call, SO_BASIC, SO_JSON } from '../../specClient';

describe('SuperOffice simulator: persons', () => {
	let so: SuperOfficeSimulator;
	const get = (path: string) => call(`${so.webApiUrl}/v1${path}`, { headers: { authorization: SO_BASIC } });
	const send = (method: string, path: string, body: unknown, headers: Record<string, string> = SO_JSON) =>
		call(`${so.webApiUrl}/v1${path}`, {
			method,
			headers,
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});

	beforeEach(async () => {
		so = await startSuperOfficeSimulator();
	});
	afterEach(async () => await so.close());

	describe('GET /v1/Person (the Person archive)', () => {
		const list = (query: string) => get(`/Person?${query}`);

		it('answers selected columns, filtered, ordered and paged, with a next link while rows remain', async () => {
			const { status, body } = await list(
				`$select=personId,fullName&$filter=${encodeURIComponent('contactId eq 138')}&$orderBy=personId desc&$top=1`,
			);
			expect(status).toBe(200);
			expect(body.value).toEqual([{ PrimaryKey: 267, EntityName: 'person', personId: 267, fullName: 'Ola Hansen' }]);
			expect(body['odata.nextLink']).toContain('%24skip=1');
		});

		it('compares text without regard to case, and dates with after/before', async () => {
			const filter = "email/emailAddress eq 'KARI.NORDMANN@nordicbikes.example' and personUpdatedDate after '2026-2-1'";
			const { body } = await list(`$select=personId&$filter=${encodeURIComponent(filter)}`);
			expect(body.value.map((row: { personId: number }) => row.personId)).toEqual([266]);
		});

		it.each([
			['an unknown column in $select', '$select=nope', "Unknown column 'nope' in $select"],
			['"or"', `$filter=${encodeURIComponent('contactId eq 138 or contactId eq 139')}`, 'only terms joined by "and"'],
			[
				'a text operator on a number',
				`$filter=${encodeURIComponent("contactId contains '1'")}`,
				'compares with a whole number',
			],
			[
				'a date that is no date',
				`$filter=${encodeURIComponent("personUpdatedDate after 'soon'")}`,
				"'soon' is not a date",
			],
			['a negative $top', '$top=-1', '$top must be a non-negative integer'],
		])('refuses %s with 400', async (_name, query, message) => {
			const { status, body } = await list(query);
			expect(status).toBe(400);
			expect(body.ErrorMessage).toContain(message);
		});
	});

	describe('GET /v1/Person/default, POST /v1/Person', () => {
		it('creates a person from the template with the values filled in', async () => {
			const template = (await get('/Person/default')).body;
			expect(template).toMatchObject({ PersonId: 0, Contact: null, Emails: [], CustomFields: { 'SuperOffice:1': '' } });

			const { status, body } = await send('POST', '/Person', {
				...template,
				Firstname: 'Jane',
				Lastname: 'Doe',
				Contact: { ContactId: 139 },
				Emails: [{ Value: 'jane@example.com' }],
				CustomFields: { 'SuperOffice:1': 'Gold' },
			});
			expect(status).toBe(200);
			expect(body).toMatchObject({
				PersonId: 321,
				FullName: 'Jane Doe',
				Contact: { ContactId: 139, Name: 'Fjord Consulting' },
				CustomFields: { 'SuperOffice:1': 'Gold', 'SuperOffice:2': '' },
				_Links: { Self: `${so.webApiUrl}/v1/Person/321` },
			});
		});

		it('takes Retired and NoMailing from the posted entity', async () => {
			const template = (await get('/Person/default')).body;
			expect(template).toMatchObject({ Retired: false, NoMailing: false });
			const { body } = await send('POST', '/Person', {
				...template,
				Firstname: 'Nils',
				Retired: true,
				NoMailing: true,
			});
			expect(body).toMatchObject({ PersonId: 321, Retired: true, NoMailing: true });
			expect(so.state.persons.get(321)).toMatchObject({ retired: true, noMailing: true });
		});

		it.each([
			['a property the entity does not have', { Firstname: 'A', Nickname: 'B' }, "unexpected property 'Nickname'"],
			['an existing PersonId', { PersonId: 266, Firstname: 'A' }, 'PersonId must be 0'],
			['no name', { Firstname: ' ' }, 'needs a Firstname or a Lastname'],
			['an unknown custom field', { Firstname: 'A', CustomFields: { x_nope: '1' } }, "unknown custom field 'x_nope'"],
			[
				'a custom field value that is no text',
				{ Firstname: 'A', CustomFields: { 'SuperOffice:2': 5 } },
				'must be a string',
			],
			[
				'values in the deprecated UserDefinedFields',
				{ Firstname: 'A', UserDefinedFields: { 'SuperOffice:1': 'x' } },
				'deprecated',
			],
			['an unknown company', { Firstname: 'A', Contact: { ContactId: 999 } }, 'Contact id 999 not found'],
			['a Retired that is no boolean', { Firstname: 'A', Retired: 1 }, 'Retired must be a boolean'],
			[
				'an email that is no address',
				{ Firstname: 'A', Emails: [{ Value: 'nope' }] },
				"'nope' is not an e-mail address",
			],
		])('refuses %s with 400', async (_name, body, message) => {
			const response = await send('POST', '/Person', body);
			expect(response.status).toBe(400);
			expect(response.body.ErrorMessage).toContain(message);
			expect(so.state.persons.size).toBe(6);
		});
	});

	describe('PATCH and DELETE /v1/Person/{id}', () => {
		it('applies a JSON Patch and answers with the changed person', async () => {
			const { status, body } = await send('PATCH', '/Person/267', [
				{ op: 'replace', path: '/Title', value: 'CFO' },
				{ op: 'replace', path: 'customfields', value: { x_person_source: 'fair' } },
			]);
			expect(status).toBe(200);
			expect(body).toMatchObject({ Title: 'CFO', CustomFields: { x_person_source: 'fair', 'SuperOffice:1': '' } });
		});

		it('applies a JSON Merge Patch object too', async () => {
			const { body } = await send('PATCH', '/Person/267', { Firstname: 'Olav' });
			expect(body.FullName).toBe('Olav Hansen');
		});

		it('keeps Retired and NoMailing: in the entity, the person list and a patch', async () => {
			expect((await get('/Person/302')).body).toMatchObject({ Retired: false, NoMailing: false });
			const { status, body } = await send('PATCH', '/Person/302', [
				{ op: 'replace', path: '/Retired', value: true },
				{ op: 'replace', path: '/NoMailing', value: true },
			]);
			expect(status).toBe(200);
			expect(body).toMatchObject({ Retired: true, NoMailing: true });
			expect((await get('/Person/302')).body).toMatchObject({ Retired: true, NoMailing: true });
			const row = await get(`/Person?$select=personId,personNoMail&$filter=${encodeURIComponent('personId eq 302')}`);
			expect(row.body.value).toEqual([expect.objectContaining({ personId: 302, personNoMail: true })]);
			expect((await send('PATCH', '/Person/302', [{ op: 'replace', path: '/Retired', value: 'yes' }])).status).toBe(
				400,
			);
		});

		it('refuses a path it does not know (400), a text body (415) and an unknown person (404)', async () => {
			expect((await send('PATCH', '/Person/267', [{ op: 'replace', path: '/Shoe', value: 42 }])).status).toBe(400);
			expect(
				(await send('PATCH', '/Person/267', 'Title=CFO', { authorization: SO_BASIC, 'content-type': 'text/plain' }))
					.status,
			).toBe(415);
			expect((await send('PATCH', '/Person/999', [{ op: 'replace', path: '/Title', value: 'x' }])).status).toBe(404);
		});

		it('deletes a person with 204, then answers 404 for it', async () => {
			expect(
				(await call(`${so.webApiUrl}/v1/Person/267`, { method: 'DELETE', headers: { authorization: SO_BASIC } }))
					.status,
			).toBe(204);
			expect(
				(await call(`${so.webApiUrl}/v1/Person/267`, { method: 'DELETE', headers: { authorization: SO_BASIC } }))
					.status,
			).toBe(404);
			expect((await get('/Person/267')).status).toBe(404);
		});
	});

	describe('custom fields and consent lists', () => {
		it('lists the published person custom fields as FieldInfoBase', async () => {
			const { body } = await get('/Person/CustomField');
			expect(body[0]).toEqual(
				expect.objectContaining({
					FieldName: 'SuperOffice:1',
					DisplayName: 'Newsletter segment',
					FieldType: 'ShortText',
				}),
			);
		});

		it('lists consent purposes, sources and legal bases with their keys', async () => {
			expect((await get('/List/ConsentPurpose/Items')).body[1]).toMatchObject({
				ConsentPurposeId: 2,
				Key: 'EMARKETING',
			});
			expect((await get('/List/ConsentSource/Items')).body[2]).toMatchObject({ ConsentSourceId: 3, Key: 'API' });
			expect((await get('/List/LegalBase/Items')).body[0]).toMatchObject({
				LegalBaseId: 1,
				Key: '61A',
				Name: 'Consent',
			});
		});
	});

	describe('PersonAgent', () => {
		it('counts a bounce on an address it has (AddBounce, AddBounceWithDetails) and ignores others, all 204', async () => {
			expect(
				(await send('POST', '/Agents/Person/AddBounce', { EmailAddress: 'OLA.HANSEN@nordicbikes.example' })).status,
			).toBe(204);
			const details = { EmailAddress: 'ola.hansen@nordicbikes.example', Counts: 2, Code: 550, Reason: 'Unknown user' };
			expect((await send('POST', '/Agents/Person/AddBounceWithDetails', details)).status).toBe(204);
			expect((await send('POST', '/Agents/Person/AddBounce', { EmailAddress: 'stranger@example.com' })).status).toBe(
				204,
			);
			expect(so.state.bounces.get('ola.hansen@nordicbikes.example')).toMatchObject({ count: 3, code: 550 });
			expect(so.state.bounces.size).toBe(1);
			expect((await get('/Person/267')).body.BounceEmails).toEqual(['ola.hansen@nordicbikes.example']);
		});

		it.each([
			['AddBounce', { EmailAddress: 'a@example.com', Counts: 1 }, "unexpected property 'Counts'"],
			['AddBounceWithDetails', { EmailAddress: 'a@example.com' }, "missing required property 'Counts'"],
			[
				'AddBounceWithDetails',
				{ EmailAddress: 'a@example.com', Counts: '1', Code: 0, Reason: '' },
				'Counts must be an integer',
			],
			['SetConsent', { PersonId: 266, Purpose: 'STORE' }, "missing required property 'Source'"],
		])('refuses a malformed %s body with 400', async (method, body, message) => {
			const { status, body: answer } = await send('POST', `/Agents/Person/${method}`, body);
			expect(status).toBe(400);
			expect(answer.MessageDetail).toContain(message);
		});

		it('sets and removes consents; removing marks the legal base WITHDRAWN', async () => {
			const consent = { PersonId: 267, Purpose: 'EMARKETING', Source: 'API', LegalBase: '61A', Comment: '' };
			expect((await send('POST', '/Agents/Person/SetConsent', consent)).status).toBe(204);
			expect((await get('/Person/267/Consent')).body).toEqual([
				expect.objectContaining({ ConsentPurposeKey: 'EMARKETING', LegalBaseKey: '61A', ConsentSourceKey: 'API' }),
			]);
			expect(
				(await send('POST', '/Agents/Person/RemoveConsent', { PersonId: 267, Purpose: 'EMARKETING' })).status,
			).toBe(204);
			expect((await get('/Person/267/Consent')).body[0].LegalBaseKey).toBe('WITHDRAWN');
			// Removing a consent never given changes nothing and is no error.
			expect((await send('POST', '/Agents/Person/RemoveConsent', { PersonId: 302, Purpose: 'STORE' })).status).toBe(
				204,
			);
			expect(so.state.consents.has(302)).toBe(false);
		});

		it('answers an unknown person or list key as agents do: 200 with Message', async () => {
			const unknownPerson = await send('POST', '/Agents/Person/RemoveConsent', { PersonId: 999, Purpose: 'STORE' });
			expect(unknownPerson.status).toBe(200);
			expect(unknownPerson.body).toEqual({
				Message: 'The request is invalid.',
				MessageDetail: 'Person 999 does not exist',
			});
			const unknownSource = await send('POST', '/Agents/Person/SetConsent', {
				PersonId: 266,
				Purpose: 'STORE',
				Source: 'FAX',
				LegalBase: '61A',
				Comment: '',
			});
			expect(unknownSource.body.MessageDetail).toBe("Unknown consent source 'FAX'");
		});
	});
});
