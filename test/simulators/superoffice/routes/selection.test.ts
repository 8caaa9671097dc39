/** The SuperOffice simulator's selection routes: what the Selection operations' tests rely on it to do. */
import { startSuperOfficeSimulator, type SuperOfficeSimulator } from '..';
import { call, SO_BASIC, SO_JSON } from '../../specClient';

describe('SuperOffice simulator › selections', () => {
	let so: SuperOfficeSimulator;
	const get = (path: string) => call(`${so.webApiUrl}${path}`, { headers: { authorization: SO_BASIC } });
	const post = (path: string, body: unknown) =>
		call(`${so.webApiUrl}${path}`, { method: 'POST', headers: SO_JSON, body: JSON.stringify(body) });
	const addMembers = (body: unknown) => post('/v1/Agents/Selection/AddContactSelectionMembers', body);
	const members = (selectionId: number) =>
		so.state.selections.get(selectionId)?.members.map((m) => `${m.contactId}/${m.personId}`);

	beforeEach(async () => {
		so = await startSuperOfficeSimulator();
	});
	afterEach(async () => await so.close());

	describe('AddContactSelectionMembers', () => {
		it('adds persons and companies and answers 204 with an empty body', async () => {
			const { status, text } = await addMembers({
				SelectionId: 939,
				ContactPersonIds: [
					{ PersonId: 266, ContactId: 138 },
					{ PersonId: 0, ContactId: 140 },
				],
			});

			expect(status).toBe(204);
			expect(text).toBe('');
			expect(members(939)).toEqual(['139/302', '141/315', '142/320', '138/266', '140/0']);
		});

		it('leaves a member that is already there as it is, without saying so', async () => {
			const { status } = await addMembers({ SelectionId: 938, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] });

			expect(status).toBe(204);
			expect(members(938)).toEqual(['138/266', '138/267', '139/301', '140/0']);
		});

		it.each([
			[
				'a dynamic selection',
				940,
				{ PersonId: 266, ContactId: 138 },
				'Members can only be added to a static selection',
			],
			['an unknown selection', 999, { PersonId: 266, ContactId: 138 }, 'Selection 999 does not exist'],
			['an unknown person', 939, { PersonId: 999, ContactId: 138 }, 'Person 999 does not exist'],
			['an unknown company', 939, { PersonId: 0, ContactId: 999 }, 'Contact 999 does not exist'],
			[
				'a person of another company',
				939,
				{ PersonId: 266, ContactId: 139 },
				'Person 266 does not belong to contact 139',
			],
		])('refuses %s the way agents fail: 200 with Message, nothing added', async (_case, selectionId, pair, detail) => {
			const before = members(939);
			const { status, body } = await addMembers({ SelectionId: selectionId, ContactPersonIds: [pair] });

			expect(status).toBe(200);
			expect(body).toEqual({ Message: 'The request is invalid.', MessageDetail: detail });
			expect(members(939)).toEqual(before);
		});

		it('adds nothing when one pair of the request is refused', async () => {
			await addMembers({
				SelectionId: 939,
				ContactPersonIds: [
					{ PersonId: 266, ContactId: 138 },
					{ PersonId: 999, ContactId: 138 },
				],
			});

			expect(members(939)).toEqual(['139/302', '141/315', '142/320']);
		});

		it.each([
			['an extra key', { SelectionId: 939, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }], Extra: 1 }],
			['a string id', { SelectionId: '939', ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] }],
			['an empty list', { SelectionId: 939, ContactPersonIds: [] }],
			['lower-case keys', { selectionId: 939, contactPersonIds: [{ PersonId: 266, ContactId: 138 }] }],
		])('answers 400 to a body with %s', async (_case, body) => {
			expect((await addMembers(body)).status).toBe(400);
		});
	});

	describe('the REST entity', () => {
		it('gives a new static selection of companies as the default, not saved', async () => {
			const { status, body } = await get('/v1/Selection/default');

			expect(status).toBe(200);
			expect(body).toMatchObject({ SelectionId: 0, SelectionType: 'Static', TargetTableName: 'contact' });
		});

		it('creates a selection of persons from the default entity and answers it with its new id and links', async () => {
			const defaults = (await get('/v1/Selection/default')).body;
			const { status, body } = await post('/v1/Selection', {
				...defaults,
				Name: 'Webinar 2026',
				TargetTableName: 'person',
				TargetTableNumber: 6,
			});

			expect(status).toBe(200);
			expect(body).toMatchObject({ SelectionId: 941, Name: 'Webinar 2026', TargetTableName: 'person', MemberCount: 0 });
			expect(body._Links.Self).toBe(`${so.webApiUrl}/v1/Selection/941`);
			expect(so.state.selections.get(941)).toMatchObject({ kind: 'static', targetTableName: 'person' });
		});

		it.each([
			[
				'a property SelectionEntity does not have',
				{ Name: 'x', SelectionType: 'Static', TargetTableName: 'contact', Kind: 1 },
			],
			['no name', { Name: '', SelectionType: 'Static', TargetTableName: 'contact' }],
			[
				'an id (that would be an update)',
				{ SelectionId: 5, Name: 'x', SelectionType: 'Static', TargetTableName: 'contact' },
			],
			['a dynamic type', { Name: 'x', SelectionType: 'Dynamic', TargetTableName: 'contact' }],
			['an unknown member table', { Name: 'x', SelectionType: 'Static', TargetTableName: 'people' }],
			[
				'a table number of another table',
				{ Name: 'x', SelectionType: 'Static', TargetTableName: 'person', TargetTableNumber: 5 },
			],
		])('refuses a create with %s (400)', async (_case, body) => {
			const response = await post('/v1/Selection', body);

			expect(response.status).toBe(400);
			expect(response.body.Error).toBe(true);
			expect(so.state.selections.size).toBe(3);
		});

		it('nulls out what $select leaves out of a selection', async () => {
			const { body } = await get('/v1/Selection/938?$select=name,selectionType');

			expect(body).toMatchObject({ Name: 'Newsletter subscribers', SelectionType: 'Static', MemberCount: null });
		});
	});

	describe('the members archive', () => {
		const select = 'personId,contactId,name,fullName,firstName,lastName,personEmail/emailAddress,email/emailAddress';

		it('gives the documented columns of person and company members when asked for them', async () => {
			const { body } = await get(`/v1/Selection/938/Members?$select=${encodeURIComponent(select)}`);

			expect(body.value[0]).toEqual({
				PrimaryKey: 266,
				EntityName: 'person',
				personId: 266,
				contactId: 138,
				name: 'Nordic Bikes AS',
				fullName: 'Kari Nordmann',
				firstName: 'Kari',
				lastName: 'Nordmann',
				'personEmail/emailAddress': 'kari.nordmann@nordicbikes.example',
				'email/emailAddress': '',
			});
			expect(body.value[3]).toMatchObject({ EntityName: 'contact', personId: 0, contactId: 140, fullName: '' });
		});

		it('pages with $top and $skip and gives a next link while rows remain', async () => {
			const first = await get(`/v1/Selection/938/Members?$select=personId&$top=3&$skip=0`);
			const rest = await get(`/v1/Selection/938/Members?$select=personId&$top=3&$skip=3`);

			expect(first.body.value).toHaveLength(3);
			expect(first.body['odata.nextLink']).toContain('%24skip=3');
			expect(rest.body.value).toHaveLength(1);
			expect(rest.body['odata.nextLink']).toBeUndefined();
		});

		it('refuses a column the archive does not have', async () => {
			expect((await get('/v1/Selection/938/Members?$select=shoeSize')).status).toBe(400);
		});
	});
});
