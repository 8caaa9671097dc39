// The SuperOffice Selection and Relation operations in a real n8n (regular mode, `n8n execute`): each workflow
// of superoffice-selections.workflows.ts runs once against the simulators, and every test checks what the
// simulator received and holds, besides what the nodes output.
import type { RecordedRequest } from '../simulators';
import { nodeItems, nodeOutput, type ExecuteResult } from './support/cli';
import { useOperationWorkflows } from './support/operationWorkflows';
import { SECRETS } from './support/simulators';
import { RELATIONS, relationsWorkflow, SELECTIONS, selectionsWorkflow } from './superoffice-selections.workflows';

describe('SuperOffice Selection and Relation operations in a real n8n', () => {
	const workflows = useOperationWorkflows('superoffice-selections', 'so', () => [
		selectionsWorkflow(),
		relationsWorkflow(),
	]);
	const execute = workflows.execute.bind(workflows);

	describe('Selection: create, add members, get members, get, get many, and a refused add', () => {
		let result: ExecuteResult;
		let requests: RecordedRequest[];
		let selectionId: number;

		beforeAll(async () => {
			({ result, requests } = await execute(SELECTIONS.workflowId));
			selectionId = nodeOutput(result.run, 'Create selection')[0].SelectionId as number;
		}, 300_000);

		it('signs every request with the SOTicket credential', () => {
			expect(requests.every((r) => r.headers.authorization === `SOTicket ${SECRETS.superOffice.ticket}`)).toBe(true);
		});

		it('creates the selection from the defaults, as a static selection of persons', () => {
			expect(requests.slice(0, 2).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				'GET /v1/Selection/default 200',
				'POST /v1/Selection 200',
			]);
			expect(requests[1].body).toMatchObject({
				Name: SELECTIONS.name,
				SelectionType: 'Static',
				TargetTableName: 'person',
				Description: 'Created by the e2e suite',
			});
			expect(workflows.ctx.so.state.selections.get(selectionId)).toMatchObject({
				name: SELECTIONS.name,
				kind: 'static',
			});
		});

		it('adds the three members in one request, each output paired to its input item', () => {
			const adds = requests.filter((r) => r.path === '/v1/Agents/Selection/AddContactSelectionMembers');
			expect(adds.filter((r) => (r.body as { SelectionId: number }).SelectionId === selectionId)).toEqual([
				expect.objectContaining({
					status: 204,
					body: {
						SelectionId: selectionId,
						ContactPersonIds: SELECTIONS.members.map((m) => ({ PersonId: m.personId, ContactId: m.contactId })),
					},
				}),
			]);
			expect(nodeItems(result.run, 'Add members')).toEqual(
				SELECTIONS.members.map((m, item) => ({ json: { success: true, selectionId, ...m }, pairedItem: { item } })),
			);
			expect(workflows.ctx.so.state.selections.get(selectionId)?.members).toEqual(SELECTIONS.members);
		});

		it('reads the members back with ids, names and email addresses', () => {
			const read = requests.filter((r) => r.path === `/v1/Selection/${selectionId}/Members`);
			expect(read).toHaveLength(1);
			expect(read[0].query).toMatchObject({ $top: '200', $skip: '0' });
			expect(nodeOutput(result.run, 'Get members')).toEqual([
				expect.objectContaining({
					personId: 266,
					fullName: 'Kari Nordmann',
					email: 'kari.nordmann@nordicbikes.example',
				}),
				expect.objectContaining({ personId: 302, companyName: 'Fjord Consulting', memberType: 'person' }),
				expect.objectContaining({
					personId: 0,
					contactId: 140,
					memberType: 'company',
					companyName: 'Aurora Logistics AB',
				}),
			]);
		});

		it('gets the selection, and finds it by name', () => {
			expect(nodeOutput(result.run, 'Get selection')).toEqual([
				expect.objectContaining({ SelectionId: selectionId, MemberCount: 3, SelectionType: 'Static' }),
			]);
			const many = requests.find((r) => r.method === 'GET' && r.path === '/v1/Selection');
			expect(many?.query).toMatchObject({ $filter: "name contains 'e2e'", $top: '10' });
			expect(nodeOutput(result.run, 'Get many selections')).toEqual([
				expect.objectContaining({ selectionId, name: SELECTIONS.name, memberCount: 3 }),
			]);
		});

		it('reports a dynamic selection as taking no members, and continues with the error as output', () => {
			const [item] = nodeItems(result.run, 'Add to dynamic selection');
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json.error).toContain('Members can only be added to a static selection');
			expect(item.json.error).toContain('is a dynamic selection');
			expect(workflows.ctx.so.state.selections.get(SELECTIONS.dynamicSelection)?.members).not.toContainEqual({
				contactId: 138,
				personId: 266,
			});
		});
	});

	describe('Relation: create, get, get many', () => {
		let result: ExecuteResult;
		let requests: RecordedRequest[];

		beforeAll(async () => {
			({ result, requests } = await execute(RELATIONS.workflowId));
		}, 300_000);

		it('creates the relation with SaveContactRelation and outputs it', () => {
			const save = requests.find((r) => r.path === '/v1/Agents/Relation/SaveContactRelation');
			expect(save?.body).toEqual({
				ContactRelationEntity: {
					RelationId: 0,
					SourceContactId: RELATIONS.create.sourceContactId,
					SourcePersonId: 0,
					DestinationContactId: RELATIONS.create.destinationContactId,
					DestinationPersonId: RELATIONS.create.destinationPersonId,
					RelationDefinitionId: RELATIONS.create.relationDefinitionId,
					Reversed: 0,
					Comment: RELATIONS.comment,
				},
			});
			const [created] = nodeOutput(result.run, 'Create relation');
			expect(created).toMatchObject({ ActiveText: 'Partner of', DestinationPersonName: 'Mikko Virtanen' });
			expect(workflows.ctx.so.state.relations.get(created.RelationId as number)).toMatchObject({
				comment: RELATIONS.comment,
			});
		});

		it('gets the relation it created', () => {
			const [created] = nodeOutput(result.run, 'Create relation');
			expect(requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET /v1/Relation/${created.RelationId}`);
			expect(nodeOutput(result.run, 'Get relation')).toEqual([
				expect.objectContaining({ RelationId: created.RelationId, Comment: RELATIONS.comment }),
			]);
		});

		it("lists the company's relations, the new one among them", () => {
			const [created] = nodeOutput(result.run, 'Create relation');
			expect(requests.map((r) => r.path)).toContain(`/v1/Contact/${RELATIONS.create.sourceContactId}/Relations`);
			expect(nodeOutput(result.run, 'Get company relations')).toEqual([
				expect.objectContaining({
					relationId: created.RelationId,
					relationName: 'Partner of',
					comment: RELATIONS.comment,
					destinationPersonName: 'Mikko Virtanen',
				}),
			]);
		});
	});
});
