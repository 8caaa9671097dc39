/**
 * The workflows superoffice-selections.e2e.ts imports: every Selection and Relation operation against the
 * SuperOffice simulator, chained the way a user would (create a selection, add members to it, read them back;
 * create a relation, read it back, list a company's relations), plus a refused Add Members under On Error:
 * Continue.
 */
import { CREDENTIAL_IDS } from './support/simulators';
import { byId, code, superOffice, trigger, TRIGGER, workflow, type WorkflowFile, type WorkflowNode } from './workflows';

export const SELECTIONS = {
	workflowId: 'E2eSelections001',
	name: 'e2e Webinar attendees',
	members: [
		{ contactId: 138, personId: 266 },
		{ contactId: 139, personId: 302 },
		{ contactId: 140, personId: 0 },
	],
	/** Seeded dynamic selection: takes no members. */
	dynamicSelection: 940,
};

export const RELATIONS = {
	workflowId: 'E2eRelations0001',
	create: { relationDefinitionId: 4, sourceContactId: 140, destinationContactId: 141, destinationPersonId: 315 },
	comment: 'e2e joint venture',
};

const credentialId = CREDENTIAL_IDS.superOfficeTicket;

/** Runs once, for the first input item only (n8n's "Execute Once" setting). */
const once = (node: WorkflowNode): WorkflowNode => ({ ...node, executeOnce: true }) as WorkflowNode;

/** A straight line of nodes after the manual trigger. */
const line = (id: string, name: string, nodes: WorkflowNode[]): WorkflowFile =>
	workflow(
		id,
		name,
		[trigger, ...nodes],
		[trigger, ...nodes].slice(1).map((node, index) => [index === 0 ? TRIGGER : nodes[index - 1].name, node.name]),
	);

export function selectionsWorkflow(): WorkflowFile {
	return line(SELECTIONS.workflowId, 'e2e: Selection operations', [
		superOffice('Create selection', credentialId, {
			resource: 'selection',
			operation: 'create',
			name: SELECTIONS.name,
			memberType: 'person',
			additionalFields: { description: 'Created by the e2e suite' },
		}),
		code('Members to add', `return ${JSON.stringify(SELECTIONS.members)}.map((json) => ({ json }));`),
		superOffice('Add members', credentialId, {
			resource: 'selection',
			operation: 'addMembers',
			selectionId: byId("={{ $('Create selection').first().json.SelectionId }}"),
			contactId: '={{ $json.contactId }}',
			personId: '={{ $json.personId }}',
		}),
		once(
			superOffice('Get members', credentialId, {
				resource: 'selection',
				operation: 'getMembers',
				selectionId: byId("={{ $('Create selection').first().json.SelectionId }}"),
				returnAll: true,
			}),
		),
		once(
			superOffice('Get selection', credentialId, {
				resource: 'selection',
				operation: 'get',
				selectionId: byId("={{ $('Create selection').first().json.SelectionId }}"),
			}),
		),
		superOffice('Get many selections', credentialId, {
			resource: 'selection',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { name: 'e2e' },
		}),
		once({
			...superOffice('Add to dynamic selection', credentialId, {
				resource: 'selection',
				operation: 'addMembers',
				selectionId: byId(SELECTIONS.dynamicSelection),
				contactId: 138,
				personId: 266,
			}),
			onError: 'continueRegularOutput',
		}),
	]);
}

export function relationsWorkflow(): WorkflowFile {
	return line(RELATIONS.workflowId, 'e2e: Relation operations', [
		superOffice('Create relation', credentialId, {
			resource: 'relation',
			operation: 'create',
			relationDefinitionId: RELATIONS.create.relationDefinitionId,
			sourceContactId: byId(RELATIONS.create.sourceContactId),
			sourcePersonId: 0,
			destinationContactId: byId(RELATIONS.create.destinationContactId),
			destinationPersonId: RELATIONS.create.destinationPersonId,
			comment: RELATIONS.comment,
		}),
		superOffice('Get relation', credentialId, {
			resource: 'relation',
			operation: 'get',
			relationId: '={{ $json.RelationId }}',
		}),
		superOffice('Get company relations', credentialId, {
			resource: 'relation',
			operation: 'getAll',
			of: 'company',
			contactId: byId(RELATIONS.create.sourceContactId),
			returnAll: true,
		}),
	]);
}
