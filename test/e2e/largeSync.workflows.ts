/**
 * The workflows `npm run bench` runs in a real n8n for large syncs: a Code node makes N items (what a
 * reconcile's comparison hands on), and one set-like operation writes them, either with a field mapped by
 * an expression per item or From Input Fields, combined or one request per item.
 */
import { CREDENTIAL_IDS } from './support/simulators';
import { autoSend, byId, code, superOffice, trigger, workflow, type WorkflowFile } from './workflows';

export type LargeSyncOperation = 'removeMembers' | 'addContacts';
export type LargeSyncMode = 'mapEachField' | 'fromInputFields';

export interface LargeSyncCase {
	operation: LargeSyncOperation;
	mode: LargeSyncMode;
	items: number;
	combine: boolean;
}

/** The node the bench reads the execution time of. */
export const WRITE_NODE = 'Write';

/** A stable workflow id per case (n8n ids are 16 characters). */
export function largeSyncWorkflowId({ operation, mode, items, combine }: LargeSyncCase): string {
	const tag = `${operation === 'removeMembers' ? 'RM' : 'AC'}${mode === 'fromInputFields' ? 'F' : 'M'}${combine ? 'C' : 'P'}`;
	return `Large${tag}${String(items).padStart(7, '0')}`.slice(0, 16);
}

export function largeSyncWorkflow(
	testCase: LargeSyncCase,
	target: { selectionId: number; listId: string; firstPersonId: number },
): WorkflowFile {
	const { operation, mode, items, combine } = testCase;
	const options = { combine, ...(combine ? {} : { combineWindow: 0 }) };
	const fromFields = mode === 'fromInputFields';
	const make =
		operation === 'removeMembers'
			? `return Array.from({ length: ${items} }, (_, i) => ({ json: { contactId: 138, personId: ${target.firstPersonId} + i } }));`
			: `return Array.from({ length: ${items} }, (_, i) => ({ json: { email: 'sync' + i + '@example.com' } }));`;
	const write =
		operation === 'removeMembers'
			? superOffice(WRITE_NODE, CREDENTIAL_IDS.superOfficeTicket, {
					resource: 'selection',
					operation: 'removeMembers',
					selectionId: byId(target.selectionId),
					...(fromFields
						? { inputMode: 'fromInputFields' }
						: { contactId: '={{ $json.contactId }}', personId: '={{ $json.personId }}' }),
					options,
				})
			: autoSend(WRITE_NODE, CREDENTIAL_IDS.autoSend, {
					resource: 'contactList',
					operation: 'addContacts',
					contactListId: byId(target.listId),
					addBy: 'email',
					...(fromFields ? { inputMode: 'fromInputFields', emailsField: 'email' } : { emails: '={{ $json.email }}' }),
					options,
				});
	return workflow(
		largeSyncWorkflowId(testCase),
		`bench: ${items} items, ${operation} (${mode}${combine ? '' : ', one request per item'})`,
		[trigger, code('Make items', make), write],
		[
			[trigger.name, 'Make items'],
			['Make items', WRITE_NODE],
		],
	);
}
