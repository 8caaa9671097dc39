// Selection › Remove Members: items for the same selection, from this run and from concurrent runs, share
// RemoveContactSelectionMembers calls.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { changeMembers, memberProperties } from './members';

const properties = memberProperties('remove');

export const description = updateDisplayOptions(
	{ show: { resource: ['selection'], operation: ['removeMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await changeMembers(this, properties, {
		agent: 'RemoveContactSelectionMembers',
		verb: 'remove members from',
	});
}
