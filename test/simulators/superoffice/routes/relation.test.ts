/** The SuperOffice simulator's relation routes: what the Relation operations' tests rely on it to do. */
import { startSuperOfficeSimulator, type SuperOfficeSimulator } from '..';
import { call, SO_BASIC, SO_JSON } from '../../specClient';

describe('SuperOffice simulator › relations', () => {
	let so: SuperOfficeSimulator;
	const get = (path: string) => call(`${so.webApiUrl}${path}`, { headers: { authorization: SO_BASIC } });
	const save = (body: unknown) =>
		call(`${so.webApiUrl}/v1/Agents/Relation/SaveContactRelation`, {
			method: 'POST',
			headers: SO_JSON,
			body: JSON.stringify(body),
		});
	const entity = {
		RelationId: 0,
		SourceContactId: 140,
		SourcePersonId: 0,
		DestinationContactId: 141,
		DestinationPersonId: 315,
		RelationDefinitionId: 4,
		Reversed: 0,
		Comment: 'Joint venture',
	};

	beforeEach(async () => {
		so = await startSuperOfficeSimulator();
	});
	afterEach(async () => await so.close());

	describe('SaveContactRelation', () => {
		it('creates a relation and answers the saved ContactRelationEntity', async () => {
			const { status, body } = await save({ ContactRelationEntity: entity });

			expect(status).toBe(200);
			expect(body).toMatchObject({
				RelationId: 416,
				SourceContactId: 140,
				DestinationPersonId: 315,
				RelationDefinitionId: 4,
				Comment: 'Joint venture',
				ActiveText: 'Partner of',
				SourceContactName: 'Aurora Logistics AB',
				DestinationPersonName: 'Mikko Virtanen',
			});
			expect(so.state.relations.get(416)).toMatchObject({ comment: 'Joint venture', destinationPersonId: 315 });
		});

		it.each([
			['an unknown company', { DestinationContactId: 999 }, 'Contact 999 does not exist'],
			['no source company', { SourceContactId: 0 }, 'The source contact is mandatory'],
			['a person of another company', { DestinationPersonId: 266 }, 'Person 266 does not belong to contact 141'],
			['an unknown definition', { RelationDefinitionId: 99 }, 'Relation definition 99 does not exist'],
			['a deleted definition', { RelationDefinitionId: 5 }, 'Relation definition 5 does not exist'],
		])('refuses %s the way agents fail: 200 with Message, nothing saved', async (_case, change, detail) => {
			const { status, body } = await save({ ContactRelationEntity: { ...entity, ...change } });

			expect(status).toBe(200);
			expect(body).toEqual({ Message: 'The request is invalid.', MessageDetail: detail });
			expect(so.state.relations.size).toBe(3);
		});

		it.each([
			['the entity not wrapped', entity],
			['a property the entity does not have', { ContactRelationEntity: { ...entity, Direction: 1 } }],
			['a string id', { ContactRelationEntity: { ...entity, SourceContactId: '140' } }],
			['a comment that is no string', { ContactRelationEntity: { ...entity, Comment: 5 } }],
		])('answers 400 to %s', async (_case, body) => {
			expect((await save(body)).status).toBe(400);
		});
	});

	describe('reads', () => {
		it('nulls out what $select leaves out of a relation', async () => {
			const { body } = await get('/v1/Relation/415?$select=RelationId,comment');

			expect(body).toMatchObject({ RelationId: 415, Comment: '', SourceContactId: null });
		});

		it("lists a company's relations in both directions, with the archive's columns", async () => {
			const select = 'relationId,direction,source/contactId,target/contactId,target/fullName';
			const { body } = await get(`/v1/Contact/138/Relations?$select=${encodeURIComponent(select)}`);

			expect(body.value).toEqual([
				expect.objectContaining({ relationId: 413, direction: 2, 'source/contactId': 142, 'target/contactId': 138 }),
				expect.objectContaining({ relationId: 415, direction: 1, 'target/fullName': 'Ingrid Berg' }),
			]);
		});

		it("lists a person's relations, pages them, and answers 404 for an unknown person", async () => {
			expect((await get('/v1/Person/301/Relations?$select=relationId')).body.value).toEqual([
				{ PrimaryKey: 415, EntityName: 'relation', relationId: 415 },
			]);
			const paged = await get('/v1/Contact/138/Relations?$select=relationId&$top=1');
			expect(paged.body.value).toHaveLength(1);
			expect(paged.body['odata.nextLink']).toBeDefined();
			expect((await get('/v1/Person/999/Relations')).status).toBe(404);
		});

		it('lists the relation definitions as MDO list items, flat or not', async () => {
			const { status, body } = await get('/v1/MDOList/relationdefinition?flat=true');

			expect(status).toBe(200);
			expect(body[0]).toMatchObject({ Id: 1, Name: 'Subsidiary of', Deleted: false, ChildItems: [] });
			expect(body.find((item: { Id: number }) => item.Id === 5).Deleted).toBe(true);
			expect((await get('/v1/MDOList/relationdefinition?flat=yes')).status).toBe(400);
		});
	});
});
